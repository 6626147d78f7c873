// `--previous filled.xlsx`: reads the ledger this tool wrote, as the clerk left it in Excel or WPS (rows sorted,
// filtered or deleted, columns widened, moved or added, cells re-typed). Columns are found by their header,
// rows by 问题编号; anything that cannot be trusted is a Chinese error naming the sheet and row.
import ExcelJS from 'exceljs';
import type { Finding, Rectification, Severity } from '../../../rules/api.js';
import { PreviousReportError } from '../report/previous-report-error.js';
import { SEVERITY_NAMES } from '../report/rule-names.js';
import { EXPORT_H, H, SHEETS } from '../report/xlsx/ledger-headers.js';
import type { ScanReport } from '../types.js';
import { readDate, readState } from './rectification-fields.js';

const KEY_SHAPE = /^[a-z][a-z0-9/-]*\|/;

/** A cell's text whatever Excel made of it (rich text, formula result, hyperlink). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return readDate(value) ?? '';
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
  }
  return String(value);
}

function cellRaw(value: ExcelJS.CellValue): unknown {
  if (value && typeof value === 'object' && !(value instanceof Date) && 'result' in value) return value.result;
  return value;
}

const severityOf = (text: string): Severity =>
  (Object.entries(SEVERITY_NAMES).find(([, name]) => name === text)?.[0] as Severity | undefined) ?? 'warning';

interface SheetRead {
  findings: Finding[];
}

/** The 系统数据疑点 sheet names its columns its own way: 疑点 is the description, 核实情况 / 核实人 the measure and owner. */
const EXPORT_SHEET_ALIASES: Record<string, string> = { [EXPORT_H.doubt]: H.message, [EXPORT_H.verification]: H.measure, [EXPORT_H.verifier]: H.owner };

function readSheet(sheet: ExcelJS.Worksheet, label: string, required: boolean, aliases: Record<string, string> = {}): SheetRead {
  // The header row is the first of the top rows holding 问题编号 (a title row may sit above it).
  let headerRow = 0;
  const columns = new Map<string, number>();
  for (let r = 1; r <= Math.min(sheet.rowCount, 10) && headerRow === 0; r++) {
    sheet.getRow(r).eachCell((cell, col) => {
      const text = cellText(cell.value).replace(/\s+/g, '');
      if (text === H.key) headerRow = r;
      if (text && !columns.has(text)) columns.set(text, col);
      if (aliases[text] && !columns.has(aliases[text])) columns.set(aliases[text], col);
    });
    if (headerRow === 0) columns.clear();
  }
  if (headerRow === 0) {
    if (!required) return { findings: [] };
    throw new PreviousReportError(
      `上次的整改台账 ${label} 的工作表「${sheet.name}」中找不到“${H.key}”列（前 10 行都没有这个表头）。` +
        `请用本工具生成的台账，并保留“${H.key}”列（可以隐藏，但不要删除）。`,
    );
  }
  const at = (row: ExcelJS.Row, header: string): ExcelJS.CellValue => {
    if (!columns.has(header)) return null;
    const cell = row.getCell(columns.get(header)!);
    // A merged range (the signature line, a title the clerk added) shows its text in every cell; only the first is real.
    return cell.isMerged && cell.master.address !== cell.address ? null : cell.value;
  };
  const text = (row: ExcelJS.Row, header: string): string => cellText(at(row, header)).trim();

  const findings: Finding[] = [];
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const key = text(row, H.key);
    const message = text(row, H.message);
    // Blank rows and the signature block (填表人 …) carry neither a key nor a description.
    if (key === '' && message === '') continue;
    if (key === '') {
      throw new PreviousReportError(
        `上次的整改台账 ${label} 的工作表「${sheet.name}」第 ${r} 行有问题描述，但“${H.key}”是空的，无法与本次结果对应。` +
          `请从原台账复制回这一行的问题编号，或删除这一行后再试。`,
      );
    }
    if (!KEY_SHAPE.test(key)) {
      throw new PreviousReportError(
        `上次的整改台账 ${label} 的工作表「${sheet.name}」第 ${r} 行的“${H.key}”（${key.slice(0, 40)}）已被改动，不是本工具生成的编号。` +
          `请从原台账复制回这一行的问题编号。`,
      );
    }
    const rectification: Rectification = {};
    const measure = text(row, H.measure);
    const owner = text(row, H.owner);
    const note = text(row, H.note);
    if (measure) rectification.measure = measure;
    if (owner) rectification.owner = owner;
    const deadlineCell = cellRaw(at(row, H.deadline));
    const deadline = readDate(deadlineCell);
    if (deadline) rectification.deadline = deadline;
    const deadlineText = text(row, H.deadline);
    const stateText = text(row, H.state);
    const state = readState(stateText);
    if (state) rectification.state = state;
    // Text we cannot read as a date or a state is the clerk's, not ours to drop: it goes to 备注.
    const keep = [
      ...(deadline === null && deadlineText ? [`整改时限原填：${deadlineText}`] : []),
      ...(state === null && stateText ? [`整改状态原填：${stateText}`] : []),
    ];
    if (note || keep.length) rectification.note = [note, ...keep].filter(Boolean).join('；');
    const resolvedOn = readDate(cellRaw(at(row, H.resolvedOn))) ?? readDate(cellRaw(at(row, H.acceptedOn)));
    if (resolvedOn) rectification.resolvedOn = resolvedOn;
    const household = text(row, H.household);
    const village = text(row, H.village);
    findings.push({
      key,
      rule: key.split('|')[0]!,
      severity: severityOf(text(row, H.severity)),
      village: village === '' || village === '乡镇级' ? null : village,
      household: household === '' || household === '村级' ? null : household,
      path: text(row, H.path) || null,
      message,
      details: {},
      ...(Object.keys(rectification).length ? { rectification } : {}),
    });
  }
  return { findings };
}

/** Reads the filled ledger into the shape `--previous` compares against. */
export async function readLedgerXlsx(bytes: Buffer, label: string): Promise<ScanReport> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new PreviousReportError(`上次的报告 ${label} 无法作为 Excel 文件打开（可能已损坏，或不是 .xlsx 格式）。请在 Excel/WPS 中另存为 .xlsx 后再试。`);
  }
  const list = workbook.getWorksheet(SHEETS.findings);
  if (!list) {
    throw new PreviousReportError(
      `上次的报告 ${label} 中没有“${SHEETS.findings}”工作表，不是本工具生成的整改台账。请指定上次生成的台账（可改内容，但不要改工作表名）。`,
    );
  }
  const findings = readSheet(list, label, true).findings;
  const suppressedSheet = workbook.getWorksheet(SHEETS.suppressed);
  if (suppressedSheet) findings.push(...readSheet(suppressedSheet, label, false).findings);
  const exportSheet = workbook.getWorksheet(SHEETS.exportDoubts);
  if (exportSheet) findings.push(...readSheet(exportSheet, label, false, EXPORT_SHEET_ALIASES).findings);
  const resolvedSheet = workbook.getWorksheet(SHEETS.resolved);
  const resolved = resolvedSheet ? readSheet(resolvedSheet, label, false).findings : [];
  return {
    schema: 'dossier-check/report@1',
    root: '',
    asOf: '',
    generatedAt: '',
    checklist: '',
    stats: { villages: 0, households: 0, files: 0, unreadable: 0, seconds: 0 },
    villages: [],
    notices: [],
    findings,
    resolved,
    dossiers: [],
  };
}
