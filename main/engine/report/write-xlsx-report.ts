// The rectification ledger (整改台账) a clerk prints, fills in and hands back: a summary sheet, the
// problem list with empty columns for measures, owner and deadline, and what was fixed since last time.
import ExcelJS from 'exceljs';
import type { ScanReport } from '../types.js';
import { maskIdNumbers } from './mask-id-numbers.js';
import { archiveTitle, countBySeverity, overallCompleteness, toFindingRows, type FindingRow } from './report-rows.js';
import { RESOLVED_STATUS_NAME, TOWNSHIP_LEVEL } from './rule-names.js';
import { displayWidth } from './text-width.js';

interface ColumnSpec {
  header: string;
  value: (row: FindingRow) => string | number;
  /** Widest the column grows; longer text wraps when `wrap`. */
  maxWidth: number;
  minWidth?: number;
  wrap?: boolean;
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const SEVERITY_FILL: Record<string, ExcelJS.Fill> = {
  error: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE2E1' } },
  warning: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF4CE' } },
};
const THIN_BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  left: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  bottom: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  right: { style: 'thin', color: { argb: 'FFBFBFBF' } },
};

const LEADING_COLUMNS: ColumnSpec[] = [
  { header: '序号', value: (r) => r.index, maxWidth: 8 },
  { header: '村', value: (r) => r.village, maxWidth: 16 },
  { header: '户主', value: (r) => r.household, maxWidth: 14 },
  { header: '问题类型', value: (r) => r.ruleName, maxWidth: 20 },
  { header: '问题描述', value: (r) => r.message, maxWidth: 60, minWidth: 30, wrap: true },
  { header: '文件位置', value: (r) => r.path, maxWidth: 50, minWidth: 16, wrap: true },
  { header: '严重程度', value: (r) => r.severityName, maxWidth: 10 },
];

const FINDING_COLUMNS: ColumnSpec[] = [
  ...LEADING_COLUMNS,
  // Left empty for the clerk to fill in by hand.
  { header: '整改措施', value: () => '', maxWidth: 30, minWidth: 30, wrap: true },
  { header: '责任人', value: () => '', maxWidth: 10, minWidth: 10 },
  { header: '整改时限', value: () => '', maxWidth: 12, minWidth: 12 },
  { header: '整改状态', value: (r) => r.statusName, maxWidth: 10, minWidth: 10 },
  // Far right: the stable key a later scan matches rows by.
  { header: '问题编号', value: (r) => r.key, maxWidth: 60 },
];

const RESOLVED_COLUMNS: ColumnSpec[] = [
  ...LEADING_COLUMNS,
  { header: '整改状态', value: () => RESOLVED_STATUS_NAME, maxWidth: 10, minWidth: 10 },
  { header: '问题编号', value: (r) => r.key, maxWidth: 60 },
];

function fitWidth(texts: string[], spec: { maxWidth: number; minWidth?: number }): number {
  const widest = Math.max(0, ...texts.map(displayWidth));
  return Math.min(spec.maxWidth, Math.max(spec.minWidth ?? 6, widest + 2));
}

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = THIN_BORDER;
  });
}

function addFindingSheet(workbook: ExcelJS.Workbook, name: string, columns: ColumnSpec[], rows: FindingRow[]): void {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
  });
  sheet.columns = columns.map((spec) => ({
    header: spec.header,
    width: fitWidth([spec.header, ...rows.map((r) => String(spec.value(r)))], spec),
  }));
  styleHeader(sheet.getRow(1));
  for (const row of rows) {
    const added = sheet.addRow(columns.map((spec) => spec.value(row)));
    added.alignment = { vertical: 'top' };
    columns.forEach((spec, i) => {
      const cell = added.getCell(i + 1);
      cell.border = THIN_BORDER;
      if (spec.wrap) cell.alignment = { vertical: 'top', wrapText: true };
    });
    const fill = SEVERITY_FILL[row.severity];
    if (fill) added.getCell(LEADING_COLUMNS.length).fill = fill;
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: columns.length } };
  sheet.pageSetup.printTitlesRow = '1:1';
}

