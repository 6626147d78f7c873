// Every invoke channel's handler as plain Node code: the Electron layer (register.ts) and the renderer tests
// (window.api backed through Playwright) call the same functions. Each checks its arguments; a path must lie
// inside a folder the user chose through the dialog.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { saveReportFile } from '../engine/report/outputs.js';
import type { ProgressEvent, ScanFormat, ScanReport } from '../engine/types.js';
import { UserFacingError } from '../engine/user-facing-error.js';
import { loadRuleData } from '../engine/config/rule-data/load-rule-data.js';
import { rules } from '../../rules/index.js';
import type { InvokeChannel, InvokeChannels } from './contract.js';
import { GrantedRoots } from './granted-roots.js';
import type { HistoryStore } from './history-store.js';
import type { LedgerStore } from './ledger-store.js';
import type { SettingsStore } from './settings-store.js';
import { readPreviousReport } from '../engine/report/read-previous-report.js';
import { findSystemExports, previewChecklist } from '../engine/inspect-archive.js';
import { ScanService, type RunScan } from './scan-service.js';

export interface HandlerDeps {
  runScan: RunScan;
  cacheDir: string | null;
  history: HistoryStore;
  ledger: LedgerStore;
  settings: SettingsStore;
  pickLedgerFile(): Promise<string | null>;
  /** Export workbooks and a county checklist, through the system's open dialog; null when cancelled. */
  pickSystemFiles(): Promise<string[] | null>;
  pickChecklistFile(): Promise<string | null>;
  /** The system's dialogs; null when the user cancelled. */
  pickFolder(): Promise<string | null>;
  pickSaveTarget(format: ScanFormat, defaultName: string): Promise<string | null>;
  openPath(filePath: string, reveal: boolean): Promise<void>;
  emit(event: ProgressEvent): void;
}

export type Handlers = { [C in InvokeChannel]: (request: InvokeChannels[C]['request']) => Promise<InvokeChannels[C]['response']> };

const FORMATS: ScanFormat[] = ['xlsx', 'html', 'json'];

function requireString(value: unknown, what: string): string {
  if (typeof value !== 'string' || value === '') throw new UserFacingError(`${what}无效`);
  return value;
}

