// Reads the clerk-editable data tables under rules/data (monitoring lines, thresholds, income item
// names, system export column names) and a county's override file merged over them. Bad data is
// refused with a Chinese message naming the file and the entry, so a clerk can find the typo.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { MonitoringLine, Thresholds } from '../../../../rules/api.js';
import { SYSTEM_COLUMN_NAMES } from '../../vocabulary/column-names.js';
import { RuleDataError } from './rule-data-error.js';

/** Canonical income item → other names, and → its sub-items (summed when the item itself is absent). */
export interface IncomeVocabulary {
  incomeSynonyms: Record<string, string[]>;
  incomeParts?: Record<string, string[]>;
}

export interface ExportVocabulary extends IncomeVocabulary {
  /** Canonical system column → the header texts it is written as. */
  systemColumns: Record<string, string[]>;
}

export interface DataTables extends ExportVocabulary {
  monitoringLines: MonitoringLine[];
  thresholds: Thresholds;
  incomeParts: Record<string, string[]>;
}

export class DataTableError extends RuleDataError {}

const THRESHOLD_KEYS: Array<keyof Thresholds> = [
  'nearThresholdMargin',
  'minMonthsBeforeElimination',
  'templateSimilarity',
  'publicNoticeMinDays',
  'ledgerMaxAgeMonths',
  'incomeTolerance',
];

export function defaultDataDir(): string {
  return fileURLToPath(new URL('../../../../rules/data/', import.meta.url));
}

function parseYaml(text: string, file: string): unknown {
  try {
    return parse(text);
  } catch (error) {
    throw new DataTableError(`${file} 不是有效的 YAML 格式：${(error as Error).message}`);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseMonitoringLines(raw: unknown, file: string): MonitoringLine[] {
  // Accepts the shipped form (`lines: [{year, line, note}]`) and a county's short form (`2025: 8000`).
  const list: unknown[] = isRecord(raw) && Array.isArray(raw.lines)
    ? raw.lines
    : isRecord(raw)
      ? Object.entries(raw).map(([year, line]) => ({ year: Number(year), line }))
      : Array.isArray(raw)
        ? raw
        : raw == null
          ? []
          : [raw];
  const lines: MonitoringLine[] = [];
  list.forEach((entry, i) => {
    const where = `${file} 第 ${i + 1} 条监测标准`;
    if (!isRecord(entry)) throw new DataTableError(`${where} 应写成 year（年度）和 line（标准）两项`);
    const year = Number(entry.year);
    const line = Number(entry.line);
    if (!Number.isInteger(year) || year < 2000 || year > 2100) {
      throw new DataTableError(`${where}：年度“${String(entry.year)}”不是有效的年份`);
    }
    if (!Number.isFinite(line) || line <= 0) {
      throw new DataTableError(`${file} 中 ${year} 年的监测标准“${String(entry.line)}”不是大于 0 的金额（元）`);
    }
    if (lines.some((l) => l.year === year)) throw new DataTableError(`${file} 中 ${year} 年的监测标准写了两次`);
    lines.push({ year, line, ...(entry.note != null ? { note: String(entry.note) } : {}) });
  });
  return lines.sort((a, b) => a.year - b.year);
}

export function parseThresholds(raw: unknown, file: string): Partial<Thresholds> {
  if (raw == null) return {};
  if (!isRecord(raw)) throw new DataTableError(`${file} 应是“名称: 数值”的列表`);
  const result: Partial<Thresholds> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!THRESHOLD_KEYS.includes(key as keyof Thresholds)) {
      throw new DataTableError(`${file} 中的“${key}”不是程序认识的阈值名称（可用：${THRESHOLD_KEYS.join('、')}）`);
    }
    const n = Number(value);
    if (typeof value === 'boolean' || value === null || !Number.isFinite(n) || n < 0) {
      throw new DataTableError(`${file} 中“${key}”的值“${String(value)}”不是有效的非负数`);
    }
    if ((key === 'nearThresholdMargin' || key === 'templateSimilarity') && n > 1) {
      throw new DataTableError(`${file} 中“${key}”是比例，应在 0 到 1 之间，现为 ${n}`);
    }
    result[key as keyof Thresholds] = n;
  }
  return result;
}

function readNameList(value: unknown, file: string, entry: string): string[] {
  if (value == null) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((name) => {
    if (typeof name !== 'string' && typeof name !== 'number') {
      throw new DataTableError(`${file} 中“${entry}”的名称列表里有一项不是文字`);
    }
    const text = String(name).trim();
    if (!text) throw new DataTableError(`${file} 中“${entry}”的名称列表里有空白项`);
    return text;
  });
}

/** Each name may stand for one item in one role, or a table could be read two ways. */
function checkIncomeNames(synonyms: Record<string, string[]>, parts: Record<string, string[]>, file: string): void {
  const owner = new Map<string, string>();
  const claim = (name: string, label: string): void => {
    const previous = owner.get(name);
    if (previous !== undefined && previous !== label) {
      throw new DataTableError(`${file} 中“${name}”同时写在${previous}和${label}下，程序无法判断它属于哪一项`);
    }
    owner.set(name, label);
  };
  for (const [canonical, names] of Object.entries(synonyms)) {
    for (const name of [canonical, ...names]) claim(name, `“${canonical}”`);
  }
  for (const [canonical, names] of Object.entries(parts)) {
    for (const name of names) claim(name, `“${canonical}”的明细`);
  }
}

