// `check-export`: the export logic checks (系统数据疑点) on monitoring-system exports alone, without an archive
// folder — for a township answering a province's 疑点 list. Same report shape as a scan: findings per village
// of the export, notices, the previous ledger carried forward.
import { performance } from 'node:perf_hooks';
import type { ExportData, Finding, Household, Rule, ScanModel, Village } from '../../rules/api.js';
import { rules as allRules } from '../../rules/index.js';
import { loadChecklist } from './config/checklist/load-checklist.js';
import { extractAll } from './extract/extract-text.js';
import { carryForward } from './ledger/carry-forward.js';
import { readSystemExports } from './system-export/read-system-exports.js';
import { loadRuleData } from './config/rule-data/load-rule-data.js';
import { maskDeep } from './report/mask-id-numbers.js';
import { externalSourceFile } from './run-scan.js';
import { readVillageName } from './discover/archive-names.js';
import { mergeSkipNotices } from './evaluate/merge-skip-notices.js';
import { optionsFromThresholds, runRules } from './evaluate/run-rules.js';
import { ScanInputError } from './scan-input-error.js';
import { summarizeVillages } from './report/summarize-villages.js';
import { exportReadWords, readExportData } from './system-export/read-export-data.js';
import type { ProgressEvent, ScanReport } from './types.js';

export interface ExportCheckOptions {
  /** The export workbooks (roster, and any 户信息 / 务工 workbooks of the same export). */
  files: string[];
  asOf: string;
  configPaths?: string[];
  previous?: ScanReport | null;
  jobs?: number;
  cacheDir?: string | null;
  signal?: AbortSignal;
  onProgress?: (event: ProgressEvent) => void;
}

/** The archive rules that judge the export's own data (near the line, single-person 低保, doubtful eliminations). */
const EXPORT_DATA_RULES = ['elimination-doubt', 'near-threshold', 'single-person-assistance'];

function exportTitle(data: ExportData, firstFile: string): string {
  const places = [...new Set(data.households.map((h) => `${h.county}${h.township}`).filter(Boolean))];
  return places.length === 1 ? places[0] : firstFile.replace(/\.[^.]+$/, '');
}

/** Whether a rule judges the export alone: an export check, or one of the archive rules that read only its data. */
export function isExportOnlyRule(rule: Rule): boolean {
  return rule.meta.export !== undefined || EXPORT_DATA_RULES.includes(rule.meta.id);
}

export async function runExportCheck(options: ExportCheckOptions): Promise<ScanReport> {
  const started = performance.now();
  const emit = (event: ProgressEvent): void => options.onProgress?.(event);
  if (options.files.length === 0) throw new ScanInputError('请给出至少一个监测系统导出表（.xlsx、.xls 或 .csv）');
  const notices: string[] = [];
  const { data, tables, disabledRules, extraRules } = await loadRuleData(options.configPaths);
  const files = await Promise.all(options.files.map((f) => externalSourceFile(f)));

  emit({ type: 'stage', stage: 'extract' });
  const outcomes = await extractAll(files, {
    // The clerk named these files: a county's whole export may take minutes to read, not the archive's per-file limit.
    timeoutMs: 10 * 60_000,
    jobs: options.jobs,
    cacheDir: options.cacheDir,
    signal: options.signal,
    onProgress: ({ done, total }) => emit({ type: 'files', done, total, fromCache: 0, rate: 0, etaSeconds: null, village: null }),
  });
  for (const file of files) {
    const unreadable = outcomes.get(file.path)?.unreadable;
    if (unreadable) throw new ScanInputError(`无法读取 ${file.name}：${unreadable.message}`);
  }

  emit({ type: 'stage', stage: 'read-system-export' });
  const system = readSystemExports(files, outcomes, tables, files);
  notices.push(...system.notices);
  const exportData = readExportData(system.exportFiles, tables, exportReadWords(data));
  if (!exportData) {
    throw new ScanInputError(
      `所给文件中没有监测系统的人员信息表：表头应有“姓名”“证件号码”“与户主关系”等列（标题行可在表头之上）。所给文件：${files.map((f) => f.name).join('、')}`,
    );
  }

  // Each of the export's villages is a village without folders, its households known only from the export,
  // so the rules that read household facts see the same households a scan would.
  const byVillage = new Map<string, Village>();
  for (const record of system.households) {
    const sys = { ...record, village: readVillageName(record.village) ?? record.village };
    let village = byVillage.get(sys.village);
    if (!village) {
      village = { name: sys.village, path: '', files: [], households: [], ledgers: {}, required: [] };
      byVillage.set(sys.village, village);
    }
    const household: Household = {
      key: `${sys.village}|${sys.householdId ?? sys.head}`,
      head: sys.head,
      village: sys.village,
      path: null,
      files: [],
      facts: sys.facts,
      system: sys,
      archiveFacts: null,
      incomeTables: [],
      required: [],
    };
    village.households.push(household);
  }
  const { checklist } = await loadChecklist(undefined);
  const model: ScanModel = {
    root: '',
    asOf: options.asOf,
    checklist,
    data,
    villages: [...byVillage.values()],
    systemOnly: [],
    files: [],
    systemSources: system.sources,
    exportData,
  };

  emit({ type: 'stage', stage: 'evaluate' });
  options.signal?.throwIfAborted();
  const toRun = [...Object.values(allRules), ...extraRules].filter((r) => isExportOnlyRule(r) && !disabledRules.includes(r.meta.id));
  const evaluated = runRules(toRun, model, optionsFromThresholds(toRun, tables.thresholds));
  notices.push(...mergeSkipNotices(evaluated.notices));

  emit({ type: 'stage', stage: 'report' });
  let findings: Finding[] = evaluated.findings.map(maskDeep);
  let resolved: Finding[] = [];
  if (options.previous) ({ findings, resolved } = carryForward(findings, options.previous, options.asOf));
  return {
    schema: 'dossier-check/report@1',
    // Titles read 「青石镇 · 系统数据疑点核实表」: the export's township when it names one, else the first file's name.
    root: exportTitle(exportData, files[0].name),
    asOf: options.asOf,
    generatedAt: new Date().toISOString(),
    checklist: '（只查系统导出表）',
    stats: {
      villages: model.villages.length,
      households: exportData.households.length,
      files: files.length,
      unreadable: 0,
      seconds: Math.round((performance.now() - started) / 100) / 10,
    },
    villages: maskDeep(summarizeVillages(model, findings)),
    notices: maskDeep(notices),
    findings,
    resolved,
    dossiers: [],
  };
}
