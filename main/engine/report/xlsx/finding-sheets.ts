// The ledger's finding sheets: 问题清单 (print-ready, for the clerk to fill in and hand back), 已整改 (gone since the
// last scan, for 销号) and 无需整改 (accepted exceptions). Headers come from ledger-headers so `--previous` reads them back.
import type ExcelJS from 'exceljs';
import type { Finding } from '../../../../rules/api.js';
import { RECTIFICATION_STATES } from '../../ledger/rectification-fields.js';
import { maskIdNumbers } from '../mask-id-numbers.js';
import { archiveTitle, toFindingRows, type FindingRow } from '../report-rows.js';
import { RESOLVED_STATUS_NAME } from '../rule-names.js';
import { sortFindings } from '../sort-findings.js';
import type { ScanReport } from '../../types.js';
import { H } from './ledger-headers.js';
import { ALERT_FILL, ERROR_FILL, excelDate, OK_FILL, styleHeader, THIN_BORDER, WARNING_FILL, wrappedLines } from './xlsx-styles.js';

interface Row {
  row: FindingRow;
  finding: Finding;
}

interface Column {
  header: string;
  /** Fixed widths: the sheet must fit A4 landscape across, whatever the text. */
  width: number;
  value: (r: Row) => ExcelJS.CellValue;
  wrap?: boolean;
  hidden?: boolean;
  /** A dropdown of these values (data validation). */
  list?: readonly string[];
  date?: boolean;
}

const COMPARISON = ['新增', '未整改', RESOLVED_STATUS_NAME] as const;

const description = ({ row }: Row): string => (row.ocrNote ? `${row.message}\n（${row.ocrNote}）` : row.message);
const deadline = ({ finding }: Row): ExcelJS.CellValue =>
  finding.rectification?.deadline ? excelDate(finding.rectification.deadline) : null;
const rect = (pick: (r: NonNullable<Finding['rectification']>) => string | undefined) => ({ finding }: Row): string =>
  maskIdNumbers((finding.rectification && pick(finding.rectification)) ?? '');

const LEAD: Column[] = [
  { header: H.index, width: 5, value: ({ row }) => row.index },
  { header: H.village, width: 9, value: ({ row }) => row.village, wrap: true },
  { header: H.household, width: 8, value: ({ row }) => row.household, wrap: true },
  { header: H.rule, width: 11, value: ({ row }) => row.ruleName, wrap: true },
  { header: H.message, width: 38, value: description, wrap: true },
  { header: H.path, width: 22, value: ({ row }) => row.path, wrap: true },
  { header: H.severity, width: 8, value: ({ row }) => row.severityName },
];
const KEY: Column = { header: H.key, width: 30, value: ({ row }) => row.key, hidden: true };

const FINDING_COLUMNS: Column[] = [
  ...LEAD,
  { header: H.comparison, width: 7, value: ({ row }) => row.statusName, list: COMPARISON },
  { header: H.measure, width: 22, value: rect((r) => r.measure), wrap: true },
  { header: H.owner, width: 8, value: rect((r) => r.owner), wrap: true },
  { header: H.deadline, width: 11, value: deadline, date: true },
  { header: '逾期', width: 5, value: ({ finding }) => (finding.overdue ? '逾期' : '') },
  { header: H.state, width: 10, value: rect((r) => r.state), list: RECTIFICATION_STATES },
  { header: H.note, width: 14, value: rect((r) => r.note), wrap: true },
  KEY,
];

const RESOLVED_COLUMNS: Column[] = [
  ...LEAD,
  { header: H.measure, width: 22, value: rect((r) => r.measure), wrap: true },
  { header: H.owner, width: 8, value: rect((r) => r.owner), wrap: true },
  { header: H.resolvedOn, width: 11, value: ({ finding }) => (finding.rectification?.resolvedOn ? excelDate(finding.rectification.resolvedOn) : null), date: true },
  { header: H.state, width: 10, value: rect((r) => r.state), list: [RESOLVED_STATUS_NAME, '已销号'] },
  { header: H.note, width: 14, value: rect((r) => r.note), wrap: true },
  KEY,
];

const SUPPRESSED_COLUMNS: Column[] = [
  ...LEAD,
  { header: H.state, width: 10, value: rect((r) => r.state), list: RECTIFICATION_STATES },
  { header: H.note, width: 30, value: rect((r) => r.note), wrap: true },
  { header: H.acceptedOn, width: 11, value: ({ finding }) => (finding.rectification?.resolvedOn ? excelDate(finding.rectification.resolvedOn) : null), date: true },
  KEY,
];

function toRows(findings: readonly Finding[]): Row[] {
  const sorted = sortFindings(findings);
  const rows = toFindingRows(sorted);
  return rows.map((row, i) => ({ row, finding: sorted[i]! }));
}

const colLetter = (n: number): string => (n <= 26 ? String.fromCharCode(64 + n) : colLetter(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26)));

