// Export checks written as data (rules/data/export-person-checks.yaml): a condition over one person's row, built
// from a few typed predicates, compiled here into an ordinary export check. A county adds a check by adding an
// entry; the entry's example rows are run when the data loads, so a wrong entry is refused before any scan.
import type { ExportPerson, Rule, Severity } from '../../api.js';
import { BIRTH, defineExportCheck, type ExportKit } from './check-kit.js';
import type { LabourClass } from './params.js';
import type { Health, Schooling } from './values.js';

export type Predicate =
  | { column: string; is: 'yes' | 'no' | 'blank' | 'filled' }
  | { column: string; in: string[] }
  | { health: Array<Exclude<Health, 'blank' | 'unknown'>> }
  | { labour: LabourClass[] }
  | { schooling: Array<Exclude<Schooling, 'blank' | 'unknown'>> }
  | { dibao: 'yes' | 'no' }
  | { tekun: 'yes' | 'no' }
  /** The grade of a disability card (from a 20/22-character ID); `severe` reads the parameter severeDisabilityGrades. */
  | { disabilityGrade: number[] | 'severe' }
  | { age: { min?: number; max?: number } }
  | { all: Predicate[] }
  | { any: Predicate[] }
  | { not: Predicate };

export interface PersonCheckEntry {
  id: string;
  name: string;
  severity: Severity;
  category: string;
  description: string;
  /** Columns the condition reads (`出生日期|证件号码` for age). */
  columns: string[];
  when: Predicate;
  /** `{member}`, `{age}` and any `{列名}` of the person's row. */
  message: string;
  examples: { valid: Array<Record<string, string | number>>; invalid: Array<Record<string, string | number>> };
}

/** true, false, or null when the row does not say (blank or an unknown value): null never makes a finding. */
export function evaluate(p: Predicate, kit: ExportKit, person: ExportPerson): boolean | null {
  const row = person.row;
  if ('all' in p) {
    const values = p.all.map((q) => evaluate(q, kit, person));
    return values.includes(false) ? false : values.includes(null) ? null : true;
  }
  if ('any' in p) {
    const values = p.any.map((q) => evaluate(q, kit, person));
    return values.includes(true) ? true : values.includes(null) ? null : false;
  }
  if ('not' in p) {
    const v = evaluate(p.not, kit, person);
    return v === null ? null : !v;
  }
  if ('is' in p) {
    const text = row.get(p.column);
    if (p.is === 'blank') return text === '';
    if (p.is === 'filled') return text !== '';
    const v = kit.values.yesNo(text, p.column);
    return v === 'unknown' || v === 'blank' ? null : v === p.is;
  }
  if ('in' in p) return p.in.includes(row.get(p.column).trim());
  if ('health' in p) return known(kit.values.health(row.get('健康状况')), (v) => (p.health as string[]).includes(v));
  if ('labour' in p) return known(kit.values.labour(row.get('劳动技能')), (v) => (p.labour as string[]).includes(v));
  if ('schooling' in p) return known(kit.values.schooling(row.get('在校生状况')), (v) => (p.schooling as string[]).includes(v));
  if ('dibao' in p) return known(kit.values.dibao(row.get('是否享受低保')), (v) => v === p.dibao);
  if ('tekun' in p) return known(kit.values.tekun(row.get('是否特困供养')), (v) => v === p.tekun);
  if ('disabilityGrade' in p) {
    const grade = person.disabilityCard?.grade;
    if (grade == null) return false;
    return (p.disabilityGrade === 'severe' ? kit.params.severeDisabilityGrades : p.disabilityGrade).includes(grade);
  }
  const age = kit.age(person);
  if (age === null) return null;
  return (p.age.min === undefined || age >= p.age.min) && (p.age.max === undefined || age <= p.age.max);
}

function known<T extends string>(value: T, test: (v: T) => boolean): boolean | null {
  return value === 'blank' || value === 'unknown' ? null : test(value);
}

/** The columns a predicate reads, for the report's values. */
function readColumns(p: Predicate): string[] {
  if ('all' in p) return p.all.flatMap(readColumns);
  if ('any' in p) return p.any.flatMap(readColumns);
  if ('not' in p) return readColumns(p.not);
  if ('column' in p) return [p.column];
  if ('health' in p) return ['健康状况'];
  if ('labour' in p) return ['劳动技能'];
  if ('schooling' in p) return ['在校生状况'];
  if ('dibao' in p) return ['是否享受低保'];
  if ('tekun' in p) return ['是否特困供养'];
  if ('disabilityGrade' in p) return ['证件号码'];
  return [];
}

export function compilePersonCheck(entry: PersonCheckEntry): Rule {
  const read = [...new Set(readColumns(entry.when))];
  return defineExportCheck({
    id: entry.id,
    name: entry.name,
    severity: entry.severity,
    description: entry.description,
    category: entry.category,
    level: 'P',
    columns: entry.columns,
    messages: { person: entry.message },
    run(kit) {
      kit.eachHousehold((household) => {
        for (const person of household.members) {
          if (evaluate(entry.when, kit, person) !== true) continue;
          const age = kit.age(person);
          const cells = Object.fromEntries(read.map((c) => [c, person.row.get(c)]));
          kit.report({
            household,
            person,
            messageId: 'person',
            data: { ...cells, age: age ?? '年龄不详', ...(person.disabilityCard?.grade != null ? { grade: person.disabilityCard.grade } : {}) },
            column: read[0],
            // The ID number itself stays out of the report's values; its disability grade is what was read.
            values: read.includes('证件号码')
              ? { ...Object.fromEntries(Object.entries(cells).filter(([c]) => c !== '证件号码')), 残疾等级: person.disabilityCard?.grade ?? null }
              : cells,
            ...(entry.columns.includes(BIRTH) && age !== null ? { details: { age } } : {}),
          });
        }
      });
    },
  });
}
