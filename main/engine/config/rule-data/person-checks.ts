// Loads the export checks written as data (rules/data/export-person-checks.yaml) with a county's additions and
// removals, checks every entry's shape, compiles it, and runs its example rows — an entry whose invalid rows do
// not fire, or whose valid rows do, is refused with the file, the entry and the row, as the terms dictionary is.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { ExtractedContent, Rule, RuleData, ScanModel } from '../../../../rules/api.js';
import { compilePersonCheck, type PersonCheckEntry, type Predicate } from '../../../../rules/index.js';
import { runRules } from '../../evaluate/run-rules.js';
import { exportReadWords, readExportData } from '../../system-export/read-export-data.js';
import { defaultDataDir, DataTableError, type DataTables } from './load-data-tables.js';
import type { ListEdit } from './county-config.js';

export const PERSON_CHECKS_FILE = 'export-person-checks.yaml';

const SEVERITIES = ['error', 'warning', 'info'];
const VALUE_PREDICATES: Record<string, string[]> = {
  health: ['healthy', 'chronic', 'serious', 'disabled'],
  labour: ['skilled', 'ordinary', 'weak', 'lost', 'none'],
  schooling: ['preschool', 'primary', 'junior', 'compulsory', 'senior', 'vocational', 'higherVocational', 'university', 'postgraduate', 'notStudent'],
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkPredicate(p: unknown, where: string): Predicate {
  if (!isRecord(p)) throw new DataTableError(`${where}：when 中的每个判断应写成“键: 值”`);
  const keys = Object.keys(p);
  const fail = (what: string): never => {
    throw new DataTableError(`${where}：判断 ${JSON.stringify(p)} ${what}`);
  };
  if (keys.length === 1 && (keys[0] === 'all' || keys[0] === 'any')) {
    const list = p[keys[0]];
    if (!Array.isArray(list) || list.length === 0) fail(`的 ${keys[0]} 应是判断的列表`);
    return { [keys[0]]: (list as unknown[]).map((q) => checkPredicate(q, where)) } as Predicate;
  }
  if (keys.length === 1 && keys[0] === 'not') return { not: checkPredicate(p.not, where) };
  if (keys.includes('column')) {
    if (typeof p.column !== 'string' || !p.column) fail('的 column 应是列名');
    if ('is' in p && ['yes', 'no', 'blank', 'filled'].includes(String(p.is)) && keys.length === 2) return p as Predicate;
    if ('in' in p && Array.isArray(p.in) && keys.length === 2) return { column: p.column as string, in: (p.in as unknown[]).map(String) };
    fail('应再写 is（yes、no、blank、filled）或 in（值的列表）');
  }
  if (keys.length !== 1) fail('只能有一个键（health、labour、schooling、dibao、tekun、disabilityGrade、age、column、all、any、not）');
  const [key] = keys;
  const value = p[key];
  if (key in VALUE_PREDICATES) {
    if (!Array.isArray(value) || value.some((v) => !VALUE_PREDICATES[key].includes(String(v)))) fail(`的 ${key} 只能列出：${VALUE_PREDICATES[key].join('、')}`);
    return p as Predicate;
  }
  if (key === 'dibao' || key === 'tekun') {
    if (value !== 'yes' && value !== 'no') fail(`的 ${key} 只能是 yes 或 no`);
    return p as Predicate;
  }
  if (key === 'disabilityGrade') {
    if (value !== 'severe' && !(Array.isArray(value) && value.every((g) => Number.isInteger(g) && g >= 1 && g <= 4))) fail('的 disabilityGrade 应是 1–4 的等级列表，或 severe');
    return p as Predicate;
  }
  if (key === 'age') {
    if (!isRecord(value) || Object.keys(value).some((k) => k !== 'min' && k !== 'max') || Object.values(value).some((v) => typeof v !== 'number')) {
      fail('的 age 应写成 {min: 数字, max: 数字}');
    }
    return p as Predicate;
  }
  return fail('无法识别');
}

function checkEntry(raw: unknown, file: string, index: number): PersonCheckEntry {
  const where = `${file} 第 ${index + 1} 条检查`;
  if (!isRecord(raw)) throw new DataTableError(`${where} 应按 id、name、severity、category、description、columns、when、message、examples 书写`);
  const text = (key: string): string => {
    if (typeof raw[key] !== 'string' || !(raw[key] as string).trim()) throw new DataTableError(`${where}（${String(raw.id ?? '')}）缺少 ${key}`);
    return (raw[key] as string).trim();
  };
  const id = text('id');
  if (!/^export\/[a-z0-9-]+$/.test(id)) throw new DataTableError(`${where}：编号“${id}”应写成 export/小写英文和短横线`);
  const at = `${where}（${id}）`;
  const severity = text('severity');
  if (!SEVERITIES.includes(severity)) throw new DataTableError(`${at}：severity 只能是 error、warning 或 info`);
  if (!Array.isArray(raw.columns) || raw.columns.length === 0 || raw.columns.some((c) => typeof c !== 'string')) {
    throw new DataTableError(`${at}：columns 应是列名的列表`);
  }
  const examples = raw.examples;
  if (!isRecord(examples) || !Array.isArray(examples.valid) || !Array.isArray(examples.invalid) || examples.invalid.length === 0 || examples.valid.length === 0) {
    throw new DataTableError(`${at}：examples 应有 valid（不应报的行）和 invalid（应报的行）各至少一行`);
  }
  return {
    id,
    name: text('name'),
    severity: severity as PersonCheckEntry['severity'],
    category: text('category'),
    description: text('description'),
    columns: raw.columns as string[],
    when: checkPredicate(raw.when, at),
    message: text('message'),
    examples: examples as PersonCheckEntry['examples'],
  };
}

/** One household of one person, the example row over a plain head's row, read as an export would be. */
function exampleModel(row: Record<string, string | number>, tables: DataTables, data: RuleData, asOf: string): ScanModel {
  const person: Record<string, string | number> = { 县: '示例县', 乡镇: '示例镇', 行政村: '示例村', 户编号: 'E001', 姓名: '示例', 与户主关系: '户主', 户类型: '脱贫户', ...row };
  const header = Object.keys(person);
  const content: ExtractedContent = { format: 'xlsx', title: null, blocks: [], dates: [], tables: [{ name: '示例', kind: 'sheet', location: '示例!', rows: [header, header.map((h) => String(person[h]))] }] };
  const exportData = readExportData([{ path: '示例.xlsx', content }], tables, exportReadWords(data)) ?? undefined;
  return { root: '', asOf, checklist: { name: '', items: [], procedures: [], source: '' }, data, villages: [], systemOnly: [], files: [], systemSources: [], ...(exportData ? { exportData } : {}) };
}

function runExamples(entry: PersonCheckEntry, rule: Rule, tables: DataTables, data: RuleData, file: string): void {
  // Ages in examples are judged on a fixed day, so an entry's examples mean the same whenever it loads.
  const asOf = '2024-12-15';
  for (const [kind, rows, expected] of [['invalid', entry.examples.invalid, true], ['valid', entry.examples.valid, false]] as const) {
    rows.forEach((row, i) => {
      const { findings, notices } = runRules([rule], exampleModel(row, tables, data, asOf));
      if (findings.length > 0 !== expected) {
        const why = notices.find((n) => n.includes(entry.id));
        throw new DataTableError(
          `${file} 中的检查 ${entry.id}（${entry.name}）没有通过自带的示例：${kind === 'invalid' ? '应报' : '不应报'}的第 ${i + 1} 行 ${JSON.stringify(row)} ` +
            `${expected ? '没有报出' : '却报出了疑点'}${why ? `（${why}）` : ''}。请检查 when 或示例。`,
        );
      }
    });
  }
}

/** The data-defined export checks, compiled, their examples passed; `taken` are ids the code's checks already use. */
export function loadPersonChecks(
  tables: DataTables,
  data: RuleData,
  taken: ReadonlySet<string>,
  edits: Array<{ edit: ListEdit; file: string }> = [],
  dataDir = defaultDataDir(),
): Rule[] {
  let raw: unknown;
  try {
    raw = parse(readFileSync(join(dataDir, PERSON_CHECKS_FILE), 'utf8'));
  } catch (error) {
    throw new DataTableError(`无法读取规则数据文件 ${PERSON_CHECKS_FILE}：${(error as Error).message}`);
  }
  const list = isRecord(raw) && Array.isArray(raw.checks) ? raw.checks : [];
  let entries = list.map((e, i) => ({ entry: checkEntry(e, PERSON_CHECKS_FILE, i), file: PERSON_CHECKS_FILE }));
  for (const { edit, file } of edits) {
    const where = `${file}（exportPersonChecks）`;
    for (const id of edit.remove) {
      if (!entries.some((e) => e.entry.id === id)) throw new DataTableError(`${where}：要删去的“${id}”不是写成数据的检查（可删：${entries.map((e) => e.entry.id).join('、')}）`);
    }
    const added = edit.add.map((e, i) => ({ entry: checkEntry(e, where, i), file: where }));
    entries = [...entries.filter((e) => !edit.remove.includes(e.entry.id) && !added.some((a) => a.entry.id === e.entry.id)), ...added];
  }
  const seen = new Set<string>();
  return entries.map(({ entry, file }) => {
    if (taken.has(entry.id)) throw new DataTableError(`${file} 中的检查编号 ${entry.id} 已被程序内置的检查使用，请换一个编号`);
    if (seen.has(entry.id)) throw new DataTableError(`${file} 中的检查编号 ${entry.id} 写了两次`);
    seen.add(entry.id);
    const rule = compilePersonCheck(entry);
    runExamples(entry, rule, tables, data, file);
    return rule;
  });
}

/** Ids of the shipped data-defined checks, for a county's `rules: { id: off }`. */
export function shippedPersonCheckIds(dataDir = defaultDataDir()): string[] {
  try {
    const raw = parse(readFileSync(join(dataDir, PERSON_CHECKS_FILE), 'utf8')) as { checks?: Array<{ id?: string }> };
    return (raw.checks ?? []).map((c) => String(c.id));
  } catch {
    return [];
  }
}
