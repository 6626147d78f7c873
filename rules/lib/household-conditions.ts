import type { Condition, Household } from '../api.js';

/** Monitored by the system's (or the file's) facts, else by the folder it was filed under. */
export function isMonitoredHousehold(household: Household): boolean {
  if (household.facts) return household.facts.isMonitored;
  return household.folderCategory === '监测户';
}

/**
 * Conditions that hold for a household. Without any facts only what the folder says is known,
 * so conditional items (students, disability, 低保) are not required of it.
 */
export function householdConditions(household: Household): Set<Condition> {
  const held = new Set<Condition>();
  if (isMonitoredHousehold(household)) held.add('monitored');
  const facts = household.facts;
  if (!facts) return held;
  if (facts.riskEliminated) held.add('risk-eliminated');
  for (const m of facts.members) {
    if (m.isStudent || m.isCompulsoryStudent) held.add('student');
    if (m.isCompulsoryStudent) held.add('compulsory-student');
    if (m.isDisabled) held.add('disabled');
    if (m.hasDibao) held.add('dibao');
    if (m.hasTekun) held.add('tekun');
  }
  return held;
}

export function conditionsHold(all: Condition[], anyOf: Condition[], held: Set<Condition>): boolean {
  return all.every((c) => held.has(c)) && (anyOf.length === 0 || anyOf.some((c) => held.has(c)));
}
