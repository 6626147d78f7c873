import path from 'node:path';
import type { Writable } from 'node:stream';
import { REPORT_OUTPUTS, ReportWriteError, writeFileAtomically } from '../engine/report/outputs.js';
import type { ScanFormat, ScanReport } from '../engine/types.js';
import { resolveReportTargets, type ReportTargets } from './report-targets.js';

export { ReportWriteError };

async function renderReport(report: ScanReport, format: ScanFormat): Promise<Buffer> {
  return REPORT_OUTPUTS[format].render(report);
}

/** Writes the report in each format to already resolved targets; returns the paths written (`-` for stdout). */
export async function writeReportTargets(report: ScanReport, targets: ReportTargets, stdout: Writable): Promise<string[]> {
  if (targets.kind === 'stdout') {
    const data = await renderReport(report, targets.format);
    await new Promise<void>((resolve, reject) => stdout.write(data, (error) => (error ? reject(error) : resolve())));
    return ['-'];
  }
  const written: string[] = [];
  for (const { format, path: file } of targets.files) {
    await writeFileAtomically(file, await renderReport(report, format));
    written.push(file);
  }
  return written;
}

/** Writes the report in each format to `out` (file, folder, `-`, or null for `./dossier-report.<ext>`). */
export async function writeReports(
  report: ScanReport,
  formats: readonly ScanFormat[],
  out: string | null,
  io: { cwd?: string; stdout?: Writable } = {},
): Promise<string[]> {
  const targets = await resolveReportTargets(formats, out, io.cwd ?? process.cwd());
  return writeReportTargets(report, targets, io.stdout ?? process.stdout);
}
