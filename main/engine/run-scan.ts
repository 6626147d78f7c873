// The scan pipeline: discover → extract → read system export → identify → read tables → evaluate → report.
// No Electron here: the CLI and the app's main process both call runScan.
import { readFile, stat } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { maxStreamedCells } from './extract/xlsx-adapter.js';
import { findTownships, mergeTownshipReports, type TownshipFolder } from './discover/townships.js';
import type { Finding, ScanModel } from '../../rules/api.js';
import { rules as allRules } from '../../rules/index.js';
import { buildArchive } from './identify/build-model.js';
import { loadChecklist } from './config/checklist/load-checklist.js';
import { carryForward } from './ledger/carry-forward.js';
import { discoverArchive } from './discover/discover-archive.js';
import { extractAll } from './extract/extract-text.js';
import { attachTables } from './identify/attach-tables.js';
import { identifyArchive } from './identify/identify-archive.js';
import { readSystemExports } from './system-export/read-system-exports.js';
import { exportReadWords, readExportData } from './system-export/read-export-data.js';
import { loadRuleData } from './config/rule-data/load-rule-data.js';
import { mergeSkipNotices } from './evaluate/merge-skip-notices.js';
import { optionsFromThresholds, runRules } from './evaluate/run-rules.js';
import { listDossiers, summarizeVillages } from './report/summarize-villages.js';
import { attachRequiredDocuments } from './identify/required-documents.js';
import type { ProgressEvent, ScanOptions, ScanReport, SourceFile } from './types.js';
import { listZip } from './discover/zip-source.js';
import { markOcrFindings } from './evaluate/mark-ocr-findings.js';
import { prepareOcr } from './extract/prepare-ocr.js';
import { ScanInputError } from './scan-input-error.js';
import { checksWithNothingToRun } from './inspect-archive.js';
import { maskDeep } from './report/mask-id-numbers.js';

export { ScanInputError };

async function assertArchiveRoot(root: string): Promise<void> {
  const info = await stat(root).catch(() => null);
  if (!info) throw new ScanInputError(`找不到要审查的档案文件夹：${root}`);
  if (!info.isDirectory()) throw new ScanInputError(`要审查的应是一个文件夹，而不是文件：${root}`);
}

/** Runs a whole scan and returns the report. Never writes inside the archive. */
/**
 * Scans a township's or a village's archive; a folder holding several townships is scanned township by township
 * (each against its own export) into one report (townships.ts).
 */
export async function runScan(options: ScanOptions): Promise<ScanReport> {
  const started = performance.now();
  const root = path.resolve(options.root);
  await assertArchiveRoot(root);
  const townships = await findTownships(root);
  if (townships.length === 0) return scanOne(options);
  if ((options.systemPaths ?? []).length > 0) {
    throw new ScanInputError('所选文件夹里有多个乡镇：指定的导出表（--system）不知道属于哪个乡镇。请分别审查每个乡镇的文件夹，或把导出表放进所属乡镇的文件夹');
  }
  const parts: Array<{ township: TownshipFolder; report: ScanReport }> = [];
  for (const township of townships) {
    options.signal?.throwIfAborted();
    parts.push({ township, report: await scanOne({ ...options, root: township.abs, previous: null }) });
  }
  const merged = mergeTownshipReports(options.root, parts, Math.round((performance.now() - started) / 100) / 10);
  if (options.previous) ({ findings: merged.findings, resolved: merged.resolved } = carryForward(merged.findings, options.previous, options.asOf));
  return merged;
}

