// The report formats, one registry for the CLI and the app: extension, writer, whether it can go to stdout; and
// the one way a report file is written — atomically, and never inside the archive being audited.
import { mkdir, realpath, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ScanFormat, ScanReport } from '../types.js';
import { UserFacingError } from '../user-facing-error.js';
import { writeHtmlReport } from './write-html-report.js';
import { writeJsonReport } from './write-json-report.js';
import { buildXlsxReport } from './write-xlsx-report.js';

export interface ReportOutput {
  extension: string;
  /** The name shown in dialogs. */
  label: string;
  canStream: boolean;
  render(report: ScanReport): Promise<Buffer>;
}

export const REPORT_OUTPUTS: Record<ScanFormat, ReportOutput> = {
  xlsx: { extension: 'xlsx', label: 'Excel 整改台账', canStream: false, render: async (r) => Buffer.from(await buildXlsxReport(r).xlsx.writeBuffer()) },
  html: { extension: 'html', label: '网页报告', canStream: true, render: async (r) => Buffer.from(writeHtmlReport(r), 'utf8') },
  json: { extension: 'json', label: 'JSON 报告', canStream: true, render: async (r) => Buffer.from(writeJsonReport(r), 'utf8') },
};

/** A report that could not be written; the message is Chinese. */
export class ReportWriteError extends UserFacingError {}

function explainWriteError(file: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EBUSY' || code === 'EPERM' || code === 'EACCES') {
    return `无法写入报告 ${file}：文件可能正在被 Excel 或其他程序打开，或没有写入权限。请关闭该文件后重试，或换一个位置。`;
  }
  if (code === 'ENOSPC') return `无法写入报告 ${file}：磁盘空间不足。`;
  return `无法写入报告 ${file}：请换一个位置保存。`;
}

/** The real path of `p`, resolving symlinks through its nearest existing ancestor (p itself may not exist yet). */
export async function realPathOfMaybeMissing(p: string): Promise<string> {
  const missing: string[] = [];
  let current = path.resolve(p);
  for (;;) {
    try {
      return path.join(await realpath(current), ...missing.reverse());
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return path.resolve(p);
      missing.push(path.basename(current));
      current = parent;
    }
  }
}

/** True when `target` is the folder `root` or lies inside it (symlinks resolved). */
export async function isInsideFolder(target: string, root: string): Promise<boolean> {
  const [realTarget, realRoot] = await Promise.all([realPathOfMaybeMissing(target), realPathOfMaybeMissing(root)]);
  const relative = path.relative(realRoot, realTarget);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

// Written to a temporary name and renamed, so an interrupted run never leaves half a ledger over yesterday's good one.
export async function writeFileAtomically(file: string, data: Buffer): Promise<void> {
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

/** Renders and writes one report file; refuses a target inside the archive (the scan never writes there). */
export async function saveReportFile(report: ScanReport, format: ScanFormat, file: string, archiveRoot: string): Promise<void> {
  if (await isInsideFolder(file, archiveRoot)) {
    throw new ReportWriteError('报告不能保存在正在审查的档案文件夹里（审查不改动档案），请换一个位置。');
  }
  await writeFileAtomically(file, await REPORT_OUTPUTS[format].render(report));
}