export function createHandlers(deps: HandlerDeps): Handlers & { granted: GrantedRoots } {
  const granted = new GrantedRoots();
  const scans = new ScanService(deps.runScan, deps.cacheDir);
  let current: { report: ScanReport; root: string } | null = null;
  /** The report saved last (导出), which 打开 / 在文件夹中显示 may open. */
  let lastSaved: string | null = null;
  // Files outside the archive the scan may read: only those the clerk chose through the dialogs.
  const chosenFiles = new Set<string>();

  return {
    granted,
    'archive:pick': async () => {
      const folder = await deps.pickFolder();
      if (folder !== null) granted.grant(folder);
      return folder;
    },
    'archive:drop': async (request) => {
      const dropped = requireString(request?.path, '拖入的文件夹');
      const info = await stat(dropped).catch(() => null);
      if (info === null || !info.isDirectory()) {
        throw new UserFacingError(`拖入的不是文件夹：${path.basename(dropped)}。请把乡镇或村的档案文件夹拖到这里`);
      }
      granted.grant(dropped);
      return path.resolve(dropped);
    },
    'scan:start': async (request) => {
      const root = requireString(request?.root, '档案文件夹');
      if (granted.rootOf(root) === null) throw new UserFacingError('只能审查通过“选择文件夹”选定的档案文件夹');
      for (const file of [...(request.systemPaths ?? []), ...(request.checklistPath ? [request.checklistPath] : [])]) {
        if (!chosenFiles.has(path.resolve(file))) throw new UserFacingError('系统导出表和检查清单只能是通过对话框选定的文件');
      }
      // The clerk's 整改 fields from earlier scans of this folder carry forward by key.
      const report = await deps.ledger.apply(root, await scans.start({ ...request, root }, deps.emit, await deps.settings.configPaths()));
      current = { report, root: path.resolve(root) };
      await deps.history.add(report, current.root);
      return report;
    },
    'scan:cancel': async () => scans.cancel(),
    'report:save': async (request) => {
      const format = request?.format;
      if (!FORMATS.includes(format)) throw new UserFacingError('报告格式只能是 xlsx、html 或 json');
      if (current === null) throw new UserFacingError('还没有审查结果可以保存');
      const name = `${path.basename(current.root)}自查报告.${format}`;
      const target = await deps.pickSaveTarget(format, name);
      if (target === null) return null;
      await saveReportFile(current.report, format, target, current.root);
      lastSaved = target;
      return target;
    },
    'report:open': async (request) => {
      // Only the file this window saved last: the renderer names no path here.
      if (lastSaved === null) throw new UserFacingError('还没有保存报告');
      await deps.openPath(lastSaved, request?.reveal === true);
      return true;
    },
    'history:list': async () => deps.history.list(),
    'ledger:update': async (request) => {
      if (current === null) throw new UserFacingError('还没有审查结果');
      return deps.ledger.update(current.root, current.report, requireString(request?.key, '问题编号'), request?.rectification);
    },
    'ledger:import': async () => {
      if (current === null) throw new UserFacingError('请先审查或打开一次审查结果，再导入填好的整改台账');
      const file = await deps.pickLedgerFile();
      if (file === null) return null;
      const filled = await readPreviousReport(file);
      current = { ...current, report: await deps.ledger.apply(current.root, current.report, filled) };
      return current.report;
    },
    'rules:names': async () => ({
      ...Object.fromEntries(Object.values(rules).map((r) => [r.meta.id, r.meta.name])),
      // Checks written as data (rules/data/export-person-checks.yaml) are named where they are loaded.
      ...Object.fromEntries((await loadRuleData()).extraRules.map((r) => [r.meta.id, r.meta.name])),
    }),
    'archive:inspect': async (request) => {
      const root = requireString(request?.root, '档案文件夹');
      if (granted.rootOf(root) === null) throw new UserFacingError('只能查看通过“选择文件夹”选定的档案文件夹');
      return { exports: await findSystemExports(root, deps.cacheDir) };
    },
    'system:pick': async () => {
      const files = await deps.pickSystemFiles();
      for (const f of files ?? []) chosenFiles.add(path.resolve(f));
      return files;
    },
    'checklist:pick': async () => {
      const file = await deps.pickChecklistFile();
      if (file === null) return null;
      const preview = await previewChecklist(file);
      chosenFiles.add(path.resolve(file));
      return { path: file, preview };
    },
    'checklist:default': async () => previewChecklist(),
    'settings:get': async () => deps.settings.view(),
    'settings:save': async (request) => {
      if (typeof request?.countyYaml !== 'string') throw new UserFacingError('设置内容无效');
      return deps.settings.save(request.countyYaml);
    },
    'history:open': async (request) => {
      const snapshot = await deps.history.open(requireString(request?.id, '历史记录编号'));
      const root = path.resolve(snapshot.root);
      granted.grant(root);
      // That scan's findings with the clerk's fields as they stand now (filled or imported since).
      const report = await deps.ledger.overlay(root, snapshot);
      current = { report, root };
      return report;
    },
    'file:open': async (request) => {
      if (current === null) return false;
      const relative = requireString(request?.path, '文件路径');
      const target = path.resolve(current.root, relative);
      // Only paths inside the chosen archive; a path inside a zip opens the zip itself.
      if (granted.rootOf(target) === null || !target.startsWith(current.root)) throw new UserFacingError('只能打开所审查档案文件夹中的文件');
      const zipAt = relative.toLowerCase().indexOf('.zip/');
      await deps.openPath(zipAt >= 0 ? path.resolve(current.root, relative.slice(0, zipAt + 4)) : target, request.reveal === true);
      return true;
    },
  };
}