async function scanOne(options: ScanOptions): Promise<ScanReport> {
  const started = performance.now();
  const emit = (event: ProgressEvent): void => options.onProgress?.(event);
  const root = path.resolve(options.root);
  await assertArchiveRoot(root);
  const notices: string[] = [];

  const { checklist, warnings } = await loadChecklist(options.checklistPath);
  notices.push(...warnings);
  // A thin county checklist must not turn checks off silently.
  for (const idle of checksWithNothingToRun(checklist)) notices.push(`所用的检查清单（${checklist.name}）使以下检查无从进行——${idle}`);
  const { data, tables, disabledRules, extraRules, ocrEdits } = await loadRuleData(options.configPaths);

  emit({ type: 'stage', stage: 'discover' });
  const discovered = await discoverArchive(root, { expandZip: listZip, signal: options.signal });
  if (discovered.skipped.length > 0) notices.push(skippedNotice(discovered.skipped));
  if (discovered.gbkNames.length > 0) notices.push(gbkNamesNotice(discovered.gbkNames));
  const explicitSystem = await Promise.all((options.systemPaths ?? []).map((p) => externalSourceFile(p)));

  emit({ type: 'stage', stage: 'extract' });
  const villageOf = new Map<string, string>();
  for (const v of discovered.villages) {
    for (const f of v.files) villageOf.set(f.path, v.name);
    for (const h of v.households) for (const f of h.files) villageOf.set(f.path, v.name);
  }
  const extractStarted = performance.now();
  const toExtract = [...discovered.allFiles, ...explicitSystem];
  const ocr = prepareOcr(options.ocr ?? 'auto', checklist, notices, ocrEdits);
  let ocrStarted = 0;
  const outcomes = await extractAll(toExtract, {
    ocrPlan: ocr.plan,
    ocrEngineId: ocr.engineId,
    onOcrProgress: ({ queued, done, pages }) => {
      ocrStarted ||= performance.now();
      const seconds = (performance.now() - ocrStarted) / 1000;
      const filesPerSecond = seconds > 0 ? done / seconds : 0;
      emit({
        type: 'ocr',
        queued,
        done,
        pages,
        pagesPerSecond: seconds > 0 ? pages / seconds : 0,
        etaSeconds: done > 0 && filesPerSecond > 0 ? (queued - done) / filesPerSecond : null,
      });
    },
    jobs: options.jobs,
    cacheDir: options.cacheDir,
    verifyCache: options.verifyCache,
    timeoutMs: options.timeoutMs,
    signal: options.signal,
    onProgress: ({ done, total, fromCache, current }) => {
      const seconds = (performance.now() - extractStarted) / 1000;
      const rate = seconds > 0 ? done / seconds : 0;
      emit({
        type: 'files',
        done,
        total,
        fromCache,
        rate,
        etaSeconds: rate > 0 && done > 0 ? (total - done) / rate : null,
        village: villageOf.get(current.path) ?? null,
      });
    },
  });

  const truncated = toExtract.flatMap((f) => {
    const rows = outcomes.get(f.path)?.content?.truncated?.rowsRead;
    return rows === undefined ? [] : [`${f.path}（只读了前 ${rows.toLocaleString('en-US')} 行）`];
  });
  if (truncated.length > 0) {
    notices.push(
      `有 ${truncated.length} 个表格过大（超过 ${(maxStreamedCells / 10_000).toFixed(0)} 万个单元格），只审查了前面的部分，其余行未检查；` +
        `请把这样的台账按年度或按村拆成较小的表格再审查：${truncated.join('、')}`,
    );
  }

  emit({ type: 'stage', stage: 'read-system-export' });
  const exportCandidates: SourceFile[] = [
    ...explicitSystem,
    ...discovered.townshipFiles,
    ...discovered.villages.flatMap((v) => v.files),
  ];
  const system = readSystemExports(exportCandidates, outcomes, tables, explicitSystem);
  notices.push(...system.notices);

  const exportData = readExportData(system.exportFiles, tables, exportReadWords(data)) ?? undefined;
  const archive = buildArchive(discovered, outcomes, system.households, new Set(system.sources));
  const built: ScanModel = {
    root,
    asOf: options.asOf,
    checklist,
    data,
    villages: archive.villages,
    systemOnly: archive.systemOnly,
    files: archive.files,
    systemSources: system.sources,
    ...(exportData ? { exportData } : {}),
  };

  if (archive.villages.length === 0) {
    notices.push(
      `在所选文件夹中没有找到村或户的文件夹（村文件夹名以“村”或“社区”结尾，户文件夹以户主姓名命名），请确认选择的是乡镇或村的档案文件夹`,
    );
  }
  if (system.sources.length === 0) {
    notices.push('没有找到监测系统导出表（可用 --system 指定），未做系统与档案的比对：系统有档案无、档案有系统无、四个一致');
  }

  emit({ type: 'stage', stage: 'identify' });
  const model = attachRequiredDocuments(attachTables(identifyArchive(built), tables));

  emit({ type: 'stage', stage: 'evaluate' });
  options.signal?.throwIfAborted();
  const toRun = [...Object.values(allRules), ...extraRules].filter((r) => !disabledRules.includes(r.meta.id));
  // Options a county sets through thresholds.yaml (or its override) reach each rule as ctx.options.
  const evaluated = runRules(toRun, model, optionsFromThresholds(toRun, tables.thresholds));
  notices.push(...mergeSkipNotices(evaluated.notices));

  emit({ type: 'stage', stage: 'report' });
  // Masked where they are made, so no output (JSON path and key included) carries a full ID number from a folder
  // or file name; masking is deterministic, so keys stay stable between scans.
  let findings: Finding[] = markOcrFindings(evaluated.findings, model, ocr.settings.confidenceFloor).map(maskDeep);
  let resolved: Finding[] = [];
  if (options.previous) ({ findings, resolved } = carryForward(findings, options.previous, options.asOf));
  const households = model.villages.reduce((n, v) => n + v.households.length, 0);
  return {
    schema: 'dossier-check/report@1',
    root: options.root,
    asOf: options.asOf,
    generatedAt: new Date().toISOString(),
    checklist: checklist.name,
    stats: {
      villages: model.villages.length,
      households,
      files: model.files.length,
      unreadable: model.files.filter((f) => f.unreadable).length,
      exportFiles: system.exportFiles.length,
      seconds: Math.round((performance.now() - started) / 100) / 10,
    },
    villages: maskDeep(summarizeVillages(model, findings)),
    notices: maskDeep(notices),
    findings,
    resolved,
    dossiers: maskDeep(listDossiers(model)),
  };
}

