// The 整改台账 round trip as a clerk does it: the .xlsx is written, filled in and rearranged in Excel (here by
// exceljs), then given back to --previous; every field the clerk wrote must come back on the right finding.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../../rules/api.js';
import { carryForward } from '../../../main/engine/ledger/carry-forward.js';
import { readPreviousReport } from '../../../main/engine/report/read-previous-report.js';
import { writeXlsxReport } from '../../../main/engine/report/write-xlsx-report.js';
import { manyFindings, manyFindingsReport } from './many-findings.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'dossier-ledger-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const STATES = ['未整改', '整改中', '已整改', '无需整改'] as const;

/** What the clerk writes for the n-th row she fills (by key, so the test can check it came back). */
function clerkFields(n: number): { measure: string; owner: string; deadline: string; state: string; note: string } {
  const state = STATES[n % STATES.length]!;
  return {
    measure: `入户核实，补齐资料（${n}）`,
    owner: `干部${n % 17}`,
    deadline: `2023-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 28) + 1).padStart(2, '0')}`,
    state,
    note: state === '无需整改' ? `历史资料，已说明（${n}）` : n % 5 === 0 ? `备注${n}` : '',
  };
}

function headerIndex(sheet: ExcelJS.Worksheet, headerRow: number): Map<string, number> {
  const at = new Map<string, number>();
  sheet.getRow(headerRow).eachCell((cell, col) => at.set(String(cell.value), col));
  return at;
}

/** Edits the ledger like a clerk: fills every row, sorts, filters, adds a column, deletes two rows, re-types one state. */
async function editLikeAClerk(from: string, to: string): Promise<{ fields: Map<string, ReturnType<typeof clerkFields>>; deleted: string[]; retyped: string }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(from);
  const sheet = workbook.getWorksheet('问题清单')!;
  const col = headerIndex(sheet, 2);
  const keyCol = col.get('问题编号')!;
  const rows: ExcelJS.CellValue[][] = [];
  for (let r = 3; r <= sheet.rowCount; r++) {
    const values = (sheet.getRow(r).values as ExcelJS.CellValue[]).slice(1);
    if (values[keyCol - 1]) rows.push(values);
  }
  const fields = new Map<string, ReturnType<typeof clerkFields>>();
  rows.forEach((values, n) => {
    const f = clerkFields(n);
    const key = String(values[keyCol - 1]);
    fields.set(key, f);
    values[col.get('整改措施')! - 1] = f.measure;
    values[col.get('责任人')! - 1] = f.owner;
    // Half the deadlines typed as dates Excel recognises, half as text the way people type them.
    values[col.get('整改时限')! - 1] = n % 2 ? new Date(`${f.deadline}T00:00:00Z`) : f.deadline.replace(/-0?/g, '/').replace(/^(\d+)\/(\d+)\/(\d+)$/, '$1年$2月$3日');
    values[col.get('整改状态')! - 1] = f.state;
    values[col.get('备注')! - 1] = f.note || null;
  });
  // Sorted by 责任人 (descending), as a station chief would to hand out work.
  rows.sort((a, b) => String(b[col.get('责任人')! - 1]).localeCompare(String(a[col.get('责任人')! - 1])));
  // One state typed by hand, not picked from the dropdown.
  const retyped = String(rows[10]![keyCol - 1]);
  rows[10]![col.get('整改状态')! - 1] = ' 已完成 ';
  fields.set(retyped, { ...fields.get(retyped)!, state: '已整改' });
  // Two rows deleted.
  const deleted = [String(rows[20]![keyCol - 1]), String(rows[500]![keyCol - 1])];
  const kept = rows.filter((r) => !deleted.includes(String(r[keyCol - 1])));
  for (let r = 3; r <= sheet.rowCount; r++) sheet.getRow(r).values = [];
  kept.forEach((values, i) => {
    sheet.getRow(3 + i).values = values;
  });
  // A column of her own inserted before 整改措施, and a filter that hides rows of one village.
  sheet.spliceColumns(col.get('整改措施')!, 0, ['联系电话', ...kept.map((_, i) => `1390000${String(i).padStart(4, '0')}`)]);
  sheet.getColumn(2).width = 30;
  for (let r = 3; r < 3 + kept.length; r++) if (sheet.getRow(r).getCell(2).value === '东风村') sheet.getRow(r).hidden = true;
  await workbook.xlsx.writeFile(to);
  return { fields, deleted, retyped };
}

