// What every export check shares (export-checks.md §3): it runs only when an export was read, skips with one
// notice when a column it needs is absent, walks the households in its scope, and reports findings keyed
// rule|village|household|(member or reason) with the values read under canonical column names.
import type { ExportData, ExportHousehold, ExportPerson, MonitoringLine, Rule, RuleContext, RuleMeta, Severity } from '../../api.js';
import { ageOn, schoolCutoffDay } from './ages.js';
import type { ExportParams } from './params.js';
import { makeExportValues, type ExportValues } from './values.js';

/** The column list token for "a birth date can be read" (出生日期, or an unmasked 证件号码). */
export const BIRTH = '出生日期|证件号码';

export interface ExportCheckSpec extends Omit<RuleMeta, 'export'> {
  category: string;
  level: 'P' | 'H' | 'V' | 'P/H';
  /** Columns without which nothing of the check runs (`BIRTH` for a readable birth date). */
  columns: string[];
  /** Parts skipped on their own when their columns are missing: part name → columns. */
  optional?: Record<string, string[]>;
  run(kit: ExportKit): void;
}

export interface ExportReport {
  household: ExportHousehold;
  person?: ExportPerson;
  messageId: string;
  data?: Record<string, string | number>;
  /** The values read, under canonical column names. */
  values?: Record<string, string | number | null>;
  /** One finding per reason where a check lists reasons. */
  reason?: string;
  severity?: Severity;
  /** The decisive column, for `details.location`. */
  column?: string;
  details?: Record<string, unknown>;
  /** The key's last parts when member and reason are not enough (a reason per item, per column). */
  keyParts?: string[];
}

export interface VillageReport {
  village: string;
  path: string;
  messageId: string;
  data?: Record<string, string | number>;
  values?: Record<string, string | number | null>;
}

export interface ExportKit {
  data: ExportData;
  params: ExportParams;
  values: ExportValues;
  asOf: string;
  ctx: RuleContext;
  /** Whether the export has every column (roster, 户信息 or 务工 sheets; `BIRTH` for readable birth dates). */
  has(...columns: string[]): boolean;
  /** True when the part's columns are present; otherwise one notice that the part did not run. */
  part(name: string): boolean;
  /** Households in the check's scope (data: `scope`), each timed through `ctx.each`. */
  eachHousehold(check: (household: ExportHousehold) => void, scope?: string[]): void;
  /** A household field: the 户主's row, else the 户信息 sheet. */
  field(household: ExportHousehold, column: string): string;
  isMonitored(household: ExportHousehold): boolean;
  isEliminated(household: ExportHousehold): boolean;
  /** Monitored and 风险是否已消除 is not 是. */
  isUnresolved(household: ExportHousehold): boolean;
  risks(household: ExportHousehold): string[];
  /**
   * The year of the income figures: the row's 年度 column, else the year the export states (title, sheet or file
   * name), else the 12 months before the as-of date (domain.md), named by the year most of them fall in.
   */
  incomeYear(household: ExportHousehold): { year: number; how: string };
  /** near-threshold's margin (thresholds.yaml), which 6.6 reuses. */
  nearThresholdMargin: number;
  /** The monitoring line of a year, or null (the caller skips, and a notice says the year has no line). */
  lineFor(year: number): number | null;
  /** Full years on the as-of date; null when no birth date can be read. */
  age(person: ExportPerson): number | null;
  /** Full years at the school-year cut-off containing the as-of date. */
  schoolAge(person: ExportPerson): number | null;
  report(input: ExportReport): void;
  /** A village-level finding (household null; key rule|村). */
  reportVillage(input: VillageReport): void;
}

function columnLabel(column: string): string {
  return column === BIRTH ? '出生日期（或未打码的证件号码）' : column.split('|').join('”或“');
}

function missingNotice(columns: string[], spec: ExportCheckSpec, part?: string): string {
  const names = columns.map((c) => `“${columnLabel(c)}”`).join('');
  const what = part ? `检查 ${spec.id}（${spec.name}）中“${part}”部分未执行` : `以下检查未执行：${spec.id}（${spec.name}）`;
  return `本次导出缺少${names}列，${what}`;
}

export function defineExportCheck(spec: ExportCheckSpec): Rule {
  const { category, level, columns, optional, run, ...meta } = spec;
  return {
    meta: {
      ...meta,
      // near-threshold's margin, which 6.6 reuses: one value in thresholds.yaml for both.
      options: { margin: { name: '临近监测线的幅度', default: 0.1, threshold: 'nearThresholdMargin' }, ...meta.options },
      export: { category, level, columns, ...(optional ? { optional } : {}) },
    },
    check(model, ctx) {
      const data = model.exportData;
      const params = model.data.exportChecks as ExportParams | undefined;
      if (!data || !params) return;
      const one = (c: string): boolean => data.columns.has(c) || data.workColumns.has(c);
      const known = scanCache(data).columns;
      // `A|B`: either column will do; BIRTH: a birth date can be read from 出生日期 or an unmasked ID.
      const hasColumn = (c: string): boolean => {
        let present = known.get(c);
        if (present === undefined) known.set(c, (present = c === BIRTH ? !data.birthDatesUnknown : c.split('|').some(one)));
        return present;
      };
      const has = (...cols: string[]): boolean => {
        for (const c of cols) if (!hasColumn(c)) return false;
        return true;
      };
      const missing = columns.filter((c) => !has(c));
      if (missing.length > 0) {
        ctx.notice(missingNotice(missing, spec));
        return;
      }
      run(makeKit(spec, model.data.monitoringLines, data, params, model.asOf, ctx, has, Number(ctx.options.margin)));
    },
  };
}

