import type { ArchiveFile, ChecklistItem, Household, ScanModel, Village } from '../api.js';
import { conditionsHold, householdConditions } from './household-conditions.js';

export interface RequiredDocument {
  village: Village;
  household: Household | null;
  item: ChecklistItem;
  /** The year a yearly item is required for; null otherwise. */
  year: number | null;
  present: boolean;
  /** The folder where it belongs. */
  path: string;
}

/** Yearly items are owed for the audit year and the year before. */
export function requiredYears(asOf: string): number[] {
  const year = Number(asOf.slice(0, 4));
  return [year - 1, year];
}

function hasItem(files: ArchiveFile[], item: ChecklistItem, year: number | null): boolean {
  return files.some((f) =>
    f.matches.some((m) => m.item === item.name && !m.step && (year === null || m.years.includes(year))),
  );
}

function entriesFor(
  items: ChecklistItem[],
  files: ArchiveFile[],
  years: number[],
  base: Omit<RequiredDocument, 'item' | 'year' | 'present'>,
): RequiredDocument[] {
  return items.flatMap((item) =>
    (item.yearly ? years : [null]).map((year) => ({ ...base, item, year, present: hasItem(files, item, year) })),
  );
}

/** Every checklist entry the archive owes, village by village and household by household, and whether it is there. */
export function listRequiredDocuments(model: ScanModel): RequiredDocument[] {
  const years = requiredYears(model.asOf);
  const owed = model.checklist.items.filter((i) => i.requiredItself);
  const villageItems = owed.filter((i) => i.level === 'village');
  const householdItems = owed.filter((i) => i.level !== 'village');
  const out: RequiredDocument[] = [];
  for (const village of model.villages) {
    out.push(...entriesFor(villageItems, village.files, years, { village, household: null, path: village.path }));
    for (const household of village.households) {
      if (household.path === null) continue;
      const held = householdConditions(household);
      const applicable = householdItems.filter(
        (i) => (i.level !== 'monitored' || held.has('monitored')) && conditionsHold(i.conditions, i.anyOf, held),
      );
      out.push(...entriesFor(applicable, household.files, years, { village, household, path: household.path }));
    }
  }
  return out;
}
