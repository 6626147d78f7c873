import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeXlsxReport } from '../../../main/engine/report/write-xlsx-report.js';
import type { ScanReport } from '../../../main/engine/types.js';
import { finding, ID_NUMBER, MASKED_ID, sampleReport } from './sample-report.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'dossier-xlsx-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function roundTrip(report: ScanReport, name: string): Promise<ExcelJS.Workbook> {
  const file = path.join(dir, name);
  await writeXlsxReport(report, file);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

function rowValues(sheet: ExcelJS.Worksheet, n: number): unknown[] {
  return (sheet.getRow(n).values as unknown[]).slice(1);
}

function allText(workbook: ExcelJS.Workbook): string {
  const parts: string[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => parts.push(String(cell.value)))));
  return parts.join('\n');
}

describe('writeXlsxReport', () => {
  it('writes a 汇总 sheet with a title, one row per village with percent completeness and 整改 progress, a total row and the notices', async () => {
    const workbook = await roundTrip(sampleReport(), 'summary.xlsx');
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['汇总', '问题清单']);
    const sheet = workbook.getWorksheet('汇总')!;
    expect(sheet.getCell('A1').value).toBe('城关镇档案自查汇总（审查日期 2023-09-30）');
    expect(rowValues(sheet, 4)).toEqual(['村', '户数', '文件数', '资料完整率', '错误', '警告', '提示', '问题数', '新增', '已整改', '逾期']);
    // Without a previous ledger there is nothing to compare: 新增 and 已整改 stay empty rather than 0.
    expect(rowValues(sheet, 5)).toEqual(['红星村', 1, 20, 0.93, 2, 0, 0, 2, undefined, undefined, 0]);
    expect(sheet.getCell('D5').numFmt).toBe('0.0%');
    expect(rowValues(sheet, 7)[0]).toBe('乡镇级');
    // The total counts every finding, the township-level one too; completeness is weighted by households.
    const total = rowValues(sheet, 8);
    expect(total[0]).toBe('合计');
    expect(total.slice(1, 3)).toEqual([3, 39]);
    expect(total[3] as number).toBeCloseTo((0.93 * 1 + 0.5 * 2) / 3, 6);
    expect(total.slice(4, 8)).toEqual([2, 2, 1, 5]);
    expect(allText(workbook)).toContain('2024 年未配置监测线，收入临界检查已跳过。');
  });

  it('shows the generation time in the machine’s time zone, not UTC', async () => {
    const workbook = await roundTrip(sampleReport(), 'local-time.xlsx');
    const t = new Date('2023-10-01T08:00:00.000Z');
    const pad = (n: number) => String(n).padStart(2, '0');
    const local = `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())} ${pad(t.getHours())}:${pad(t.getMinutes())}`;
    expect(String(workbook.getWorksheet('汇总')!.getCell('A2').value)).toContain(`生成时间：${local}`);
  });

  it('prints the 问题清单: title row, repeated header, A4 landscape fit to width only, footer page numbers, hidden key, signature line', async () => {
    const workbook = await roundTrip(sampleReport(), 'findings.xlsx');
    const sheet = workbook.getWorksheet('问题清单')!;
    expect(sheet.getCell('A1').value).toBe('城关镇 · 档案问题整改台账（审查日期 2023-09-30）');
    expect(rowValues(sheet, 2)).toEqual([
      '序号', '村', '户主', '问题类型', '问题描述', '文件位置', '严重程度',
      '对比', '整改措施', '责任人', '整改时限', '逾期', '整改状态', '备注', '问题编号',
    ]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet.autoFilter).toBe('A2:O7');
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2' });
    expect(sheet.headerFooter.oddFooter).toContain('&P');
    expect(sheet.getColumn('O').hidden).toBe(true);
    expect(rowValues(sheet, 3)[1]).toBe('乡镇级');
    expect(rowValues(sheet, 4).slice(1, 4)).toEqual(['东风村', '李四', '使用停用表述']);
    expect(rowValues(sheet, 7).slice(1, 7)).toEqual([
      '红星村', '张三', '缺少资料', '缺少 2023 年家庭收入测算表', `红星村/户档/0001_张三_${MASKED_ID}`, '错误',
    ]);
    expect(rowValues(sheet, 7)[14]).toBe('missing-document|红星村|张三|家庭收入测算表|2023');
    expect(sheet.getCell('E3').alignment?.wrapText).toBe(true);
    expect(sheet.getCell('M3').dataValidation).toMatchObject({ type: 'list', formulae: ['"未整改,整改中,已整改,整改未到位,已销号,无需整改"'] });
    expect(sheet.getCell('H3').dataValidation).toMatchObject({ type: 'list', formulae: ['"新增,未整改,已整改"'] });
    expect(sheet.getCell('K3').numFmt).toBe('yyyy-mm-dd');
    expect(String(sheet.getCell('A9').value)).toMatch(/^填表人：.*审核人：.*日期：/);
  });
  it('masks ID numbers in messages and paths everywhere', async () => {
    const workbook = await roundTrip(sampleReport(), 'masked.xlsx');
    const text = allText(workbook);
    expect(text).not.toContain(ID_NUMBER);
    expect(text).toContain(`公示中出现身份证号 ${MASKED_ID}（第 3 行）`);
  });

  it('gives wrapped descriptions a row height that shows every line', async () => {
    const long = '家庭成员信息与系统导出不一致'.repeat(10);
    const report = sampleReport();
    report.findings.push(finding({ rule: 'data-mismatch', severity: 'warning', household: '欧阳娜娜娜', message: long }));
    const workbook = await roundTrip(report, 'heights.xlsx');
    const sheet = workbook.getWorksheet('问题清单')!;
    let row: ExcelJS.Row | undefined;
    sheet.eachRow((r) => { if (r.getCell(5).value === long) row = r; });
    // 280 display columns in a 38-wide column: 8 lines.
    expect(row!.height).toBeGreaterThanOrEqual(8 * 14);
  });

  it('carries the clerk’s fields, highlights 整改未到位 and 逾期, and adds 已整改 and 无需整改 sheets', async () => {
    const report = sampleReport();
    report.findings = report.findings.map((f, i) => ({
      ...f,
      status: i === 0 ? 'open' : 'new',
      ...(i === 0 ? { rectification: { measure: '补充收入测算表', owner: '李会计', deadline: '2023-09-01', state: '整改未到位' as const }, overdue: true } : {}),
      ...(i === 1 ? { rectification: { state: '无需整改' as const, note: '历史资料', resolvedOn: '2023-06-30' }, suppressed: true } : {}),
    }));
    report.resolved = [finding({ key: 'stale-ledger|红星村||帮扶台账', rule: 'stale-ledger', severity: 'warning', household: null, message: '帮扶台账已一年未更新', rectification: { state: '已整改', resolvedOn: '2023-09-30' } })];
    const workbook = await roundTrip(report, 'previous.xlsx');
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['汇总', '问题清单', '已整改', '无需整改']);
    const list = workbook.getWorksheet('问题清单')!;
    const byKey = new Map<string, ExcelJS.Row>();
    list.eachRow((row, n) => { if (n > 2 && row.getCell(15).value) byKey.set(String(row.getCell(15).value), row); });
    expect(byKey.size).toBe(4);
    const carried = byKey.get('missing-document|红星村|张三|家庭收入测算表|2023')!;
    expect([carried.getCell(8).value, carried.getCell(9).value, carried.getCell(10).value, carried.getCell(12).value, carried.getCell(13).value])
      .toEqual(['未整改', '补充收入测算表', '李会计', '逾期', '整改未到位']);
    expect((carried.getCell(11).value as Date).toISOString().slice(0, 10)).toBe('2023-09-01');
    expect(carried.getCell(13).fill).toMatchObject({ fgColor: { argb: 'FFF8CBAD' } });
    expect(carried.getCell(11).fill).toMatchObject({ fgColor: { argb: 'FFF8CBAD' } });
    expect(byKey.get('near-threshold|东风村|王五')!.getCell(8).value).toBe('新增');
    const resolved = workbook.getWorksheet('已整改')!;
    expect(rowValues(resolved, 3).slice(1, 5)).toEqual(['红星村', '村级', '台账未更新', '帮扶台账已一年未更新']);
    expect(rowValues(resolved, 3)[10]).toBe('已整改');
    const suppressed = workbook.getWorksheet('无需整改')!;
    expect(rowValues(suppressed, 3).slice(7, 9)).toEqual(['无需整改', '历史资料']);
    expect(allText(workbook)).toContain('与上次台账相比：新增 3 条，未整改 1 条，已整改 1 条');
    expect(allText(workbook)).toContain('逾期 1 条');
  });

  it('says in the description when a finding rests on text read from a scan (OCR), with its confidence', async () => {
    const report = sampleReport();
    report.findings.push(finding({ rule: 'outdated-term', severity: 'warning', household: '赵六', message: '使用了停用表述“贫困户”', details: { via: 'ocr', ocrConfidence: 87 } }));
    const workbook = await roundTrip(report, 'ocr.xlsx');
    expect(allText(workbook)).toContain('使用了停用表述“贫困户”\n（据扫描件文字识别（可信度 87%））');
  });

  it('writes a usable ledger for a scan that found nothing', async () => {
    const workbook = await roundTrip(sampleReport({ findings: [], notices: [] }), 'empty.xlsx');
    const sheet = workbook.getWorksheet('问题清单')!;
    expect(rowValues(sheet, 2)[0]).toBe('序号');
    expect(sheet.getRow(3).getCell(15).value).toBeNull();
    expect(rowValues(workbook.getWorksheet('汇总')!, 7)[0]).toBe('合计');
  });
});