// Shared by every check of one scan: each scope's households and which columns the export has are worked out once,
// not once per check or per person (56 checks over a county's 100,000 people). Ages are computed each time: reading
// them by character costs less than looking them up.
interface ScanCache {
  scopes: Map<string, ExportHousehold[]>;
  /** `A|B` column tokens → whether the export has them. */
  columns: Map<string, boolean>;
}
const scanCaches = new WeakMap<ExportData, ScanCache>();

function scanCache(data: ExportData): ScanCache {
  let cache = scanCaches.get(data);
  if (!cache) scanCaches.set(data, (cache = { scopes: new Map(), columns: new Map() }));
  return cache;
}

function ageOf(person: ExportPerson, day: string): number | null {
  return person.birthDate ? ageOn(person.birthDate, day) : null;
}

function readField(h: ExportHousehold, column: string): string {
  return h.headRow.has(column) ? h.headRow.get(column) : (h.householdRows.find((r) => r.has(column))?.get(column) ?? '');
}

function makeKit(
  spec: ExportCheckSpec,
  lines: MonitoringLine[],
  data: ExportData,
  params: ExportParams,
  asOf: string,
  ctx: RuleContext,
  has: (...cols: string[]) => boolean,
  nearThresholdMargin: number,
): ExportKit {
  const values = makeExportValues(params, (t) => ctx.notice(t));
  const cache = scanCache(data);
  const field = readField;
  const isMonitored = (h: ExportHousehold): boolean => values.isFilled(field(h, '监测对象类别'));
  const isEliminated = (h: ExportHousehold): boolean => isMonitored(h) && values.yesNo(field(h, '风险是否已消除'), '风险是否已消除') === 'yes';
  const cutoff = schoolCutoffDay(asOf, params.schoolYearCutoff);
  const inScope = (h: ExportHousehold, scope: string[]): boolean => {
    if (!has('户类型') && !has('监测对象类别')) return true;
    const type = field(h, '户类型');
    return scope.some((s) => (s === '监测户' ? isMonitored(h) : type === s));
  };
  return {
    data,
    params,
    values,
    asOf,
    ctx,
    has,
    nearThresholdMargin,
    part(name) {
      const cols = spec.optional?.[name] ?? [];
      const missing = cols.filter((c) => !has(c));
      if (missing.length === 0) return true;
      ctx.notice(missingNotice(missing, spec, name));
      return false;
    },
    eachHousehold(check, scope) {
      const wanted = scope ?? params.scope.checks[spec.id] ?? params.scope.default;
      const scopeKey = wanted.join('|');
      let households = cache.scopes.get(scopeKey);
      if (!households) cache.scopes.set(scopeKey, (households = data.households.filter((h) => inScope(h, wanted))));
      ctx.each(
        households,
        (h) => ({ village: h.village, household: h.head, path: h.headRow.path }),
        check,
      );
    },
    field,
    isMonitored,
    isEliminated,
    isUnresolved: (h) => isMonitored(h) && !isEliminated(h),
    risks: (h) => values.risks(field(h, '致贫返贫风险')),
    incomeYear(h) {
      const cell = /(20\d{2})/.exec(field(h, '年度').normalize('NFKC'));
      if (cell) return { year: Number(cell[1]), how: '导出表“年度”列' };
      if (data.statedIncomeYear) return data.statedIncomeYear;
      const month = Number(asOf.slice(5, 7));
      const year = Number(asOf.slice(0, 4)) - (month >= 7 ? 0 : 1);
      return { year, how: `导出表未写年度，按审查日期 ${asOf} 前 12 个月计` };
    },
    lineFor(year) {
      const line = lines.find((l) => l.year === year)?.line ?? null;
      if (line === null) {
        ctx.notice(`${year} 年未配置防返贫监测收入标准（rules/data/monitoring-lines.yaml 或县里的覆盖文件），该年度与监测标准有关的检查已跳过`);
      }
      return line;
    },
    age: (p) => ageOf(p, asOf),
    schoolAge: (p) => ageOf(p, cutoff),
    report(input) {
      const { household: h, person: p } = input;
      const row = p?.row ?? h.headRow;
      ctx.report({
        messageId: input.messageId,
        data: { ...(p ? { member: p.name } : {}), householdId: h.householdId, ...input.data },
        village: h.village || null,
        household: h.head,
        path: row.path,
        details: {
          ...(p ? { member: p.name } : {}),
          householdId: h.householdId,
          ...(input.reason ? { reason: input.reason } : {}),
          location: row.locate(input.column),
          ...(input.values ? { values: input.values } : {}),
          ...input.details,
        },
        keyParts: input.keyParts ?? [...(p ? [p.name] : []), ...(input.reason ? [input.reason] : [])],
        ...(input.severity ? { severity: input.severity } : {}),
      });
    },
    reportVillage(input) {
      ctx.report({
        messageId: input.messageId,
        data: { village: input.village, ...input.data },
        village: input.village || null,
        household: null,
        path: input.path,
        details: { ...(input.values ? { values: input.values } : {}) },
        keyParts: [],
      });
    },
  };
}
