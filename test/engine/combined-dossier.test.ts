// One file that holds several documents: a household's whole dossier printed into one PDF (a page per document),
// or written into one .docx (a titled section per document). Each part counts for its checklist item with its own
// year, so a complete combined file leaves nothing missing, and a combined file lacking one part is reported for
// exactly that part — before, every such household got false missing-document findings.
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import jpeg from 'jpeg-js';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScan } from '../../main/engine/run-scan.js';
import type { ScanReport } from '../../main/engine/types.js';

const FONT = '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc';

/** The documents of a plain 脱贫户's dossier as [title, body lines]. */
const parts: Array<[string, string[]]> = [
  ['家庭基本情况表', ['户主：某某  家庭人口：4人', '填表日期：2023年3月2日']],
  ['2022年度家庭收入测算表', ['工资性收入 18000元', '生产经营性收入 4200元', '测算日期：2022年12月10日']],
  ['2023年度家庭收入测算表', ['工资性收入 19500元', '生产经营性收入 4400元', '测算日期：2023年8月20日']],
  ['帮扶政策明白卡', ['享受政策：产业奖补、雨露计划', '发放日期：2023年4月1日']],
  ['帮扶责任人走访记录', ['走访情况：家中生产生活正常', '走访日期：2023年6月15日']],
  ['两不愁三保障及饮水安全核验表', ['住房安全：安全', '饮水安全：达标', '医疗保障：已参保', '核验日期：2023年5月9日']],
];

async function writePdf(file: string, pages: Array<[string, string[]]>): Promise<void> {
  const doc = new PDFDocument({ size: 'A4', margin: 60 });
  const done = new Promise<void>((resolve) => doc.pipe(createWriteStream(file)).on('finish', () => resolve()));
  doc.registerFont('zh', FONT, 'WenQuanYiZenHei');
  pages.forEach(([title, lines], i) => {
    if (i > 0) doc.addPage();
    doc.font('zh').fontSize(18).text(title, { align: 'center' }).moveDown();
    doc.fontSize(11);
    for (const line of lines) doc.text(line);
  });
  doc.end();
  await done;
}

async function writeDocx(file: string, sections: Array<[string, string[]]>): Promise<void> {
  const children = sections.flatMap(([title, lines]) => [
    new Paragraph({ text: title, heading: HeadingLevel.HEADING_1 }),
    ...lines.map((l) => new Paragraph({ text: `${l}。` })),
  ]);
  await writeFile(file, await Packer.toBuffer(new Document({ sections: [{ children }] })));
}

const photo = (): Buffer => Buffer.from(jpeg.encode({ data: Buffer.alloc(64 * 48 * 4, 180), width: 64, height: 48 }, 80).data);

let dir: string;
let report: ScanReport;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dc-combined-'));
  const households = path.join(dir, '红星村', '户档');
  const without = (title: string) => parts.filter(([t]) => t !== title);
  const layout: Array<[string, (file: string) => Promise<void>, string]> = [
    ['0001_张三', (f) => writePdf(f, parts), '户内档案.pdf'],
    ['0002_李四', (f) => writePdf(f, without('2023年度家庭收入测算表')), '户内档案.pdf'],
    ['0003_王五', (f) => writeDocx(f, parts), '户内档案.docx'],
    ['0004_赵六', (f) => writeDocx(f, without('帮扶政策明白卡')), '户内档案.docx'],
  ];
  for (const [folder, write, name] of layout) {
    await mkdir(path.join(households, folder), { recursive: true });
    await write(path.join(households, folder, name));
    await writeFile(path.join(households, folder, '户口本.jpg'), photo());
  }
  report = await runScan({ root: dir, asOf: '2023-09-30', cacheDir: null, ocr: 'off' });
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

const missing = (head: string): string[] =>
  report.findings
    .filter((f) => f.rule === 'missing-document' && f.household === head)
    .map((f) => `${f.details.item as string}${f.details.year === undefined ? '' : ` ${String(f.details.year)}`}`)
    .sort();

describe('one file holding several documents', () => {
  it('a whole dossier in one PDF, a page per document, satisfies every item it holds, each year apart', () => {
    expect(missing('张三')).toEqual([]);
    expect(missing('李四')).toEqual(['家庭收入测算表 2023']);
  });

  it('a whole dossier in one .docx, a titled section per document, likewise', () => {
    expect(missing('王五')).toEqual([]);
    expect(missing('赵六')).toEqual(['帮扶政策明白卡']);
  });

  it('the 资料对照表 names the combined file for each item it satisfies', () => {
    const dossier = report.dossiers.find((d) => d.household === '张三')!;
    const satisfied = dossier.items.filter((i) => i.status === 'present').map((i) => i.item);
    expect(satisfied).toEqual(expect.arrayContaining(['家庭基本情况表', '家庭收入测算表', '帮扶政策明白卡', '帮扶责任人走访记录', '住房安全认定', '饮水安全评估']));
  });
});
