// Loads rules/data/export-checks.yaml and merges a county's `exportChecks:` section over it: objects are merged
// key by key, lists and numbers replaced. A key the shipped file does not have, or a value of another kind
// (a list where a number belongs), is refused naming the file and the key, before the scan starts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { ExportParams } from '../../../../rules/index.js';
import { defaultDataDir, DataTableError } from './load-data-tables.js';

const FILE = 'export-checks.yaml';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'list';
  return typeof value === 'object' ? 'object' : typeof value;
}

const KIND_NAMES: Record<string, string> = { list: '列表', object: '分项（键: 值）', number: '数字', string: '文字', boolean: '是非' };

/** Tables whose keys a county may add to (scope per check, value tables, risk tables, standards by year). */
const OPEN_TABLES = new Set(['checks', 'riskSynonyms', 'relationSynonyms', 'categoryHouseholdType', 'measureWords', 'riskBasis', 'guaranteeRisk', 'riskMeasures', 'ruralDibaoStandard', 'gradeAgeBands']);

function merge(base: unknown, override: unknown, where: string, key: string): unknown {
  if (override === undefined) return base;
  // A default that is empty (no standard) takes whatever the county writes.
  if (base === null || base === undefined) return override;
  if (override === null) return null;
  if (isRecord(base)) {
    if (!isRecord(override)) throw new DataTableError(`${where} 中“${key}”应写成${KIND_NAMES.object}，现为“${String(override)}”`);
    const result: Record<string, unknown> = { ...base };
    for (const [k, v] of Object.entries(override)) {
      if (!(k in base) && !OPEN_TABLES.has(key)) {
        throw new DataTableError(`${where} 中“${key}”下的“${k}”无法识别（可用：${Object.keys(base).join('、')}）`);
      }
      result[k] = k in base ? merge(base[k], v, where, k) : v;
    }
    return result;
  }
  if (kindOf(base) !== kindOf(override)) {
    throw new DataTableError(`${where} 中“${key}”应是${KIND_NAMES[kindOf(base)] ?? kindOf(base)}，现为“${String(override)}”`);
  }
  return override;
}

export function loadExportCheckParams(overrides: Array<{ raw: unknown; file: string }> = [], dataDir = defaultDataDir()): ExportParams {
  let loaded: unknown;
  try {
    loaded = parse(readFileSync(join(dataDir, FILE), 'utf8'));
  } catch (error) {
    throw new DataTableError(`无法读取规则数据文件 ${FILE}：${(error as Error).message}`);
  }
  if (!isRecord(loaded)) throw new DataTableError(`${FILE} 应按参数名称分项书写`);
  let params: Record<string, unknown> = loaded;
  for (const { raw, file } of overrides) {
    if (raw == null) continue;
    const where = `${file}（exportChecks）`;
    if (!isRecord(raw)) throw new DataTableError(`${where} 应按参数名称分项书写（可用：${Object.keys(params).join('、')}）`);
    for (const key of Object.keys(raw)) {
      if (!(key in params)) throw new DataTableError(`${where} 中的“${key}”不是疑点检查的参数（可用：${Object.keys(params).join('、')}）`);
    }
    params = merge(params, raw, where, 'exportChecks') as Record<string, unknown>;
  }
  checkOpenParams(params, overrides.map((o) => o.file).join('、') || FILE);
  return params as unknown as ExportParams;
}

/** The parameters without a default take their shape from here, since the shipped file cannot show it. */
function checkOpenParams(params: Record<string, unknown>, file: string): void {
  const where = `${file}（exportChecks）`;
  const standard = params.ruralDibaoStandard;
  if (standard !== null && standard !== undefined) {
    if (!isRecord(standard) || Object.entries(standard).some(([year, v]) => !/^20\d{2}$/.test(year) || typeof v !== 'number' || v <= 0)) {
      throw new DataTableError(`${where} 中“ruralDibaoStandard”应按年度写本县农村低保标准，如 2024: 5400（元/人·年），现为“${JSON.stringify(standard)}”`);
    }
  }
  const burden = params.medicalBurden;
  if (burden !== null && burden !== undefined) {
    const ok = isRecord(burden) && Object.keys(burden).length > 0 && Object.entries(burden).every(([k, v]) => (k === 'amount' || k === 'share') && typeof v === 'number' && v > 0);
    if (!ok || (isRecord(burden) && typeof burden.share === 'number' && burden.share > 1)) {
      throw new DataTableError(`${where} 中“medicalBurden”应写 amount（金额，元）或 share（占家庭纯收入的比例，0–1），如 share: 0.3`);
    }
  }
  const from = params.yuluFrom;
  if (from !== null && from !== undefined && !(typeof from === 'string' && /^20\d{2}-\d{2}$/.test(from))) {
    throw new DataTableError(`${where} 中“yuluFrom”应写成年月，如 2022-08`);
  }
}
