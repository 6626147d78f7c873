// The rectification ledger (整改台账) a clerk prints, fills in and hands back to `--previous`: a summary, the
// print-ready problem list with the 整改 columns, what was fixed since last time, accepted exceptions, and the
// household-by-item completeness matrix. Each sheet is built in its own file under xlsx/.
import ExcelJS from 'exceljs';
import type { ScanReport } from '../types.js';
import { addDossierSheet } from './xlsx/dossier-sheet.js';
import { addFindingListSheet, addResolvedSheet, addSuppressedSheet } from './xlsx/finding-sheets.js';
import { SHEETS } from './xlsx/ledger-headers.js';
import { addSummarySheet } from './xlsx/summary-sheet.js';
import { addExportSheet } from './xlsx/export-sheet.js';

/** Builds the ledger workbook in memory. */
export function buildXlsxReport(report: ScanReport): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'dossier-check';
  const created = new Date(report.generatedAt);
  workbook.created = Number.isNaN(created.getTime()) ? new Date() : created;
  addSummarySheet(workbook, report);
  addFindingListSheet(workbook, report, SHEETS.findings);
  if (report.findings.some((f) => f.exportCategory) || report.notices.some((n) => n.includes('以下检查未执行'))) {
    addExportSheet(workbook, report);
  }
  if (report.resolved.length > 0) addResolvedSheet(workbook, report, SHEETS.resolved);
  if (report.findings.some((f) => f.suppressed)) addSuppressedSheet(workbook, report, SHEETS.suppressed);
  addDossierSheet(workbook, report);
  return workbook;
}

export async function writeXlsxReport(report: ScanReport, filePath: string): Promise<void> {
  await buildXlsxReport(report).xlsx.writeFile(filePath);
}
