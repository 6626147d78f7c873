// The rows every human-readable report shows for a finding, with ID numbers already masked.
import type { Finding } from '../../../rules/api.js';
import { maskIdNumbers } from './mask-id-numbers.js';
import { ruleName, SEVERITY_NAMES, statusName, TOWNSHIP_LEVEL, VILLAGE_LEVEL } from './rule-names.js';
import { sortFindings } from './sort-findings.js';

export interface FindingRow {
  index: number;
  village: string;
  household: string;
  ruleId: string;
  ruleName: string;
  message: string;
  path: string;
  severity: Finding['severity'];
  severityName: string;
  statusName: string;
  key: string;
  /** For a finding resting on text read from a scan: says so, with OCR's confidence, for the clerk to check the scan. */
  ocrNote?: string;
}

/** `据扫描件文字识别（可信度 94%）`, and a warning to look at the scan when confidence was low. */
export function ocrNote(finding: Finding): string | undefined {
  if (finding.details.via !== 'ocr') return undefined;
  const confidence = typeof finding.details.ocrConfidence === 'number' ? `（可信度 ${finding.details.ocrConfidence}%）` : '';
  const low = finding.details.lowConfidence === true ? '，识别把握不大，请对照原件核实' : '';
  return `据扫描件文字识别${confidence}${low}`;
}

export function toFindingRows(findings: readonly Finding[]): FindingRow[] {
  return sortFindings(findings).map((f, i) => ({
    index: i + 1,
    village: maskIdNumbers(f.village ?? TOWNSHIP_LEVEL),
    household: maskIdNumbers(f.household ?? (f.village === null ? '' : VILLAGE_LEVEL)),
    ruleId: f.rule,
    ruleName: ruleName(f.rule),
    message: maskIdNumbers(f.message),
    path: maskIdNumbers(f.path ?? ''),
    severity: f.severity,
    severityName: SEVERITY_NAMES[f.severity],
    statusName: statusName(f.status),
    key: maskIdNumbers(f.key),
    ...(ocrNote(f) ? { ocrNote: ocrNote(f) } : {}),
  }));
}

/** `某某镇档案` + `档案自查报告` reads 「某某镇档案自查报告」, not 「某某镇档案档案自查报告」. */
export function titleBefore(root: string, what: string): string {
  const place = archiveTitle(root);
  return what.startsWith('档案') ? place.replace(/档案$/, '') + what : place + what;
}

/** The archive's own name for titles: the last folder of the root. */
export function archiveTitle(root: string): string {
  const parts = root.split(/[\\/]+/).filter((p) => p !== '');
  const last = parts[parts.length - 1] ?? '';
  // `scan .` names no folder; the title then starts with 档案自查 alone.
  return last === '.' || last === '..' || /^[A-Za-z]:$/.test(last) ? '' : maskIdNumbers(last);
}

export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
}

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}

/** Findings per rule id, most frequent first. */
export function countByRule(findings: readonly Finding[]): Array<{ rule: string; name: string; count: number }> {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
  return [...counts.entries()]
    .map(([rule, count]) => ({ rule, name: ruleName(rule), count }))
    .sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule));
}

/** Completeness over all villages, weighted by their households (a village with none counts once). */
export function overallCompleteness(villages: ReadonlyArray<{ households: number; completeness: number }>): number | null {
  let weight = 0;
  let sum = 0;
  for (const v of villages) {
    const w = Math.max(v.households, 1);
    weight += w;
    sum += v.completeness * w;
  }
  return weight === 0 ? null : sum / weight;
}