function addSummarySheet(workbook: ExcelJS.Workbook, report: ScanReport): void {
  const sheet = workbook.addWorksheet('汇总', {
    pageSetup: { orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
  });
  const headers = ['村', '户数', '文件数', '资料完整率', '错误', '警告', '提示'];
  const width = headers.length;

  sheet.mergeCells(1, 1, 1, width);
  const title = sheet.getCell(1, 1);
  title.value = `${archiveTitle(report.root)}档案自查汇总（审查日期 ${report.asOf}）`;
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 28;

  sheet.mergeCells(2, 1, 2, width);
  sheet.getCell(2, 1).value =
    `共 ${report.stats.villages} 个村、${report.stats.households} 户、${report.stats.files} 个文件` +
    `（${report.stats.unreadable} 个无法读取）；检查清单：${report.checklist || '默认清单'}；生成时间：${report.generatedAt}`;
  sheet.getCell(2, 1).alignment = { wrapText: true, vertical: 'top' };
  sheet.getRow(2).height = 32;

  const headerRow = sheet.getRow(4);
  headerRow.values = headers;
  styleHeader(headerRow);

  const addDataRow = (values: Array<string | number | null>, bold = false): void => {
    const row = sheet.addRow(values);
    row.getCell(4).numFmt = '0.0%';
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      if (col <= width) cell.border = THIN_BORDER;
    });
    if (bold) row.font = { bold: true };
  };
  for (const v of report.villages) {
    addDataRow([maskIdNumbers(v.name), v.households, v.files, v.completeness, v.findings.error, v.findings.warning, v.findings.info]);
  }
  const township = countBySeverity(report.findings.filter((f) => f.village === null));
  if (township.error + township.warning + township.info > 0) {
    addDataRow([TOWNSHIP_LEVEL, null, null, null, township.error, township.warning, township.info]);
  }
  const all = countBySeverity(report.findings);
  addDataRow(
    [
      '合计',
      report.villages.reduce((n, v) => n + v.households, 0),
      report.villages.reduce((n, v) => n + v.files, 0),
      overallCompleteness(report.villages),
      all.error,
      all.warning,
      all.info,
    ],
    true,
  );

  const notes: string[] = [];
  if (report.findings.some((f) => f.status !== undefined) || report.resolved.length > 0) {
    const fresh = report.findings.filter((f) => f.status === 'new').length;
    const open = report.findings.filter((f) => f.status === 'open').length;
    notes.push(`与上次报告相比：新增 ${fresh} 条，未整改 ${open} 条，已整改 ${report.resolved.length} 条。`);
  }
  notes.push(...report.notices.map(maskIdNumbers));
  if (notes.length > 0) {
    sheet.addRow([]);
    sheet.addRow(['说明']).font = { bold: true };
    for (const note of notes) {
      const row = sheet.addRow([note]);
      sheet.mergeCells(row.number, 1, row.number, width);
      row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
      row.height = Math.max(15, Math.ceil(displayWidth(note) / 90) * 15);
    }
  }
  const villageNames = report.villages.map((v) => v.name);
  sheet.columns.forEach((column, i) => {
    column.width = i === 0 ? fitWidth(['合计', TOWNSHIP_LEVEL, ...villageNames], { maxWidth: 24, minWidth: 12 }) : 12;
  });
}

/** Builds the ledger workbook in memory. */
export function buildXlsxReport(report: ScanReport): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'dossier-check';
  const created = new Date(report.generatedAt);
  workbook.created = Number.isNaN(created.getTime()) ? new Date() : created;
  addSummarySheet(workbook, report);
  addFindingSheet(workbook, '问题清单', FINDING_COLUMNS, toFindingRows(report.findings));
  if (report.resolved.length > 0) {
    addFindingSheet(workbook, '已整改', RESOLVED_COLUMNS, toFindingRows(report.resolved));
  }
  return workbook;
}

export async function writeXlsxReport(report: ScanReport, filePath: string): Promise<void> {
  await buildXlsxReport(report).xlsx.writeFile(filePath);
}
