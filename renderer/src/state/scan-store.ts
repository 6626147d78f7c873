// The app's one store: the chosen archive, the running scan and its progress, the report on screen, history.
import { defineStore } from 'pinia';
import { markRaw } from 'vue';
import { api } from '../../api.js';
import type { ChecklistPreview, HistoryEntry } from '../../../main/ipc/contract.js';
import type { ProgressEvent, ScanFormat, ScanReport } from '../../../main/engine/types.js';
import type { Finding, Rectification } from '../../../rules/api.js';
import { S } from '../strings.js';

export type View = 'start' | 'scanning' | 'overview' | 'findings' | 'doubts' | 'household' | 'export' | 'history' | 'settings';

export interface Progress {
  stage: string;
  done: number;
  total: number;
  rate: number;
  eta: number | null;
  village: string | null;
  ocr: { queued: number; done: number; pages: number } | null;
}

/**
 * A report is replaced, never edited in place: kept out of Vue's deep reactivity, so 50,000 findings are not each
 * wrapped in a proxy (that alone took seconds); views recompute when the report object itself changes.
 */
function raw(report: ScanReport): ScanReport {
  return markRaw(report);
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export const useScanStore = defineStore('scan', {
  state: () => ({
    view: 'start' as View,
    root: null as string | null,
    asOf: today(),
    ocr: 'auto' as 'off' | 'auto' | 'all',
    progress: { stage: 'discover', done: 0, total: 0, rate: 0, eta: null, village: null, ocr: null } as Progress,
    report: null as ScanReport | null,
    error: null as string | null,
    savedPath: null as string | null,
    /** Why the last 导出 failed (e.g. a place inside the archive), in the engine's words. */
    exportError: null as string | null,
    /** The outcome of the last 导入填好的台账, shown above the problem list. */
    ledgerImport: null as { ok: boolean; text: string } | null,
    history: [] as HistoryEntry[],
    /** Set from the overview's chart: the findings screen opens filtered to it. */
    villageFilter: null as string | null,
    ruleNames: {} as Record<string, string>,
    /** The export(s) found in the chosen folder, and those the clerk picked instead (null: use the found ones). */
    foundExports: [] as string[],
    inspecting: false,
    systemPaths: null as string[] | null,
    /** The checklist in use: the default, or a county's file with its preview. */
    checklist: null as { path: string | null; preview: ChecklistPreview } | null,
  }),
  actions: {
    async pick(): Promise<void> {
      const folder = await api['archive:pick']();
      if (folder !== null) await this.useFolder(folder);
    },
    /** A folder dragged onto 开始: main checks it is one before the scan may read it. */
    async drop(file: File): Promise<void> {
      this.error = null;
      try {
        await this.useFolder(await api['archive:drop']({ path: api.pathOfDropped(file) }));
      } catch (error) {
        this.error = (error as Error).message;
      }
    },
    async useFolder(folder: string): Promise<void> {
      this.root = folder;
      this.systemPaths = null;
      this.foundExports = [];
      this.inspecting = true;
      try {
        this.foundExports = (await api['archive:inspect']({ root: folder })).exports;
      } finally {
        this.inspecting = false;
      }
    },
    async pickSystem(): Promise<void> {
      const files = await api['system:pick']();
      if (files !== null && files.length > 0) this.systemPaths = files;
    },
    async loadDefaultChecklist(): Promise<void> {
      if (this.checklist === null) this.checklist = { path: null, preview: await api['checklist:default']() };
    },
    async pickChecklist(): Promise<boolean> {
      try {
        const picked = await api['checklist:pick']();
        if (picked === null) return false;
        this.checklist = picked;
        this.error = null;
        return true;
      } catch (error) {
        this.error = (error as Error).message.replace(/^Error invoking remote method '[^']+': (Error: )?/, '');
        return false;
      }
    },
    async start(): Promise<void> {
      if (this.root === null) return;
      this.error = null;
      this.progress = { stage: 'discover', done: 0, total: 0, rate: 0, eta: null, village: null, ocr: null };
      this.view = 'scanning';
      const off = api.onScanProgress((event) => this.onProgress(event));
      try {
        this.report = raw(await api['scan:start']({
          root: this.root,
          asOf: this.asOf,
          ocr: this.ocr,
          ...(this.systemPaths ? { systemPaths: this.systemPaths } : {}),
          ...(this.checklist?.path ? { checklistPath: this.checklist.path } : {}),
        }));
        this.view = 'overview';
        await this.loadHistory();
      } catch (error) {
        this.error = (error as Error).message.replace(/^Error invoking remote method '[^']+': (Error: )?/, '');
        this.view = 'start';
      } finally {
        off();
      }
    },
    onProgress(event: ProgressEvent): void {
      if (event.type === 'stage') this.progress.stage = event.stage;
      else if (event.type === 'files') {
        Object.assign(this.progress, { done: event.done, total: event.total, rate: event.rate, eta: event.etaSeconds, village: event.village });
      } else if (event.type === 'ocr') {
        this.progress.ocr = { queued: event.queued, done: event.done, pages: event.pages };
      }
    },
    async cancel(): Promise<void> {
      await api['scan:cancel']();
    },
    async save(format: ScanFormat): Promise<void> {
      this.exportError = null;
      try {
        const saved = await api['report:save']({ format });
        if (saved !== null) this.savedPath = saved;
      } catch (error) {
        this.exportError = (error as Error).message;
      }
    },
    /** Opens the report just saved with its program (reveal: shows it in its folder instead). */
    async openSaved(reveal: boolean): Promise<void> {
      try {
        await api['report:open']({ reveal });
      } catch (error) {
        this.exportError = (error as Error).message;
      }
    },
    async loadRuleNames(): Promise<void> {
      this.ruleNames = await api['rules:names']();
    },
    ruleName(id: string): string {
      return this.ruleNames[id] ?? id;
    },
    async loadHistory(): Promise<void> {
      this.history = await api['history:list']();
    },
    async openHistory(id: string): Promise<void> {
      this.report = raw(await api['history:open']({ id }));
      this.root = this.report.root;
      this.view = 'overview';
    },
    async updateRectification(key: string, rectification: Rectification): Promise<Finding> {
      const updated = await api['ledger:update']({ key, rectification });
      // A new report object, so every view built on it (indexes, counts, per-village progress) is rebuilt.
      this.report = raw({ ...this.report!, findings: this.report!.findings.map((f) => (f.key === key ? updated : f)) });
      return updated;
    },
    /** Merges a filled .xlsx (or JSON) ledger by 问题编号; says how many findings it filled in, or why it could not. */
    async importLedger(): Promise<void> {
      this.ledgerImport = null;
      try {
        const report = await api['ledger:import']();
        if (report === null) return;
        const filled = (f: Finding): boolean => f.rectification !== undefined;
        const before = new Set(this.report!.findings.filter(filled).map((f) => JSON.stringify([f.key, f.rectification])));
        const changed = report.findings.filter((f) => filled(f) && !before.has(JSON.stringify([f.key, f.rectification]))).length;
        this.report = raw(report);
        this.ledgerImport = { ok: true, text: S.ledger.imported(changed, report.resolved.length) };
      } catch (error) {
        this.ledgerImport = { ok: false, text: S.ledger.importFailed + (error as Error).message };
      }
    },
    showVillage(name: string | null): void {
      this.villageFilter = name;
      this.view = 'findings';
    },
  },
});
