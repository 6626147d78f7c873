import type { Finding } from '../../../rules/api.js';
import { SEVERITY_ORDER } from './rule-names.js';

const collator = new Intl.Collator('zh-CN', { numeric: true });

function compareNullable(a: string | null, b: string | null): number {
  // Township-level before villages, village-level before households: the wider problem first.
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return collator.compare(a, b);
}

/** Findings in the order a clerk works through them: by village, household, severity, rule, path. Returns a new array. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      compareNullable(a.village, b.village) ||
      compareNullable(a.household, b.household) ||
      SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
      collator.compare(a.rule, b.rule) ||
      compareNullable(a.path, b.path) ||
      collator.compare(a.key, b.key),
  );
}
