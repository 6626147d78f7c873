// 系统数据疑点: the export logic checks' findings grouped by the catalogue's categories, with the values the
// system holds, and two columns for the clerk — 核实情况 and 核实人 — carried forward by 问题编号 like the 问题清单.
import type ExcelJS from 'exceljs';
import type { Finding } from '../../../../rules/api.js';
import { categoryRank, formatExportValues } from '../../../../rules/index.js';
import { RECTIFICATION_STATES } from '../../ledger/rectification-fields.js';
import { maskIdNumbers } from '../mask-id-numbers.js';
import { archiveTitle } from '../report-rows.js';
import { ruleName, SEVERITY_NAMES, statusName } from '../rule-names.js';
import { sortFindings } from '../sort-findings.js';
import type { ScanReport } from '../../types.js';
import { EXPORT_H, H, SHEETS } from './ledger-headers.js';
import { ERROR_FILL, styleHeader, THIN_BORDER, WARNING_FILL, wrappedLines } from './xlsx-styles.js';

const NUMERALS = '一二三四五六七八九十';

interface Column {
  header: string;
  width: number;
  value: (f: Finding, index: number) => ExcelJS.CellValue;
  wrap?: boolean;
  hidden?: boolean;
  list?: readonly string[];
}

const text = (v: string | null | undefined): string => maskIdNumbers(v ?? '');

const COLUMNS: Column[] = [
  { header: H.index, width: 5, value: (_, i) => i },
  { header: H.village, width: 9, value: (f) => text(f.village), wrap: true },
  { header: H.household, width: 8, value: (f) => text(f.household), wrap: true },
  { header: EXPORT_H.member, width: 8, value: (f) => text(typeof f.details.member === 'string' ? f.details.member : ''), wrap: true },
  { header: H.rule, width: 12, value: (f) => ruleName(f.rule), wrap: true },
  { header: EXPORT_H.doubt, width: 40, value: (f) => text(f.message), wrap: true },
  { header: EXPORT_H.values, width: 26, value: (f) => text(formatExportValues(f.details.values)), wrap: true },
  { header: H.severity, width: 7, value: (f) => SEVERITY_NAMES[f.severity] },
  { header: H.comparison, width: 7, value: (f) => statusName(f.status) },
  { header: EXPORT_H.verification, width: 20, value: (f) => text(f.rectification?.measure), wrap: true },
  { header: EXPORT_H.verifier, width: 8, value: (f) => text(f.rectification?.owner), wrap: true },
  { header: H.state, width: 10, value: (f) => text(f.rectification?.state), list: RECTIFICATION_STATES },
  { header: H.key, width: 30, value: (f) => text(f.key), hidden: true },
];

const colLetter = (n: number): string => (n <= 26 ? String.fromCharCode(64 + n) : colLetter(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26)));

export function addExportSheet(workbook: ExcelJS.Workbook, report: ScanReport): void {
  const findings = report.findings.filter((f) => f.exportCategory && !f.suppressed);
  const sheet = workbook.addWorksheet(SHEETS.exportDoubts, {
    views: [{ state: 'frozen', ySplit: 2, xSplit: 0 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页', evenFooter: '&C第 &P 页，共 &N 页' },
  });
  sheet.columns = COLUMNS.map((c) => ({ width: c.width, hidden: c.hidden ?? false }));
  const visible = COLUMNS.filter((c) => !c.hidden).length;
  sheet.mergeCells(1, 1, 1, visible);
  const title = sheet.getCell(1, 1);
  const place = archiveTitle(report.root);
  title.value = `${place ? `${place} · ` : ''}系统数据疑点核实表（审查日期 ${report.asOf}）`;
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 26;
  const header = sheet.getRow(2);
  header.values = COLUMNS.map((c) => c.header);
  styleHeader(header);

  const byCategory = new Map<string, Finding[]>();
  for (const f of findings) byCategory.set(f.exportCategory!, [...(byCategory.get(f.exportCategory!) ?? []), f]);
  const categories = [...byCategory.keys()].sort((a, b) => categoryRank(a) - categoryRank(b) || a.localeCompare(b));
  let index = 0;
  categories.forEach((category, c) => {
    // A group line the ledger reader skips (no key, no description): 一、三保障和饮水安全（3 条）.
    const group = sheet.addRow([`${NUMERALS[c] ?? c + 1}、${category}（${byCategory.get(category)!.length} 条）`]);
    sheet.mergeCells(group.number, 1, group.number, visible);
    group.font = { bold: true };
    group.height = 20;
    for (const f of sortFindings(byCategory.get(category)!)) {
      index++;
      const row = sheet.addRow(COLUMNS.map((col) => col.value(f, index)));
      let lines = 1;
      COLUMNS.forEach((col, i) => {
        const cell = row.getCell(i + 1);
        cell.border = THIN_BORDER;
        cell.alignment = { vertical: 'top', wrapText: col.wrap ?? false };
        if (col.list) cell.dataValidation = { type: 'list', allowBlank: true, formulae: [`"${col.list.join(',')}"`], showErrorMessage: false };
        if (col.wrap && !col.hidden) lines = Math.max(lines, wrappedLines(String(cell.value ?? ''), col.width));
      });
      row.height = Math.max(18, lines * 14 + 4);
      const severity = row.getCell(COLUMNS.findIndex((col) => col.header === H.severity) + 1);
      if (f.severity === 'error') severity.fill = ERROR_FILL;
      if (f.severity === 'warning') severity.fill = WARNING_FILL;
    }
  });
  if (findings.length === 0) sheet.addRow(['系统导出表未发现疑点数据。']);
  const last = sheet.rowCount;
  sheet.autoFilter = `A2:${colLetter(COLUMNS.length)}${last}`;
  sheet.pageSetup.printTitlesRow = '2:2';
  sheet.addRow([]);
  const sign = sheet.addRow(['核实人：__________          审核人：__________          日期：______年____月____日']);
  sheet.mergeCells(sign.number, 1, sign.number, visible);
}


