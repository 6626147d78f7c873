import type { Household, IncomeItems, IncomeTable, Rule } from './api.js';

// Totals and the head count match between honest tables too; only the items a clerk fills in one by one
// (and at least two of them) make a copy.
const TOTALS = new Set(['家庭纯收入', '人均纯收入', '家庭总收入']);
const IGNORED = new Set(['家庭人口']);

function comparable(items: IncomeItems): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(items)) if (value !== 0 && !IGNORED.has(key)) out[key] = value;
  return out;
}

const cents = (value: number): number => Math.round(value * 100);

/** The identical items when the two tables agree item by item, else null. */
function identicalFields(a: IncomeItems, b: IncomeItems): string[] | null {
  const x = comparable(a);
  const y = comparable(b);
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return null;
  if (!keys.every((k) => y[k] !== undefined && cents(y[k]) === cents(x[k]))) return null;
  if (keys.filter((k) => !TOTALS.has(k)).length < 2) return null;
  return keys;
}

/** Compared items rounded to the cent, in a fixed order: equal exactly when identicalFields accepts the pair. */
function valueKey(values: Record<string, number>): string {
  return Object.entries(values)
    .map(([key, value]) => `${key}=${cents(value)}`)
    .sort()
    .join(';');
}

function tablesByYear(household: Household): Map<number, IncomeTable> {
  const byYear = new Map<number, IncomeTable>();
  for (const table of household.incomeTables) if (!byYear.has(table.year)) byYear.set(table.year, table);
  return byYear;
}

export const copiedIncome: Rule = {
  meta: {
    id: 'copied-income',
    name: '收入表照搬',
    severity: 'error',
    description: '某年度家庭收入测算表与另一年度（或同年度另一户）的表逐项相同，疑似照抄',
    messages: {
      copiedBetweenYears:
        '{later} 年家庭收入测算表与 {earlier} 年的逐项相同（{fields}），疑似照抄上年数据：请核对 {laterPath}（{laterLocation}）与 {earlierPath}（{earlierLocation}）',
      copiedBetweenHouseholds:
        '{year} 年家庭收入测算表与本村 {other} 户的逐项相同（{fields}），疑似套用他户数据：请核对 {path}（{location}）与 {otherPath}',
    },
  },
  check(model, ctx) {
    for (const village of model.villages) {
      for (const household of village.households) {
        const byYear = [...tablesByYear(household).values()].sort((a, b) => a.year - b.year);
        for (let i = 1; i < byYear.length; i++) {
          const later = byYear[i];
          // The nearest earlier year it repeats: 2021 = 2022 = 2023 reads as two copies, not three.
          for (let j = i - 1; j >= 0; j--) {
            const earlier = byYear[j];
            const fields = identicalFields(earlier.items, later.items);
            if (!fields) continue;
            ctx.report({
              messageId: 'copiedBetweenYears',
              data: {
                earlier: earlier.year,
                later: later.year,
                fields: fields.join('、'),
                laterPath: later.path,
                laterLocation: later.location,
                earlierPath: earlier.path,
                earlierLocation: earlier.location,
              },
              village: village.name,
              household: household.head,
              path: later.path,
              details: { years: [earlier.year, later.year], fields, paths: [earlier.path, later.path] },
              keyParts: [`${earlier.year}-${later.year}`],
            });
            break;
          }
        }
      }
      // Tables of one year agree item by item exactly when their values agree to the cent: group them
      // by year and values, so a village of 550 households is not compared pair by pair.
      const groups = new Map<string, Array<{ household: Household; table: IncomeTable; fields: string[] }>>();
      for (const household of village.households) {
        for (const [year, table] of tablesByYear(household)) {
          const values = comparable(table.items);
          const fields = Object.keys(values);
          if (fields.filter((k) => !TOTALS.has(k)).length < 2) continue;
          const key = `${year}|${valueKey(values)}`;
          const group = groups.get(key);
          if (group) group.push({ household, table, fields });
          else groups.set(key, [{ household, table, fields }]);
        }
      }
      for (const group of groups.values()) {
        if (group.length < 2) continue;
        for (const a of group) {
          for (const b of group) {
            if (a.household === b.household || a.table.path === b.table.path) continue;
            const { fields } = a;
            const { year, path, location } = a.table;
            ctx.report({
              messageId: 'copiedBetweenHouseholds',
              data: { year, other: b.household.head, fields: fields.join('、'), path, location, otherPath: b.table.path },
              village: village.name,
              household: a.household.head,
              path,
              details: { years: [year, year], year, fields, households: [b.household.head], otherPath: b.table.path },
              keyParts: ['between', year, b.household.key],
            });
          }
        }
      }
    }
  },
};
