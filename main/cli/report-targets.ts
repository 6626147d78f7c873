// Where each report goes, decided before the scan starts so a bad `--out` fails in a second,
// not after an hour of reading files.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { isInsideFolder } from '../engine/report/outputs.js';
import type { ScanFormat } from '../engine/types.js';

export const DEFAULT_REPORT_NAME = 'dossier-report';

export type ReportTargets =
  | { kind: 'stdout'; format: ScanFormat }
  | { kind: 'files'; files: Array<{ format: ScanFormat; path: string }> };

async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * `out` null: `./dossier-report.<ext>` in cwd. `-`: stdout. With several formats `out` is a folder;
 * with one format it is the file, or a folder when an existing folder (or ending in a separator) is named.
 */
export async function resolveReportTargets(formats: readonly ScanFormat[], out: string | null, cwd: string): Promise<ReportTargets> {
  if (out === '-') return { kind: 'stdout', format: formats[0] };
  const inFolder = (folder: string): ReportTargets => ({
    kind: 'files',
    files: formats.map((format) => ({ format, path: path.join(folder, `${DEFAULT_REPORT_NAME}.${format}`) })),
  });
  if (out === null) return inFolder(cwd);
  const target = path.resolve(cwd, out);
  if (formats.length > 1 || /[\\/]$/.test(out) || (await isDirectory(target))) return inFolder(target);
  return { kind: 'files', files: [{ format: formats[0], path: target }] };
}


export { isInsideFolder };
