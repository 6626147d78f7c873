// The 整改 loop on a copy of the sample township, through the command line a clerk's helper would use:
// scan → fill the .xlsx → fix two planted defects → re-scan with --previous filled.xlsx.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPreviousReport } from '../../main/engine/report/read-previous-report.js';

const run = promisify(execFile);
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

let dir: string;
let archive: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dossier-rescan-'));
  archive = path.join(dir, 'sample-township');
  await cp(path.join(repo, 'fixtures/sample-township'), archive, { recursive: true });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function scan(out: string, ...extra: string[]): Promise<void> {
  await run(process.execPath, ['--import', 'tsx', 'main/cli.ts', 'scan', archive, '--as-of', '2023-09-30', '--format', 'xlsx', '--out', out, '--cache-dir', path.join(dir, 'cache'), '--quiet', ...extra], { cwd: repo });
}

const FIXED_MISSING = 'missing-document|红星村|李四|帮扶政策明白卡';
const FIXED_UNREADABLE = 'unreadable-file|青山村|赵六|02青山村/赵六户（620422********1512）/新建 Microsoft Excel 工作表.xlsx';
const CLAIMED_FIXED = 'template-plan|红星村|周八';
const ACCEPTED = 'outdated-term|红星村||01 红星村/村级台账/07产业发展台账.xlsx|精准扶贫';
const OPEN = 'stale-ledger|石门村||驻村工作队工作日志';

