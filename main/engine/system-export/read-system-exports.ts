import type { SystemHousehold } from '../../../rules/api.js';
import type { ExportVocabulary } from '../config/rule-data/load-data-tables.js';
import { looksLikeSystemExport, readSystemExport } from './read-system-export.js';
import type { ExtractOutcome, SourceFile } from '../types.js';
import { hasExportPartSheet, type ExportSource } from './read-export-data.js';

export interface SystemRoster {
  households: SystemHousehold[];
  /** Paths of the files read as the roster; they are not archive documents. */
  sources: string[];
  notices: string[];
  /** Every file read as (part of) the export, rosters and 务工 / 户信息 workbooks alike, for the export checks. */
  exportFiles: ExportSource[];
}

const spreadsheetExts = new Set(['xlsx', 'xls', 'et', 'csv']);

/**
 * The system export stage: files given with --system, and spreadsheets of the township or a village
 * whose header row looks like an export. Households listed twice (two export files) count once.
 */
export function readSystemExports(
  candidates: SourceFile[],
  outcomes: Map<string, ExtractOutcome>,
  vocab: ExportVocabulary,
  explicit: SourceFile[],
): SystemRoster {
  const roster: SystemRoster = { households: [], sources: [], notices: [], exportFiles: [] };
  const seen = new Set<string>();
  for (const file of candidates) {
    const isExplicit = explicit.includes(file);
    if (!spreadsheetExts.has(file.ext) && !isExplicit) continue;
    const content = outcomes.get(file.path)?.content;
    if (!content) {
      if (isExplicit) roster.notices.push(`监测系统导出文件 ${file.name} 无法读取，未用于比对`);
      continue;
    }
    if (!isExplicit && !looksLikeSystemExport(content, vocab)) continue;
    const result = readSystemExport(content, file.path, vocab);
    roster.notices.push(...result.problems);
    const isPart = !result.isRoster && hasExportPartSheet(content, vocab);
    if (result.isRoster || isPart) roster.exportFiles.push({ path: file.path, content });
    if (!result.isRoster) {
      if (isExplicit && !isPart) roster.notices.push(`${file.name} 不是监测系统的人员信息表（缺少“证件号码”和“与户主关系”列），未用于比对`);
      continue;
    }
    roster.sources.push(file.path);
    for (const household of result.households) {
      const key = household.householdId ?? `${household.village}|${household.head}`;
      if (seen.has(key)) continue;
      seen.add(key);
      roster.households.push(household);
    }
  }
  return roster;
}
