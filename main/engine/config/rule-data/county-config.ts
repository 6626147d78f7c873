// A county's configuration file (`--config county.yaml`): the tables it overrides (monitoring lines,
// thresholds, income and column synonyms), entries it adds to or removes from the retired-terms and
// health-word lists, and rules it switches off. Every key and value is checked here, so a typo fails
// before the scan with the file, the key and what is allowed.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parse } from 'yaml';
import { rules } from '../../../../rules/index.js';
import { DataTableError } from './load-data-tables.js';
import { shippedPersonCheckIds } from './person-checks.js';

export const TABLE_SECTIONS = ['monitoringLines', 'thresholds', 'incomeSynonyms', 'systemColumns'] as const;
const LIST_SECTIONS = ['retiredTerms', 'healthWords'] as const;
const KNOWN_SECTIONS = [...TABLE_SECTIONS, ...LIST_SECTIONS, 'rules', 'exportChecks', 'exportPersonChecks', 'ocr'];

/** Additions and removals for one list; `add` entries are in the shipped file's own form. */
export interface ListEdit {
  add: unknown[];
  remove: string[];
}

export interface CountyConfig {
  /** The file's name, for messages. */
  file: string;
  /** The table sections as written, merged by `mergeOverride`. */
  tables: Record<string, unknown>;
  retiredTerms: ListEdit;
  /** `add`/`remove` for the words; exception phrases through `addExceptions`. */
  healthWords: ListEdit & { addExceptions: string[] };
  /** Rule ids switched off. */
  disabledRules: string[];
  /** The `exportChecks:` section as written, merged over rules/data/export-checks.yaml. */
  exportChecks?: unknown;
  /** Export checks written as data that the county adds (entries as in export-person-checks.yaml) or removes (ids). */
  exportPersonChecks: ListEdit;
  /** Changes to rules/data/ocr.yaml: words added to or removed from its lists, numbers replaced. */
  ocr?: OcrEdit;
}

/** A county's `ocr:` section. */
export interface OcrEdit {
  file: string;
  photoWords: ListEdit;
  fullTextWords: ListEdit;
  values: Partial<Record<OcrNumberKey, number>>;
}

/** The numbers of ocr.yaml a county may set, with the range each allows and what it means. */
export const ocrNumberRanges = {
  confidenceFloor: { min: 0, max: 100, what: '可信度下限' },
  titleRegion: { min: 0.05, max: 1, what: '先识别的标题区域占页高的比例' },
  renderDpi: { min: 72, max: 400, what: '页面转图片的分辨率' },
  maxPages: { min: 1, max: 500, what: '每个文件最多识别的页数' },
  minImageBytes: { min: 0, max: 1048576, what: '不识别的小图片的字节数' },
} as const;
type OcrNumberKey = keyof typeof ocrNumberRanges;

