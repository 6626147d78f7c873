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
  it('writes a 汇总 sheet with a title, one row per village with percent completeness, a total row and the notices', async () => {
    const workbook = await roundTrip(sampleReport(), 'summary.xlsx');
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['汇总', '问题清单']);
    const sheet = workbook.getWorksheet('汇总')!;
    expect(sheet.getCell('A1').value).toBe('城关镇档案自查汇总（审查日期 2023-09-30）');
    expect(rowValues(sheet, 4)).toEqual(['村', '户数', '文件数', '资料完整率', '错误', '警告', '提示']);
    expect(rowValues(sheet, 5)).toEqual(['红星村', 1, 20, 0.93, 2, 0, 0]);
    expect(sheet.getCell('D5').numFmt).toBe('0.0%');
    expect(rowValues(sheet, 7)[0]).toBe('乡镇级');
    // The total counts every finding, the township-level one too; completeness is weighted by households.
    const total = rowValues(sheet, 8);
    expect(total[0]).toBe('合计');
    expect(total.slice(1, 3)).toEqual([3, 39]);
    expect(total[3] as number).toBeCloseTo((0.93 * 1 + 0.5 * 2) / 3, 6);
    expect(total.slice(4)).toEqual([2, 2, 1]);
    expect(allText(workbook)).toContain('2024 年未配置监测线，收入临界检查已跳过。');
  });

  it('lists findings with the ledger columns, a frozen header, a filter over all rows and the key far right', async () => {
    const workbook = await roundTrip(sampleReport(), 'findings.xlsx');
    const sheet = workbook.getWorksheet('问题清单')!;
    expect(rowValues(sheet, 1)).toEqual([
      '序号', '村', '户主', '问题类型', '问题描述', '文件位置', '严重程度',
      '整改措施', '责任人', '整改时限', '整改状态', '问题编号',
    ]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:L6');
    expect(sheet.rowCount).toBe(6);
    const first = rowValues(sheet, 2);
    // Sorted: township level first, then villages in pinyin order (东风 before 红星), households, severity.
    expect(rowValues(sheet, 2)[1]).toBe('乡镇级');
    expect(rowValues(sheet, 3).slice(1, 4)).toEqual(['东风村', '李四', '使用停用表述']);
    expect(rowValues(sheet, 4).slice(1, 4)).toEqual(['东风村', '王五', '收入临界']);
    expect(rowValues(sheet, 5).slice(1, 4)).toEqual(['红星村', '村级', '公示泄露个人信息']);
    expect(rowValues(sheet, 6).slice(1, 7)).toEqual([
      '红星村', '张三', '缺少资料', '缺少 2023 年家庭收入测算表', `红星村/户档/0001_张三_${MASKED_ID}`, '错误',
    ]);
    expect(rowValues(sheet, 6)[11]).toBe('missing-document|红星村|张三|家庭收入测算表|2023');
    expect(first[0]).toBe(1);
    expect(sheet.getCell('E2').alignment?.wrapText).toBe(true);
  });

  it('masks ID numbers in messages and paths everywhere', async () => {
    const workbook = await roundTrip(sampleReport(), 'masked.xlsx');
    const text = allText(workbook);
    expect(text).not.toContain(ID_NUMBER);
    expect(text).toContain(`公示中出现身份证号 ${MASKED_ID}（第 3 行）`);
  });

  it('sizes columns to their Chinese text (a CJK character counts as two) and caps the description column', async () => {
    const long = '家庭成员信息与系统导出不一致'.repeat(10);
    const report = sampleReport();
    report.findings.push(finding({ rule: 'data-mismatch', severity: 'warning', household: '欧阳娜娜娜', message: long }));
    const workbook = await roundTrip(report, 'widths.xlsx');
    const sheet = workbook.getWorksheet('问题清单')!;
    const width = (col: string) => sheet.getColumn(col).width ?? 0;
    expect(width('C')).toBeGreaterThanOrEqual(12); // 欧阳娜娜娜: 5 characters, 10 columns, plus padding
    expect(width('D')).toBeGreaterThanOrEqual(18); // 公示泄露个人信息: 8 characters
    expect(width('E')).toBe(60);
    expect(width('H')).toBeGreaterThanOrEqual(20); // room to write the measures by hand
  });

  it('shows 新增/未整改 in 整改状态 and adds an 已整改 sheet for resolved findings', async () => {
    const report = sampleReport();
    report.findings = report.findings.map((f, i) => ({ ...f, status: i === 0 ? 'open' : 'new' }));
    report.resolved = [finding({ key: 'stale-ledger|红星村||帮扶台账', rule: 'stale-ledger', severity: 'warning', household: null, message: '帮扶台账已一年未更新' })];
    const workbook = await roundTrip(report, 'previous.xlsx');
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['汇总', '问题清单', '已整改']);
    const list = workbook.getWorksheet('问题清单')!;
    const statuses = new Map<string, unknown>();
    list.eachRow((row, n) => {
      if (n > 1) statuses.set(String(row.getCell(12).value), row.getCell(11).value);
    });
    expect(statuses.get('missing-document|红星村|张三|家庭收入测算表|2023')).toBe('未整改');
    expect(statuses.get('near-threshold|东风村|王五')).toBe('新增');
    const resolved = workbook.getWorksheet('已整改')!;
    expect(rowValues(resolved, 2).slice(1, 5)).toEqual(['红星村', '村级', '台账未更新', '帮扶台账已一年未更新']);
    expect(allText(workbook)).toContain('与上次报告相比：新增 4 条，未整改 1 条，已整改 1 条。');
  });

  it('writes a usable ledger for a scan that found nothing', async () => {
    const workbook = await roundTrip(sampleReport({ findings: [], notices: [] }), 'empty.xlsx');
    const sheet = workbook.getWorksheet('问题清单')!;
    expect(sheet.rowCount).toBe(1);
    expect(rowValues(workbook.getWorksheet('汇总')!, 7)[0]).toBe('合计');
  });
});