function addSheet(workbook: ExcelJS.Workbook, name: string, title: string, columns: Column[], rows: Row[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 2, xSplit: 0 }],
    // Fit to the page's width only: as many pages down as the rows need (fitToHeight 0), each with the header.
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页', evenFooter: '&C第 &P 页，共 &N 页' },
  });
  sheet.columns = columns.map((c) => ({ width: c.width, hidden: c.hidden ?? false }));
  const visible = columns.filter((c) => !c.hidden).length;

  sheet.mergeCells(1, 1, 1, visible);
  const titleCell = sheet.getCell(1, 1);
  titleCell.value = title;
  titleCell.font = { bold: true, size: 14 };
  titleCell.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 26;

  const header = sheet.getRow(2);
  header.values = columns.map((c) => c.header);
  styleHeader(header);
  header.height = 20;

  for (const r of rows) {
    const added = sheet.addRow(columns.map((c) => c.value(r)));
    let lines = 1;
    columns.forEach((c, i) => {
      const cell = added.getCell(i + 1);
      cell.border = THIN_BORDER;
      cell.alignment = { vertical: 'top', wrapText: c.wrap ?? false };
      if (c.date) cell.numFmt = 'yyyy-mm-dd';
      if (c.list) {
        cell.dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [`"${c.list.join(',')}"`],
          showErrorMessage: false,
        };
      }
      if (c.wrap && !c.hidden) lines = Math.max(lines, wrappedLines(String(cell.value ?? ''), c.width));
    });
    // Excel does not grow rows for wrapped text written by a program; set a height that shows it all.
    added.height = Math.max(18, lines * 14 + 4);
    const severityCell = added.getCell(LEAD.length);
    if (r.finding.severity === 'error') severityCell.fill = ERROR_FILL;
    if (r.finding.severity === 'warning') severityCell.fill = WARNING_FILL;
    const at = (h: string): ExcelJS.Cell | null => {
      const i = columns.findIndex((c) => c.header === h);
      return i < 0 ? null : added.getCell(i + 1);
    };
    if (r.finding.rectification?.state === '整改未到位') {
      const cell = at(H.state);
      if (cell) {
        cell.fill = ALERT_FILL;
        cell.font = { bold: true, color: { argb: 'FFC00000' } };
      }
    }
    if (r.finding.overdue) {
      for (const cell of [at(H.deadline), at('逾期')]) if (cell) {
        cell.fill = ALERT_FILL;
        cell.font = { bold: true, color: { argb: 'FFC00000' } };
      }
    }
    const comparison = at(H.comparison);
    if (comparison && r.finding.status === 'new') comparison.font = { bold: true };
    const state = at(H.state);
    if (state && r.finding.rectification?.state === '已销号') state.fill = OK_FILL;
  }
  const last = rows.length + 2;
  sheet.autoFilter = `A2:${colLetter(columns.length)}${Math.max(2, last)}`;
  sheet.pageSetup.printTitlesRow = '2:2';
  sheet.pageSetup.printArea = `A1:${colLetter(columns.length)}${last + 3}`;

  // Signature block: one merged line the reader skips (no key, no description).
  sheet.addRow([]);
  const sign = sheet.addRow(['填表人：__________          审核人：__________          日期：______年____月____日']);
  sheet.mergeCells(sign.number, 1, sign.number, visible);
  sign.height = 24;
  sign.getCell(1).alignment = { vertical: 'middle' };
  return sheet;
}

const titleOf = (report: ScanReport, what: string): string => {
  const place = archiveTitle(report.root);
  return `${place ? `${place} · ` : ''}${what}（审查日期 ${report.asOf}）`;
};

/** 问题清单: every finding not accepted as an exception, with the clerk's fields carried forward. */
export function addFindingListSheet(workbook: ExcelJS.Workbook, report: ScanReport, name: string): void {
  // The export's 疑点 have their own sheet (系统数据疑点), verified at the household and corrected in the system.
  const listed = report.findings.filter((f) => !f.suppressed && !f.exportCategory);
  addSheet(workbook, name, titleOf(report, '档案问题整改台账'), FINDING_COLUMNS, toRows(listed));
}

/** 已整改: findings the scan no longer sees, with the date it first saw them gone; the clerk marks 已销号. */
export function addResolvedSheet(workbook: ExcelJS.Workbook, report: ScanReport, name: string): void {
  addSheet(workbook, name, titleOf(report, '已整改问题（复查已无）'), RESOLVED_COLUMNS, toRows(report.resolved));
}

/** 无需整改: accepted exceptions with the clerk's reason and the date they were first accepted. */
export function addSuppressedSheet(workbook: ExcelJS.Workbook, report: ScanReport, name: string): void {
  addSheet(workbook, name, titleOf(report, '无需整改问题'), SUPPRESSED_COLUMNS, toRows(report.findings.filter((f) => f.suppressed)));
}