describe('the .xlsx ledger round trip', () => {
  it('1,000 findings: every clerk field comes back by key, states and 对比 right, deleted rows come back bare', async () => {
    const written = path.join(dir, 'ledger.xlsx');
    const filled = path.join(dir, 'filled.xlsx');
    await writeXlsxReport(manyFindingsReport(1000), written);
    const { fields, deleted, retyped } = await editLikeAClerk(written, filled);

    const previous = await readPreviousReport(filled);
    expect(previous.findings).toHaveLength(998);
    const asOf = '2023-10-15';
    const { findings, resolved } = carryForward(manyFindings(1000), previous, asOf);
    expect(resolved).toEqual([]);
    expect(findings).toHaveLength(1000);

    let checked = 0;
    for (const f of findings) {
      if (deleted.includes(f.key)) {
        expect(f).toMatchObject({ status: 'new' });
        expect(f.rectification).toBeUndefined();
        continue;
      }
      const want = fields.get(f.key)!;
      const state = want.state === '已整改' ? '整改未到位' : want.state;
      expect(f.status).toBe('open');
      expect(f.rectification).toMatchObject({ measure: want.measure, owner: want.owner, deadline: want.deadline, state });
      expect(f.rectification?.note ?? '').toBe(want.note);
      const accepted = want.state === '无需整改';
      expect(f.suppressed ?? false).toBe(accepted);
      if (accepted) expect(f.rectification?.resolvedOn).toBe(asOf);
      // 整改未到位 is not closed: past its deadline it is 逾期 like any open one; an accepted exception never is.
      expect(f.overdue ?? false).toBe(!accepted && want.deadline < asOf);
      checked++;
    }
    expect(checked).toBe(998);
    // The state typed by hand (已完成) was read as 已整改, and since the finding is still there it is 整改未到位.
    expect(findings.find((f) => f.key === retyped)!.rectification?.state).toBe('整改未到位');
  });

  it('a second round keeps the fields again, with 对比 in its own column and 整改状态 untouched by it', async () => {
    const first = path.join(dir, 'round1.xlsx');
    const findings: Finding[] = manyFindings(30);
    findings[0] = { ...findings[0]!, status: 'open', rectification: { measure: '补表', owner: '王会计', deadline: '2023-12-31', state: '整改中' } };
    await writeXlsxReport({ ...manyFindingsReport(0), findings }, first);
    const previous = await readPreviousReport(first);
    const second = carryForward(manyFindings(30).slice(1), previous, '2024-01-10');
    expect(second.findings[0]!.status).toBe('open');
    // Gone now: 已整改 with this scan's date, the clerk's fields kept for the 已整改 sheet.
    expect(second.resolved).toHaveLength(1);
    expect(second.resolved[0]!.rectification).toEqual({ measure: '补表', owner: '王会计', deadline: '2023-12-31', state: '已整改', resolvedOn: '2024-01-10' });
  });

  it('a missing or damaged 问题编号 is a Chinese error naming the sheet and row', async () => {
    const written = path.join(dir, 'for-damage.xlsx');
    await writeXlsxReport(manyFindingsReport(10), written);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(written);
    const sheet = workbook.getWorksheet('问题清单')!;
    const keyCol = headerIndex(sheet, 2).get('问题编号')!;
    sheet.getRow(5).getCell(keyCol).value = '改过的编号';
    const damaged = path.join(dir, 'damaged.xlsx');
    await workbook.xlsx.writeFile(damaged);
    await expect(readPreviousReport(damaged)).rejects.toThrow(/工作表「问题清单」第 5 行的“问题编号”（改过的编号）已被改动/);
    sheet.getRow(6).getCell(keyCol).value = null;
    sheet.getRow(5).getCell(keyCol).value = sheet.getRow(4).getCell(keyCol).value;
    await workbook.xlsx.writeFile(damaged);
    await expect(readPreviousReport(damaged)).rejects.toThrow(/工作表「问题清单」第 6 行有问题描述，但“问题编号”是空的/);
    sheet.spliceColumns(keyCol, 1);
    await workbook.xlsx.writeFile(damaged);
    await expect(readPreviousReport(damaged)).rejects.toThrow(/工作表「问题清单」中找不到“问题编号”列/);
  });
});
