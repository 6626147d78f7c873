import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { DateMention, Finding } from '../../rules/api.js';
import { outdatedTerm } from '../../rules/outdated-term.js';
import { extractDocx } from '../../main/engine/extract/docx-adapter.js';
import { extractXlsx } from '../../main/engine/extract/xlsx-adapter.js';
import { findDates } from '../../rules/lib/find-dates.js';
import { loadRetiredTerms } from '../../main/engine/config/rule-data/retired-terms.js';
import { makeModel, runRule, type FileSpec } from './helpers/make-model.js';

const terms = await loadRetiredTerms();

function day(date: string): DateMention {
  return { date, precision: 'day', location: '落款', text: date };
}

/** One household file in 红星村/张三, scanned on 2023-09-30 unless told otherwise. */
function scan(file: Partial<FileSpec> & { text?: string[] }, options: Record<string, unknown> = {}, asOf = '2023-09-30'): Finding[] {
  const model = makeModel({
    asOf,
    data: terms,
    villages: [{ name: '红星村', households: [{ head: '张三', files: [{ path: '红星村/张三/帮扶记录.docx', ...file }] }] }],
  });
  return runRule(outdatedTerm, model, options);
}

const termsOf = (findings: Finding[]): unknown[] => findings.map((f) => f.details.term);

describe('outdated-term: valid (nothing reported)', () => {
  const valid: Array<[string, string]> = [
    ['exempt compounds', '村光伏扶贫电站收益用于设立光伏扶贫岗位，光伏扶贫资金分配公示。'],
    ['exempt programmes', '易地扶贫搬迁安置点，雨露计划补助，扶贫项目资产和扶贫资产管理。'],
    ['current names containing a retired one', '该户为建档立卡脱贫户，申请脱贫人口小额信贷，信息录入全国防返贫监测信息系统。'],
    ['historic campaign', '十八洞村是精准扶贫首倡地，脱贫攻坚期间打赢精准脱贫攻坚战。'],
    ['quoted title', '根据《关于进一步做好贫困户帮扶工作的通知》要求开展走访。'],
    ['issuer before a title', '依据市扶贫办《关于做好动态管理工作的通知》执行。'],
    ['issuer before a document number', '按照县扶贫办〔2019〕12号文件执行。'],
    ['issuer with full-width brackets', '按照县扶贫办［2019］12号文件执行。'],
    ['原 / 曾 prefix', '该户系原建档立卡贫困户，曾为贫困户，原扶贫办干部回访。'],
    ['year-anchored sentences', '截至2020年底，全村贫困户全部脱贫。2018年最后一户贫困户脱贫。2016年识别为贫困户。'],
    ['full-width year', '截至２０２０年底，全村贫困户全部脱贫。'],
    ['already the suggestion', '该户为脱贫户，在就业帮扶车间务工，聘为乡村公益性岗位，报乡村振兴局审核。'],
  ];
  it.each(valid)('%s', (_name, text) => {
    expect(scan({ text: [text] })).toEqual([]);
  });

  it('a document whose own dates all precede the retirement is a record of its time', () => {
    expect(scan({ text: ['该户为贫困户，享受帮扶政策。'], content: { dates: [day('2019-06-12'), { ...day('2020-12-01'), precision: 'month' }] } })).toEqual([]);
  });

  it('nothing is retired yet when auditing as of a date before retirement', () => {
    expect(scan({ text: ['该户为贫困户。'] }, {}, '2020-06-30')).toEqual([]);
  });

  it('扶贫办 retired on 2021-02-25: a document of January 2021 is still in time', () => {
    expect(scan({ text: ['报县扶贫办审核。'], content: { dates: [day('2021-01-20')] } })).toEqual([]);
  });
});