export async function externalSourceFile(filePath: string): Promise<SourceFile> {
  const abs = path.resolve(filePath);
  const info = await stat(abs).catch(() => null);
  if (!info?.isFile()) throw new ScanInputError(`找不到监测系统导出文件：${filePath}`);
  const name = path.basename(abs);
  return {
    path: `〔系统导出〕${name}`,
    name,
    ext: path.extname(name).slice(1).toLowerCase(),
    size: info.size,
    mtimeMs: info.mtimeMs,
    ctimeMs: info.ctimeMs,
    ino: info.ino,
    absPath: abs,
    read: () => readFile(abs),
  };
}

/** One notice for everything the walk did not follow, so a clerk knows what was not read. */
/** Said once, so a clerk knows why such a name may show garbled in other tools: nothing was skipped for it. */
function gbkNamesNotice(names: string[]): string {
  const shown = names.slice(0, 5).join('、');
  const more = names.length > 5 ? ` 等 ${names.length} 个` : '';
  return `有 ${names.length} 个文件或文件夹的名称是 GBK 编码（多为从旧 Windows 电脑拷贝而来），已按 GBK 读出名称并照常审查；在其他软件中这些名称可能显示为乱码：${shown}${more}`;
}

function skippedNotice(skipped: Array<{ path: string; kind: string }>): string {
  const shown = skipped.slice(0, 10).map((s) => `${s.path}（${s.kind}）`).join('、');
  const more = skipped.length > 10 ? ` 等 ${skipped.length} 项` : '';
  return `有 ${skipped.length} 个链接或特殊文件未读取（审查不跟随链接，请把链接指向的文件本身放进档案）：${shown}${more}`;
}
