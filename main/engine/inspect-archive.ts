// What the 开始 screen shows before a scan: the system export(s) the scan would find in the chosen folder, and a
// checklist's items, the rows it skipped and the checks it gives nothing to run on — so a clerk sees a wrong
// export or a thin county checklist before an hour's scan, not after.
import type { Checklist } from '../../rules/api.js';
import { loadChecklist } from './config/checklist/load-checklist.js';
import { discoverArchive } from './discover/discover-archive.js';
import { extractAll } from './extract/extract-text.js';
import { looksLikeSystemExport } from './system-export/read-system-export.js';
import { loadDataTables } from './config/rule-data/load-data-tables.js';
import { listZip } from './discover/zip-source.js';

const SPREADSHEETS = new Set(['xlsx', 'xls', 'et', 'csv']);

/** Export files the scan would read from the folder (township level or a village's own files), relative paths. */
export async function findSystemExports(root: string, cacheDir?: string | null): Promise<string[]> {
  const discovered = await discoverArchive(root, { expandZip: listZip });
  const candidates = [...discovered.townshipFiles, ...discovered.villages.flatMap((v) => v.files)].filter((f) => SPREADSHEETS.has(f.ext) && !f.zipEntry);
  if (candidates.length === 0) return [];
  const outcomes = await extractAll(candidates.slice(0, 40), { cacheDir, jobs: 2 });
  // The shipped column synonyms, read here (the 开始 screen looks before any county file is chosen).
  const vocab = loadDataTables();
  return candidates.filter((f) => {
    const content = outcomes.get(f.path)?.content;
    return content !== null && content !== undefined && looksLikeSystemExport(content, vocab);
  }).map((f) => f.path);
}

export interface ChecklistPreview {
  name: string;
  source: string;
  items: Array<{ name: string; level: string; yearly: boolean; conditions: string[] }>;
  procedures: Array<{ name: string; steps: string[] }>;
  /** Rows skipped and why (the loader's warnings). */
  skipped: string[];
  /** Checks that have nothing to run on with this checklist. */
  nothingToRun: string[];
}

export function checksWithNothingToRun(checklist: Checklist): string[] {
  const idle: string[] = [];
  if (checklist.items.length === 0) idle.push('缺少资料（missing-document）：清单中没有资料项');
  if (checklist.procedures.length === 0) idle.push('程序不完整（incomplete-procedure）：清单中没有识别纳入、风险消除程序及其步骤');
  if (!checklist.items.some((i) => i.maxAgeMonths !== undefined)) idle.push('台账未更新（stale-ledger）：清单中没有写明更新期限的台账');
  if (!checklist.items.some((i) => i.yearly)) idle.push('按年度的资料（如收入测算表）：清单中没有按年度的资料项，只查有没有，不查每年是否都有');
  return idle;
}

export async function previewChecklist(file?: string): Promise<ChecklistPreview> {
  const { checklist, warnings } = await loadChecklist(file);
  return {
    name: checklist.name,
    source: checklist.source,
    items: checklist.items.map((i) => ({ name: i.name, level: i.level, yearly: i.yearly, conditions: [...i.conditions, ...i.anyOf] })),
    procedures: checklist.procedures.map((p) => ({ name: p.name, steps: p.steps.map((s) => s.name) })),
    skipped: warnings,
    nothingToRun: checksWithNothingToRun(checklist),
  };
}