describe('outdated-term: invalid (reported)', () => {
  it('reports the longest term at a place, not also the shorter one inside it', () => {
    const findings = scan({ text: ['建档立卡贫困户花名册'] });
    expect(termsOf(findings)).toEqual(['建档立卡贫困户']);
    expect(findings[0].message).toBe('使用了已停用的表述“建档立卡贫困户”（第1段），应改为“脱贫户 / 监测对象”');
    expect(findings[0].details).toMatchObject({ suggestion: '脱贫户 / 监测对象', location: '第1段', count: 1, locations: ['第1段'] });
  });

  it('keys a finding by file and term, with the household head and village', () => {
    const [finding] = scan({ text: ['该户为贫困户。'] });
    expect(finding.key).toBe('outdated-term|红星村|张三|红星村/张三/帮扶记录.docx|贫困户');
    expect(finding).toMatchObject({ rule: 'outdated-term', severity: 'error', village: '红星村', household: '张三', path: '红星村/张三/帮扶记录.docx' });
  });

  it('reads OCR text with spaces between characters, including full-width spaces', () => {
    expect(termsOf(scan({ text: ['贫 困 户 名 单'] }))).toEqual(['贫困户']);
    expect(termsOf(scan({ text: ['县　扶　贫　办　审核'] }))).toEqual(['扶贫办']);
  });

  it('a sentence about the present is reported beside an old-dated one', () => {
    const findings = scan({
      text: ['2016年识别为贫困户。', '该户仍按贫困户享受帮扶政策。'],
      content: { dates: [day('2016-03-01'), day('2023-05-10')] },
    });
    expect(findings).toHaveLength(1);
    expect(findings[0].details).toMatchObject({ term: '贫困户', location: '第2段', count: 1 });
  });

  it('a year that reaches the present anchors nothing in the past', () => {
    expect(termsOf(scan({ text: ['2020年以来，全村贫困户收入稳定增长。'] }))).toEqual(['贫困户']);
    expect(termsOf(scan({ text: ['2019年至今，该户一直是贫困户。'] }))).toEqual(['贫困户']);
  });

  it('one finding per file and term, counting every place', () => {
    const findings = scan({ text: ['贫困户甲', '无关', '贫困户乙，贫困户丙', '贫困村'] });
    expect(termsOf(findings)).toEqual(['贫困户', '贫困村']);
    expect(findings[0].details).toMatchObject({ count: 3, location: '第1段', locations: ['第1段', '第3段'] });
    expect(findings[0].message).toBe('使用了已停用的表述“贫困户”（第1段等 3 处），应改为“脱贫户 / 监测对象”');
  });

  it('扶贫车间 is a warning, others errors', () => {
    const findings = scan({ text: ['在村扶贫车间务工，申请扶贫小额信贷。'] });
    expect(findings.map((f) => [f.details.term, f.severity])).toEqual([
      ['扶贫车间', 'warning'],
      ['扶贫小额信贷', 'error'],
    ]);
  });

  it('checks the file name, located 文件名', () => {
    const findings = scan({ path: '红星村/张三/2023年贫困户帮扶手册.docx', text: ['该户为脱贫户。'] });
    expect(findings).toHaveLength(1);
    expect(findings[0].details).toMatchObject({ term: '贫困户', location: '文件名' });
    expect(findings[0].message).toContain('（文件名）');
    expect(scan({ path: '红星村/张三/2019年贫困户帮扶手册.docx', text: ['该户为脱贫户。'] })).toEqual([]);
  });

  it('an unreadable file is still judged by its name', () => {
    const findings = scan({ path: '红星村/张三/贫困户档案.pdf', content: null, unreadable: { reason: 'corrupt', message: '文件已损坏' } });
    expect(findings.map((f) => f.details.location)).toEqual(['文件名']);
  });

  it('keeps a spreadsheet location as written', () => {
    const blocks = [{ text: '户类型', location: 'Sheet1!B6' }, { text: '贫困户', location: 'Sheet1!B7' }];
    const [finding] = scan({ path: '红星村/张三/台账.xlsx', content: { blocks } });
    expect(finding.details.location).toBe('Sheet1!B7');
  });

  it('reads worksheet cells not carried by blocks, located Sheet!B7', () => {
    const rows = [['户主', '户类型'], ...Array.from({ length: 5 }, () => ['', '']), ['张三', '边缘户']];
    const [finding] = scan({ path: '红星村/张三/台账.xlsx', content: { blocks: [], tables: [{ name: 'Sheet1', kind: 'sheet', rows, location: 'Sheet1' }] } });
    expect(finding.details).toMatchObject({ term: '边缘户', location: 'Sheet1!B7', suggestion: '边缘易致贫户' });
  });

  it('in a sheet past a million cells, read row by row, names the cell the term stands in', () => {
    // Row blocks are made from the table (rowBlocksAt): 序号, 户主, an empty cell and 户类型 in row 8.
    const rows = [['序号', '户主', '备注', '户类型'], ...Array.from({ length: 6 }, (_, r) => [String(r + 1), `户主${r}`, '', '脱贫户']), ['7', '张三', '', '贫困户']];
    const table = { name: '花名册', kind: 'sheet' as const, rows, location: '花名册', rowBlocksAt: 0 };
    const findings = scan({ path: '红星村/张三/花名册.xlsx', content: { blocks: [], tables: [table] } });
    expect(findings.map((f) => f.details)).toMatchObject([{ term: '贫困户', location: '花名册!D8', count: 1 }]);
  });

  it('with ignoreQuotedTitles off, a cited title is reported too', () => {
    const text = ['根据《关于进一步做好贫困户帮扶工作的通知》要求开展走访。'];
    expect(termsOf(scan({ text }, { ignoreQuotedTitles: false }))).toEqual(['贫困户']);
  });

  it('a document with no dates is judged current', () => {
    expect(termsOf(scan({ text: ['报县扶贫办审核。'] }))).toEqual(['扶贫办']);
  });

  it('does not check the monitoring system export, whose wording the village cannot change', () => {
    const files = [{ path: '导出/监测对象信息.xlsx', content: { blocks: [{ text: '贫困户', location: 'Sheet1!F4' }] } }];
    const model = makeModel({ data: terms, systemSources: ['导出/监测对象信息.xlsx'], villages: [{ name: '红星村', files }] });
    expect(runRule(outdatedTerm, model)).toEqual([]);
    expect(runRule(outdatedTerm, { ...model, systemSources: [] })).toHaveLength(1);
  });

  it('reports a village file with no household', () => {
    const model = makeModel({ data: terms, villages: [{ name: '红星村', files: [{ path: '红星村/村级台账/贫困村退出资料.docx', text: ['我村为贫困村。'] }] }] });
    const findings = runRule(outdatedTerm, model);
    expect(findings.map((f) => f.key)).toEqual(['outdated-term|红星村||红星村/村级台账/贫困村退出资料.docx|贫困村']);
    expect(findings[0].details).toMatchObject({ count: 2, locations: ['文件名', '第1段'] });
  });
});