describe('re-scan with the filled ledger after fixing two defects', () => {
  it('moves exactly the two fixed ones to 已整改, flags 整改未到位, suppresses the accepted exception and keeps every field', async () => {
    const first = path.join(dir, 'first.xlsx');
    await scan(first);

    // The clerk fills the ledger in Excel.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(first);
    const sheet = workbook.getWorksheet('问题清单')!;
    const col = new Map<string, number>();
    sheet.getRow(2).eachCell((cell, c) => col.set(String(cell.value), c));
    const rowOf = (key: string): ExcelJS.Row => {
      for (let r = 3; r <= sheet.rowCount; r++) if (sheet.getRow(r).getCell(col.get('问题编号')!).value === key) return sheet.getRow(r);
      throw new Error(`ledger has no row ${key}`);
    };
    const fill = (key: string, state: string, note = ''): void => {
      const row = rowOf(key);
      row.getCell(col.get('整改措施')!).value = `措施：${key.slice(0, 12)}`;
      row.getCell(col.get('责任人')!).value = '李会计';
      row.getCell(col.get('整改时限')!).value = new Date(Date.UTC(2023, 8, 15));
      row.getCell(col.get('整改状态')!).value = state;
      if (note) row.getCell(col.get('备注')!).value = note;
    };
    fill(FIXED_MISSING, '已整改');
    fill(FIXED_UNREADABLE, '整改中');
    fill(CLAIMED_FIXED, '已整改');
    fill(ACCEPTED, '无需整改', '2019 年的历史台账，按规定不再修改');
    fill(OPEN, '整改中');
    const filled = path.join(dir, 'filled.xlsx');
    await workbook.xlsx.writeFile(filled);
    const before = await readPreviousReport(filled);

    // Two planted defects fixed in the copy: the missing 明白卡 added, the empty spreadsheet removed.
    const card = new Document({
      sections: [{ children: [new Paragraph({ text: '帮扶政策明白卡', heading: HeadingLevel.TITLE }), new Paragraph('享受政策：产业奖补、公益岗位。帮扶责任人：王干部。')] }],
    });
    await writeFile(path.join(archive, '01 红星村/二、户档/0002_李四/帮扶政策明白卡.docx'), await Packer.toBuffer(card));
    await rm(path.join(archive, '02青山村/赵六户（620422********1512）/新建 Microsoft Excel 工作表.xlsx'));

    const second = path.join(dir, 'second.xlsx');
    await scan(second, '--previous', filled);
    const after = await readPreviousReport(second);
    const findingKeys = after.findings.map((f) => f.key).sort();
    // Exactly the two fixed defects are gone; the rest, the accepted exception included, still stand.
    expect(after.resolved.map((f) => f.key).sort()).toEqual([FIXED_MISSING, FIXED_UNREADABLE].sort());
    expect(findingKeys).toEqual(before.findings.map((f) => f.key).filter((k) => k !== FIXED_MISSING && k !== FIXED_UNREADABLE).sort());
    const resolvedOf = (key: string) => after.resolved.find((f) => f.key === key)!.rectification;
    expect(resolvedOf(FIXED_MISSING)).toMatchObject({ state: '已整改', resolvedOn: '2023-09-30', owner: '李会计' });
    expect(resolvedOf(FIXED_UNREADABLE)).toMatchObject({ state: '已整改', resolvedOn: '2023-09-30' });
    const of = (key: string) => after.findings.find((f) => f.key === key)!.rectification;
    expect(of(CLAIMED_FIXED)).toMatchObject({ state: '整改未到位', deadline: '2023-09-15', owner: '李会计' });
    expect(of(OPEN)).toMatchObject({ state: '整改中', measure: `措施：${OPEN.slice(0, 12)}` });
    expect(of(ACCEPTED)).toMatchObject({ state: '无需整改', note: '2019 年的历史台账，按规定不再修改', resolvedOn: '2023-09-30' });

    // In the new workbook: the accepted exception is out of the 问题清单 and in 无需整改; 整改未到位 and 逾期 stand out.
    const next = new ExcelJS.Workbook();
    await next.xlsx.readFile(second);
    expect(next.worksheets.map((s) => s.name)).toEqual(['汇总', '问题清单', '系统数据疑点', '已整改', '无需整改', '资料对照表']);
    const keysIn = (name: string): string[] => {
      const s = next.getWorksheet(name)!;
      const header = (s.getRow(2).values as unknown[]).indexOf('问题编号');
      const keys: string[] = [];
      s.eachRow((row, n) => { if (n > 2 && row.getCell(header).value) keys.push(String(row.getCell(header).value)); });
      return keys;
    };
    expect(keysIn('问题清单')).not.toContain(ACCEPTED);
    // The export's own 疑点 are listed in 系统数据疑点, the rest in 问题清单.
    const doubts = after.findings.filter((f) => f.rule.startsWith('export/')).map((f) => f.key);
    expect(keysIn('系统数据疑点').sort()).toEqual(doubts.sort());
    expect(keysIn('问题清单')).toHaveLength(after.findings.length - 1 - doubts.length);
    expect(keysIn('无需整改')).toEqual([ACCEPTED]);
    expect(keysIn('已整改').sort()).toEqual([FIXED_MISSING, FIXED_UNREADABLE].sort());
    const list = next.getWorksheet('问题清单')!;
    const header = list.getRow(2).values as unknown[];
    list.eachRow((row, n) => {
      if (n <= 2) return;
      const key = row.getCell(header.indexOf('问题编号')).value;
      if (key === CLAIMED_FIXED) {
        expect(row.getCell(header.indexOf('整改状态')).fill).toMatchObject({ fgColor: { argb: 'FFF8CBAD' } });
        expect(row.getCell(header.indexOf('逾期')).value).toBe('逾期');
        expect(row.getCell(header.indexOf('对比')).value).toBe('未整改');
      }
    });
    // 资料对照表: 李四's 明白卡 is now ✓.
    const matrix = next.getWorksheet('资料对照表')!;
    const mHeader = matrix.getRow(2).values as unknown[];
    let li: unknown[] = [];
    matrix.eachRow((row) => { if (row.getCell(2).value === '李四') li = row.values as unknown[]; });
    expect(li[mHeader.indexOf('帮扶政策明白卡')]).toBe('✓');
  }, 120_000);
});
