// What each village and household owes of the checklist, decided once after identification so that the
// missing-document rule, the village summary and the 资料对照表 read one answer instead of three.
import type {
  ArchiveFile,
  ChecklistItem,
  Condition,
  Household,
  RequiredDocument,
  ScanModel,
  Village,
} from '../../../rules/api.js';
import { householdConditions } from '../../../rules/index.js';

/** Yearly items are owed for the audit year and the year before. */
export function requiredYears(asOf: string): number[] {
  const year = Number(asOf.slice(0, 4));
  return [year - 1, year];
}

/** How a condition reads to a clerk in a “not applicable” reason. */
export const conditionLabels: Record<Condition, string> = {
  student: '有在校生',
  'compulsory-student': '有义务教育阶段在校生',
  disabled: '有残疾人',
  dibao: '享受低保',
  tekun: '享受特困供养',
  'risk-eliminated': '风险已消除',
  monitored: '监测户',
};

const quoted = (c: Condition): string => `“${conditionLabels[c]}”`;

/** The condition of `item` that does not hold for this household, in Chinese; null when the item applies. */
export function notApplicableReason(item: ChecklistItem, held: ReadonlySet<Condition>, knowsFacts: boolean): string | null {
  if (item.level === 'monitored' && !held.has('monitored')) return '本户不是监测户，此项仅监测户需要';
  const unmet = item.conditions.filter((c) => !held.has(c));
  const anyMissing = item.anyOf.length > 0 && !item.anyOf.some((c) => held.has(c));
  if (unmet.length === 0 && !anyMissing) return null;
  const parts = [...unmet.map(quoted), ...(anyMissing ? [item.anyOf.map(quoted).join('或')] : [])];
  const need = `此项仅在${parts.join('且')}时需要`;
  // Without the system's or the file's facts only the folder is known; say so, the clerk may know better.
  return knowsFacts ? `本户不符合：${need}` : `未读到本户家庭成员情况（系统导出或家庭基本情况表），按不需要处理：${need}`;
}

function entry(item: ChecklistItem, year: number | null, files: readonly ArchiveFile[]): RequiredDocument {
  const satisfiedBy: RequiredDocument['satisfiedBy'] = [];
  for (const f of files) {
    const m = f.matches.find((x) => x.item === item.name && !x.step && (year === null || x.years.includes(year)));
    if (m) satisfiedBy.push({ path: f.path, via: m.via, ...(m.location ? { location: m.location } : {}) });
  }
  return { item: item.name, year, status: satisfiedBy.length > 0 ? 'present' : 'missing', satisfiedBy };
}

const yearsOf = (item: ChecklistItem, years: number[]): Array<number | null> => (item.yearly ? years : [null]);

export function villageRequired(village: Village, items: readonly ChecklistItem[], years: number[]): RequiredDocument[] {
  return items.flatMap((item) => yearsOf(item, years).map((year) => entry(item, year, village.files)));
}

export function householdRequired(household: Household, items: readonly ChecklistItem[], years: number[]): RequiredDocument[] {
  if (household.path === null) return [];
  const held = householdConditions(household);
  return items.flatMap((item) => {
    const reason = notApplicableReason(item, held, household.facts !== null);
    return yearsOf(item, years).map((year) =>
      reason === null
        ? entry(item, year, household.files)
        : { item: item.name, year, status: 'not-applicable' as const, satisfiedBy: [], reason },
    );
  });
}

/** Sets `required` on every village and household (items only satisfying others are never owed). */
export function attachRequiredDocuments(model: ScanModel): ScanModel {
  const years = requiredYears(model.asOf);
  const owed = model.checklist.items.filter((i) => i.requiredItself);
  const villageItems = owed.filter((i) => i.level === 'village');
  const householdItems = owed.filter((i) => i.level !== 'village');
  return {
    ...model,
    villages: model.villages.map((village) => ({
      ...village,
      required: villageRequired(village, villageItems, years),
      households: village.households.map((h) => ({ ...h, required: householdRequired(h, householdItems, years) })),
    })),
  };
}
