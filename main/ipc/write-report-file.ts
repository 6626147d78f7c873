import { writeHtmlReport } from '../engine/report/write-html-report.js';
import { writeJsonReport } from '../engine/report/write-json-report.js';
import { writeXlsxReport } from '../engine/report/write-xlsx-report.js';
import type { ScanFormat, ScanReport } from '../engine/types.js';

type WriteText = (filePath: string, text: string, encoding: 'utf8') => Promise<void>;

/** Writes one report file in the chosen format where the clerk chose to save it. */
export async function writeReportFile(report: ScanReport, format: ScanFormat, filePath: string, writeText: WriteText): Promise<void> {
  if (format === 'xlsx') return writeXlsxReport(report, filePath);
  await writeText(filePath, format === 'json' ? writeJsonReport(report) : writeHtmlReport(report), 'utf8');
}