export function parseIncomeSynonyms(
  raw: unknown,
  file: string,
): { incomeSynonyms: Record<string, string[]>; incomeParts: Record<string, string[]> } {
  const incomeSynonyms: Record<string, string[]> = {};
  const incomeParts: Record<string, string[]> = {};
  if (raw == null) return { incomeSynonyms, incomeParts };
  if (!isRecord(raw)) throw new DataTableError(`${file} 应是“规范名称: 其他写法”的列表`);
  for (const [canonical, value] of Object.entries(raw)) {
    const spec = isRecord(value) ? value : { synonyms: value };
    for (const key of Object.keys(spec)) {
      if (key !== 'synonyms' && key !== 'parts') {
        throw new DataTableError(`${file} 中“${canonical}”下的“${key}”无法识别，只能写 synonyms（其他写法）和 parts（明细）`);
      }
    }
    incomeSynonyms[canonical] = readNameList(spec.synonyms, file, canonical);
    incomeParts[canonical] = readNameList(spec.parts, file, canonical);
  }
  checkIncomeNames(incomeSynonyms, incomeParts, file);
  return { incomeSynonyms, incomeParts };
}

export function parseSystemColumns(raw: unknown, file: string): Record<string, string[]> {
  const columns: Record<string, string[]> = {};
  if (raw == null) return columns;
  if (!isRecord(raw)) throw new DataTableError(`${file} 应是“规范列名: [其他写法]”的列表`);
  for (const [canonical, value] of Object.entries(raw)) {
    if (!(SYSTEM_COLUMN_NAMES as readonly string[]).includes(canonical)) {
      throw new DataTableError(
        `${file} 中的“${canonical}”不是程序认识的规范列名（可用：${SYSTEM_COLUMN_NAMES.join('、')}）；新的写法请加在对应规范列名后面`,
      );
    }
    const names = readNameList(value, file, canonical);
    if (names.some((n) => n.startsWith('自然村')) && canonical === '村') {
      throw new DataTableError(`${file} 中“村”只认行政村，不能把“自然村”当作村名列`);
    }
    columns[canonical] = names;
  }
  return columns;
}

function mergeLists(base: Record<string, string[]>, extra: Record<string, string[]>): Record<string, string[]> {
  const merged: Record<string, string[]> = {};
  for (const [key, list] of Object.entries(base)) merged[key] = [...list];
  for (const [key, list] of Object.entries(extra)) merged[key] = [...new Set([...(merged[key] ?? []), ...list])];
  return merged;
}

/**
 * Merges a county's override (one YAML with any of `monitoringLines`, `thresholds`, `incomeSynonyms`,
 * `systemColumns`) over the tables: lines replace by year, thresholds by name, names are added.
 */
export function mergeOverride(base: DataTables, raw: unknown, file: string): DataTables {
  if (raw == null) return base;
  if (!isRecord(raw)) throw new DataTableError(`${file} 应按 monitoringLines、thresholds、incomeSynonyms、systemColumns 分节书写`);
  const known = ['monitoringLines', 'thresholds', 'incomeSynonyms', 'systemColumns'];
  for (const key of Object.keys(raw)) {
    if (!known.includes(key)) throw new DataTableError(`${file} 中的“${key}”无法识别（可用：${known.join('、')}）`);
  }
  const lines = parseMonitoringLines(raw.monitoringLines, `${file}（monitoringLines）`);
  const income = parseIncomeSynonyms(raw.incomeSynonyms, `${file}（incomeSynonyms）`);
  const incomeSynonyms = mergeLists(base.incomeSynonyms, income.incomeSynonyms);
  const incomeParts = mergeLists(base.incomeParts, income.incomeParts);
  checkIncomeNames(incomeSynonyms, incomeParts, `${file}（incomeSynonyms，与默认名称合并后）`);
  return {
    monitoringLines: [...base.monitoringLines.filter((l) => !lines.some((o) => o.year === l.year)), ...lines].sort(
      (a, b) => a.year - b.year,
    ),
    thresholds: { ...base.thresholds, ...parseThresholds(raw.thresholds, `${file}（thresholds）`) },
    incomeSynonyms,
    incomeParts,
    systemColumns: mergeLists(base.systemColumns, parseSystemColumns(raw.systemColumns, `${file}（systemColumns）`)),
  };
}

function readYamlFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new DataTableError(`无法读取规则数据文件 ${path}：${(error as Error).message}`);
  }
  return parseYaml(text, basename(path));
}

/**
 * Loads the four tables from `dataDir` (default: the shipped rules/data), then each override in order: the table
 * sections of a county's configuration (`overrides`), or whole override files (`overridePaths`).
 */
export function loadDataTables(
  options: { dataDir?: string; overridePaths?: string[]; overrides?: Array<{ raw: unknown; file: string }> } = {},
): DataTables {
  const dir = options.dataDir ?? defaultDataDir();
  const thresholds = parseThresholds(readYamlFile(join(dir, 'thresholds.yaml')), 'thresholds.yaml');
  const missing = THRESHOLD_KEYS.filter((k) => thresholds[k] === undefined);
  if (missing.length) throw new DataTableError(`thresholds.yaml 缺少阈值：${missing.join('、')}`);
  let tables: DataTables = {
    monitoringLines: parseMonitoringLines(readYamlFile(join(dir, 'monitoring-lines.yaml')), 'monitoring-lines.yaml'),
    thresholds: thresholds as Thresholds,
    ...parseIncomeSynonyms(readYamlFile(join(dir, 'income-synonyms.yaml')), 'income-synonyms.yaml'),
    systemColumns: parseSystemColumns(readYamlFile(join(dir, 'system-columns.yaml')), 'system-columns.yaml'),
  };
  for (const path of options.overridePaths ?? []) tables = mergeOverride(tables, readYamlFile(path), basename(path));
  for (const { raw, file } of options.overrides ?? []) tables = mergeOverride(tables, raw, file);
  return tables;
}