function readOcrEdit(raw: unknown, file: string): OcrEdit | undefined {
  if (raw == null) return undefined;
  const where = `${file}（ocr）`;
  const keys = ['photoWords', 'fullTextWords', ...Object.keys(ocrNumberRanges)];
  if (!isRecord(raw)) throw new DataTableError(`${where} 应按 ${keys.join('、')} 分项书写`);
  for (const key of Object.keys(raw)) {
    if (!keys.includes(key)) throw new DataTableError(`${where} 中的“${key}”无法识别（可用：${keys.join('、')}）`);
  }
  const words = (key: 'photoWords' | 'fullTextWords'): ListEdit => {
    const edit = readListEdit(raw[key], `${where} 的 ${key}`, ['add', 'remove']);
    return { add: readStrings(edit.add, `${where} 的 ${key} 的 add`), remove: edit.remove };
  };
  const values: OcrEdit['values'] = {};
  for (const [key, range] of Object.entries(ocrNumberRanges) as Array<[OcrNumberKey, (typeof ocrNumberRanges)[OcrNumberKey]]>) {
    const value = raw[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !(value >= range.min && value <= range.max)) {
      throw new DataTableError(`${where} 中 ${key}（${range.what}）的值“${String(value)}”无效：应是 ${range.min} 到 ${range.max} 之间的数`);
    }
    values[key] = value;
  }
  return { file, photoWords: words('photoWords'), fullTextWords: words('fullTextWords'), values };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function readCountyConfig(path: string): CountyConfig {
  const file = basename(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DataTableError(
      code === 'ENOENT' ? `找不到县里的配置文件 ${file}，请检查路径` : `无法读取县里的配置文件 ${file}（${code === 'EACCES' ? '没有读取权限' : '文件无法打开'}）`,
    );
  }
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    const line = (error as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line;
    throw new DataTableError(`${file} 不是有效的 YAML 格式${line ? `（第 ${line} 行附近）` : ''}：请检查缩进和冒号`);
  }
  return parseCountyConfig(raw ?? {}, file);
}

export function parseCountyConfig(raw: unknown, file: string): CountyConfig {
  if (!isRecord(raw)) throw new DataTableError(`${file} 应按 ${KNOWN_SECTIONS.join('、')} 分节书写`);
  for (const key of Object.keys(raw)) {
    if (!KNOWN_SECTIONS.includes(key)) throw new DataTableError(`${file} 中的“${key}”无法识别（可用：${KNOWN_SECTIONS.join('、')}）`);
  }
  const tables = Object.fromEntries(TABLE_SECTIONS.filter((k) => raw[k] !== undefined).map((k) => [k, raw[k]]));
  const terms = readListEdit(raw.retiredTerms, `${file}（retiredTerms）`, ['add', 'remove']);
  const personChecks = readListEdit(raw.exportPersonChecks, `${file}（exportPersonChecks）`, ['add', 'remove']);
  // Checks written as data may be switched off too: the shipped ones and those this file adds.
  const personIds = [...shippedPersonCheckIds(), ...personChecks.add.map((e) => String((e as { id?: unknown } | null)?.id ?? ''))];
  const health = readListEdit(raw.healthWords, `${file}（healthWords）`, ['add', 'remove', 'addExceptions']);
  for (const word of health.add) {
    if (typeof word !== 'string' || word.trim() === '') throw new DataTableError(`${file}（healthWords）add 中应是文字，而不是“${String(word)}”`);
  }
  return {
    file,
    tables,
    retiredTerms: { add: terms.add, remove: terms.remove },
    healthWords: { add: health.add, remove: health.remove, addExceptions: readStrings(health.addExceptions, `${file}（healthWords 的 addExceptions）`) },
    disabledRules: readRuleSwitches(raw.rules, `${file}（rules）`, personIds),
    exportPersonChecks: personChecks,
    ...(raw.exportChecks !== undefined ? { exportChecks: raw.exportChecks } : {}),
    ...(raw.ocr != null ? { ocr: readOcrEdit(raw.ocr, file) } : {}),
  };
}

function readListEdit(raw: unknown, where: string, keys: string[]): ListEdit & Record<string, unknown> {
  if (raw == null) return { add: [], remove: [] };
  if (!isRecord(raw)) throw new DataTableError(`${where} 应写成 add（增加的条目）和 remove（删去的条目）两项`);
  for (const key of Object.keys(raw)) {
    if (!keys.includes(key)) throw new DataTableError(`${where} 中的“${key}”无法识别（可用：${keys.join('、')}）`);
  }
  const add = raw.add ?? [];
  if (!Array.isArray(add)) throw new DataTableError(`${where} 的 add 应是列表（每条前面写“- ”）`);
  return { ...raw, add, remove: readStrings(raw.remove, `${where} 的 remove`) };
}

function readStrings(raw: unknown, where: string): string[] {
  if (raw == null) return [];
  if (!Array.isArray(raw) || raw.some((v) => typeof v !== 'string' || v.trim() === '')) {
    throw new DataTableError(`${where} 应是文字列表（每条前面写“- ”）`);
  }
  return (raw as string[]).map((v) => v.trim());
}

/** `rules: { stale-ledger: off }`: only switching off is allowed; an unknown id lists the known ones. */
function readRuleSwitches(raw: unknown, where: string, extraIds: string[] = []): string[] {
  if (raw == null) return [];
  if (!isRecord(raw)) throw new DataTableError(`${where} 应写成“规则编号: off”`);
  const disabled: string[] = [];
  for (const [id, value] of Object.entries(raw)) {
    if (!(id in rules) && !extraIds.includes(id)) {
      throw new DataTableError(`${where} 中没有“${id}”这条规则（可用：${[...Object.keys(rules), ...extraIds].join('、')}）`);
    }
    if (value === 'off' || value === false) disabled.push(id);
    else if (value !== 'on' && value !== true) {
      throw new DataTableError(`${where} 中“${id}”的值“${String(value)}”无效：只能写 off（关闭）或 on（开启）`);
    }
  }
  return disabled;
}

/** Applies removals (by key) then additions (replacing an entry of the same key) to a list read from YAML. */
export function applyListEdit<T>(list: T[], edit: ListEdit, keyOf: (entry: T) => string, where: string): T[] {
  const known = new Set(list.map(keyOf));
  for (const name of edit.remove) {
    if (!known.has(name)) throw new DataTableError(`${where}：要删去的“${name}”不在默认列表中`);
  }
  const added = edit.add as T[];
  const addedKeys = new Set(added.map(keyOf));
  return [...list.filter((e) => !edit.remove.includes(keyOf(e)) && !addedKeys.has(keyOf(e))), ...added];
}
