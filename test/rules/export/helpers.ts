// Builds a scan model holding only an export, from literal rows keyed by header text, and runs export checks
// on it the way the scan does — the rows go through the real header matcher and reader.
import type { ExtractedContent, Finding, Rule, ScanModel } from '../../../rules/api.js';
import { loadRuleData } from '../../../main/engine/config/rule-data/load-rule-data.js';
import { parseCountyConfig } from '../../../main/engine/config/rule-data/county-config.js';
import { loadExportCheckParams } from '../../../main/engine/config/rule-data/export-check-params.js';
import { exportReadWords, readExportData } from '../../../main/engine/system-export/read-export-data.js';
import { runRules } from '../../../main/engine/evaluate/run-rules.js';

export type Row = Record<string, string | number>;

export interface ExportSpec {
  /** Person rows of the roster; keys are header texts (canonical names or any synonym). */
  roster: Row[];
  /** Rows of a 务工 workbook, when there is one. */
  work?: Row[];
  /** Rows of a 户信息 workbook. */
  householdInfo?: Row[];
  asOf?: string;
  /** A county's `exportChecks:` section. */
  exportChecks?: Record<string, unknown>;
}

function table(name: string, rows: Row[]): ExtractedContent['tables'][number] {
  const header = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return {
    name,
    kind: 'sheet',
    location: `${name}!`,
    rows: [['某县防返贫监测对象信息（导出）'], ['导出日期：2026-11-30'], header, ...rows.map((r) => header.map((h) => String(r[h] ?? '')))],
  };
}

const base = await loadRuleData();

export function exportModel(spec: ExportSpec): ScanModel {
  const content = (tables: ExtractedContent['tables']): ExtractedContent => ({ format: 'xlsx', title: null, blocks: [], tables, dates: [] });
  const sources = [{ path: '系统导出.xlsx', content: content([table('人员信息', spec.roster)]) }];
  if (spec.work) sources.push({ path: '务工信息.xlsx', content: content([table('已外出务工', spec.work)]) });
  if (spec.householdInfo) sources.push({ path: '户信息.xlsx', content: content([table('户信息', spec.householdInfo)]) });
  const exportChecks = spec.exportChecks
    ? loadExportCheckParams([{ raw: parseCountyConfig({ exportChecks: spec.exportChecks }, 'county.yaml').exportChecks, file: 'county.yaml' }])
    : base.data.exportChecks;
  const data = { ...base.data, exportChecks };
  const exportData = readExportData(sources, base.tables, exportReadWords(data));
  return {
    root: '/archive',
    asOf: spec.asOf ?? '2026-11-30',
    checklist: { name: 'test', items: [], procedures: [], source: 'test' },
    data,
    villages: [],
    systemOnly: [],
    files: [],
    systemSources: ['系统导出.xlsx'],
    ...(exportData ? { exportData } : {}),
  };
}

/** Runs one check over an export; returns its findings and notices. */
export function runCheck(rule: Rule, spec: ExportSpec): { findings: Finding[]; notices: string[] } {
  return runRules([rule], exportModel(spec));
}

/** A household's head row with the usual household fields; override any. */
export function head(over: Row = {}): Row {
  return {
    县: '某县',
    乡镇: '某镇',
    行政村: '和平村',
    户编号: 'H001',
    姓名: '张三',
    证件号码: '620422198001011238',
    与户主关系: '户主',
    户类型: '脱贫户',
    监测对象类别: '',
    风险是否已消除: '',
    健康状况: '健康',
    劳动技能: '普通劳动力',
    在校生状况: '非在校生',
    ...over,
  };
}

/** Another member of the same household (same 户编号 and village unless overridden). */
export function member(over: Row): Row {
  return { 县: '某县', 乡镇: '某镇', 行政村: '和平村', 户编号: 'H001', 健康状况: '健康', 劳动技能: '普通劳动力', 在校生状况: '非在校生', ...over };
}
