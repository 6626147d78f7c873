// 按户分组: the filtered findings as one header row per household (village-level and township-level problems
// each under their own header), followed by that household's findings unless the clerk folded it.
import type { Finding } from '../../../rules/api.js';

export interface HouseholdGroup {
  group: true;
  /** `group|村|户主`: stable while filters change, so a folded household stays folded. */
  key: string;
  village: string | null;
  household: string | null;
  count: number;
  errors: number;
  folded: boolean;
}

export type FindingRow = Finding | HouseholdGroup;

export function isGroup(row: FindingRow): row is HouseholdGroup {
  return (row as HouseholdGroup).group === true;
}

export function groupKey(f: Pick<Finding, 'village' | 'household'>): string {
  return `group|${f.village ?? ''}|${f.household ?? ''}`;
}

/** Households in the order their first finding appears; `folded` keys show the header only. */
export function groupByHousehold(findings: readonly Finding[], folded: ReadonlySet<string>): FindingRow[] {
  const groups = new Map<string, { head: HouseholdGroup; members: Finding[] }>();
  for (const f of findings) {
    const key = groupKey(f);
    let g = groups.get(key);
    if (!g) {
      g = { head: { group: true, key, village: f.village, household: f.household, count: 0, errors: 0, folded: folded.has(key) }, members: [] };
      groups.set(key, g);
    }
    g.head.count++;
    if (f.severity === 'error') g.head.errors++;
    g.members.push(f);
  }
  const rows: FindingRow[] = [];
  for (const { head, members } of groups.values()) {
    rows.push(head);
    if (!head.folded) rows.push(...members);
  }
  return rows;
}