describe('outdated-term on a real Word file', () => {
  it('reports a paragraph and a table cell once each, with the extractor locations', async () => {
    const cell = (text: string): TableCell => new TableCell({ children: [new Paragraph(text)] });
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph('帮扶手册'),
            new Paragraph('2016年识别为贫困户。'),
            new Paragraph('该户仍按贫困户享受帮扶政策，依据县扶贫办〔2019〕12号文件执行。'),
            new Table({ rows: [new TableRow({ children: [cell('户类型'), cell('监测类型')] }), new TableRow({ children: [cell('脱贫户'), cell('贫困边缘户')] })] }),
            new Paragraph('填表日期：2023年5月10日'),
          ],
        },
      ],
    });
    const content = await extractDocx(Buffer.from(await Packer.toBuffer(doc)), 'docx');
    content.dates = findDates(content.blocks);
    const findings = scan({ path: '红星村/张三/帮扶手册.docx', content });
    expect(findings.map((f) => [f.details.term, f.details.location, f.details.count])).toEqual([
      ['贫困户', '第3段', 1],
      ['贫困边缘户', '表格1 第2行第2列', 1],
    ]);
  });
});

describe('outdated-term: birth dates do not make a form historical', () => {
  it('a member table whose only dates are birth dates is judged current (real .xlsx)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('家庭成员');
    ws.addRow(['家庭基本情况表']);
    ws.addRow(['姓名', '与户主关系', '出生日期', '户类型']);
    ws.addRow(['张三', '户主', new Date('1965-03-15T00:00:00Z'), '贫困户']);
    ws.addRow(['张小明', '之子', new Date('2015-06-01T00:00:00Z'), '']);
    const content = await extractXlsx(Buffer.from(await wb.xlsx.writeBuffer()), 'xlsx');
    content.dates = findDates(content.blocks);
    expect(content.dates.length).toBeGreaterThanOrEqual(2);
    const findings = scan({ path: '红星村/张三/家庭基本情况表.xlsx', content });
    expect(findings.map((f) => [f.details.term, f.details.location])).toEqual([['贫困户', '家庭成员!D3']]);
  });

  it('a birth date written in a sentence is left out, a filling date is not', () => {
    const text = ['户主张三，1965年3月出生。', '户类型：贫困户'];
    const dated = (blocks: string[]): Finding[] => {
      const content = { blocks: blocks.map((t, i) => ({ text: t, location: `第${i + 1}段` })) };
      return scan({ content: { ...content, dates: findDates(content.blocks) } });
    };
    expect(termsOf(dated(text))).toEqual(['贫困户']);
    expect(termsOf(dated([...text, '填表日期：2019年12月5日']))).toEqual([]);
    expect(termsOf(dated(['出生日期：1965-03-15', '户类型：贫困户']))).toEqual(['贫困户']);
  });
});

describe('outdated-term: PDF lines', () => {
  const pdfLines = (...lines: string[]): FileSpec['content'] => ({
    format: 'pdf',
    blocks: lines.map((text) => ({ text, location: '第1页', page: 1 })),
  });

  it('reads a sentence wrapped onto the next line with its year', () => {
    expect(scan({ path: '红星村/张三/总结.pdf', content: pdfLines('截至2020年底，全村', '贫困户全部脱贫。', '该户仍按贫困户享受帮扶政策。') })
      .map((f) => f.details.count)).toEqual([1]);
  });

  it('finds a term broken across two lines once', () => {
    const findings = scan({ path: '红星村/张三/总结.pdf', content: pdfLines('该户为建档立卡贫', '困户，享受政策。') });
    expect(findings.map((f) => [f.details.term, f.details.count])).toEqual([['建档立卡贫困户', 1]]);
  });

  it('does not carry a finished sentence over', () => {
    expect(termsOf(scan({ path: '红星村/张三/总结.pdf', content: pdfLines('2019年完成识别。', '该户为贫困户。') }))).toEqual(['贫困户']);
  });
});
