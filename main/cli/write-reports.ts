import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { writeHtmlReport } from '../engine/report/write-html-report.js';
import { writeJsonReport } from '../engine/report/write-json-report.js';
import { buildXlsxReport } from '../engine/report/write-xlsx-report.js';
import type { ScanFormat, ScanReport } from '../engine/types.js';
import { UserFacingError } from '../engine/user-facing-error.js';
import { resolveReportTargets, type ReportTargets } from './report-targets.js';

/** A report that could not be written; the message is Chinese. */
export class ReportWriteError extends UserFacingError {}

async function renderReport(report: ScanReport, format: ScanFormat): Promise<Buffer> {
  if (format === 'json') return Buffer.from(writeJsonReport(report), 'utf8');
  if (format === 'html') return Buffer.from(writeHtmlReport(report), 'utf8');
  return Buffer.from(await buildXlsxReport(report).xlsx.writeBuffer());
}

function explainWriteError(file: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EBUSY' || code === 'EPERM' || code === 'EACCES') {
    return `无法写入报告 ${file}：文件可能正在被 Excel 或其他程序打开，或没有写入权限。请关闭该文件后重试，或用 --out 换一个位置。`;
  }
  if (code === 'ENOSPC') return `无法写入报告 ${file}：磁盘空间不足。`;
  return `无法写入报告 ${file}：${(error as Error).message}`;
}

// Written to a temporary name and renamed, so an interrupted run never leaves half a ledger
// over yesterday's good one.
async function writeFileAtomically(file: string, data: Buffer): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(temp, data);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw new ReportWriteError(explainWriteError(file, error));
  }
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
