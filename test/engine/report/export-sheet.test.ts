// The 系统数据疑点 sheet as a clerk uses it: the export's 疑点 grouped by category with the system's values, kept
// out of the 问题清单; 核实情况 and 核实人 filled in Excel come back with --previous on the next run.
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { AS_OF } from '../../../fixtures/export/base-household.js';
import { ROSTER_FILE, WORK_FILE, writeExportFixture } from '../../../fixtures/export/make-export.js';
import { readPreviousReport } from '../../../main/engine/report/read-previous-report.js';
import { buildXlsxReport } from '../../../main/engine/report/write-xlsx-report.js';
import { runExportCheck } from '../../../main/engine/run-export-check.js';
import type { ScanReport } from '../../../main/engine/types.js';

let dir: string;
let files: string[];
let report: ScanReport;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'dossier-export-sheet-'));
  await writeExportFixture(dir);
  files = [path.join(dir, ROSTER_FILE), path.join(dir, WORK_FILE)];
  report = await runExportCheck({ files, asOf: AS_OF, cacheDir: null });
});

const rowsOf = (sheet: ExcelJS.Worksheet): string[][] =>
  Array.from(sheet.getSheetValues().slice(1), (r) => (Array.isArray(r) ? Array.from(r.slice(1), (v) => (v == null ? '' : String(v))) : []));

describe('系统数据疑点 sheet', () => {
  it('lists each 疑点 under its category with the member and the values the system holds, and not in 问题清单', () => {
    const book = buildXlsxReport(report);
    const sheet = book.getWorksheet('系统数据疑点')!;
    const rows = rowsOf(sheet);
    expect(rows[1].slice(0, 12)).toEqual(['序号', '村', '户主', '成员', '问题类型', '疑点', '系统中的值', '严重程度', '对比', '核实情况', '核实人', '整改状态']);
    expect(rows[2][0]).toMatch(/^一、三保障和饮水安全（\d+ 条）$/);
    const dropout = report.findings.find((f) => f.rule === 'export/education-dropout')!;
    const row = rows.find((r) => r[12] === dropout.key)!;
    expect(row[3]).toBe(dropout.details.member);
    expect(row[6]).toContain('在校生状况：非在校生');
    expect(row[6]).toContain('义务教育阶段未上学原因：（空）');
    const list = rowsOf(book.getWorksheet('问题清单')!);
    expect(list.some((r) => r.includes(dropout.key))).toBe(false);
  });

  it('counts the 疑点 per village in 汇总', () => {
    const rows = rowsOf(buildXlsxReport(report).getWorksheet('汇总')!);
    const header = rows[3];
    const col = header.indexOf('系统数据疑点');
    expect(col).toBeGreaterThan(0);
    for (const village of report.villages) {
      const row = rows.find((r) => r[0] === village.name)!;
      expect(Number(row[col])).toBe(report.findings.filter((f) => f.exportCategory && f.village === village.name).length);
    }
    expect(Number(rows.find((r) => r[0] === '合计')![col])).toBe(report.findings.filter((f) => f.exportCategory).length);
  });

  it('carries 核实情况 and 核实人 forward by 问题编号', async () => {
    const book = buildXlsxReport(report);
    const sheet = book.getWorksheet('系统数据疑点')!;
    const dropout = report.findings.find((f) => f.rule === 'export/education-dropout')!;
    sheet.eachRow((row) => {
      if (row.getCell(13).value === dropout.key) {
        row.getCell(10).value = '已入户核实，该生在外县就读，已更正在校生状况';
        row.getCell(11).value = '王会计';
        row.getCell(12).value = '整改中';
      }
    });
    const filled = path.join(dir, '填好的台账.xlsx');
    await book.xlsx.writeFile(filled);
    const previous = await readPreviousReport(filled);
    const again = await runExportCheck({ files, asOf: AS_OF, cacheDir: null, previous });
    const carried = again.findings.find((f) => f.key === dropout.key)!;
    expect(carried.rectification).toMatchObject({ measure: '已入户核实，该生在外县就读，已更正在校生状况', owner: '王会计', state: '整改中' });
    expect(carried.status).toBe('open');
  });
});
