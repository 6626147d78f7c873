// The one map of IPC channels shared by main, preload and renderer (as GitHub Desktop's ipc-shared.ts).
// `DossierApi` is derived from it: preload exposes one method per channel, and there is no generic send.
import type { ProgressEvent, ScanFormat, ScanReport } from '../engine/types.js';
import type { OcrMode } from '../engine/extract/ocr-plan.js';
import type { Finding, Rectification } from '../../rules/api.js';
import type { ChecklistPreview } from '../engine/inspect-archive.js';

export interface ScanRequest {
  root: string;
  asOf: string;
  checklistPath?: string;
  systemPaths?: string[];
  /** Reading scans by OCR; default auto. */
  ocr?: OcrMode;
}

/** One earlier scan of an archive, as the 历史 screen lists it. */
export interface HistoryEntry {
  id: string;
  root: string;
  asOf: string;
  generatedAt: string;
  findings: number;
  errors: number;
  households: number;
}

/** What the 开始 screen shows of a chosen folder before the scan. */
export interface ArchiveInspection {
  /** Export files found in the folder (relative paths); the scan reads these unless the clerk picks others. */
  exports: string[];
}

export type { ChecklistPreview } from '../engine/inspect-archive.js';

/** The 设置 screen: the county's configuration as written, and what the scans will use with it. */
export interface SettingsView {
  /** The county file (the YAML `--config` reads); '' when the county changed nothing. */
  countyYaml: string;
  /** Where it is kept (the app-data folder). */
  file: string;
  monitoringLines: Array<{ year: number; line: number; note?: string }>;
  thresholds: Record<string, number>;
  /** A few export-check parameters clerks ask about, as they stand. */
  exportParams: Record<string, unknown>;
  /** Export checks written as data, with the county's additions. */
  personChecks: Array<{ id: string; name: string }>;
}

/** Request/response channels (ipcRenderer.invoke ↔ ipcMain.handle). */
export interface InvokeChannels {
  'archive:pick': { request: void; response: string | null };
  /**
   * A folder dragged onto the window (its path read by preload from the dropped item): like one chosen through the
   * dialog once it is an existing folder. Returns its full path.
   */
  'archive:drop': { request: { path: string }; response: string };
  'scan:start': { request: ScanRequest; response: ScanReport };
  'scan:cancel': { request: void; response: boolean };
  /** Saves the report the main process holds (the renderer never sends a report back); null when cancelled. */
  'report:save': { request: { format: ScanFormat }; response: string | null };
  /** Opens the report just saved (only that file) with its program, or shows it in its folder. */
  'report:open': { request: { reveal: boolean }; response: boolean };
  'history:list': { request: void; response: HistoryEntry[] };
  'history:open': { request: { id: string }; response: ScanReport };
  /** The clerk's 整改 fields for one finding, kept per archive in app data; returns the finding as it now stands. */
  'ledger:update': { request: { key: string; rectification: Rectification }; response: Finding };
  /** Merges a filled .xlsx ledger (chosen through the dialog) into the report on screen by key. */
  'ledger:import': { request: void; response: ScanReport | null };
  /** Each rule's Chinese name by id, as the rules declare them. */
  'rules:names': { request: void; response: Record<string, string> };
  /** Opens a file of the chosen archive with its program, or shows it in its folder. */
  'file:open': { request: { path: string; reveal: boolean }; response: boolean };
  /** The system export(s) the scan would find in a chosen folder. */
  'archive:inspect': { request: { root: string }; response: ArchiveInspection };
  /** Export files chosen through the dialog instead of those found; null when cancelled. */
  'system:pick': { request: void; response: string[] | null };
  /** A county checklist (.xlsx in the template, or YAML) chosen through the dialog, with its preview; null when cancelled. */
  'checklist:pick': { request: void; response: { path: string; preview: ChecklistPreview } | null };
  /** The preview of the default checklist. */
  'checklist:default': { request: void; response: ChecklistPreview };
  /** The county's settings and the values in force with them. */
  'settings:get': { request: void; response: SettingsView };
  /** Saves the county's settings after loading them as `--config` would; a bad key or value is the CLI's Chinese error. */
  'settings:save': { request: { countyYaml: string }; response: SettingsView };
}

/** Main → renderer events. */
export interface EventChannels {
  'scan:progress': ProgressEvent;
}

export type InvokeChannel = keyof InvokeChannels;

/** Every invoke channel at run time; the type below fails to compile when one is missing. */
export const INVOKE_CHANNELS = ['archive:pick', 'archive:drop', 'scan:start', 'scan:cancel', 'report:save', 'report:open', 'history:list', 'history:open', 'ledger:update', 'ledger:import', 'rules:names', 'file:open', 'settings:get', 'settings:save', 'archive:inspect', 'system:pick', 'checklist:pick', 'checklist:default'] as const;
type MissingChannel = Exclude<InvokeChannel, (typeof INVOKE_CHANNELS)[number]>;
export const allChannelsListed: MissingChannel extends never ? true : MissingChannel = true;

type Invoke<C extends InvokeChannel> = InvokeChannels[C]['request'] extends void
  ? () => Promise<InvokeChannels[C]['response']>
  : (request: InvokeChannels[C]['request']) => Promise<InvokeChannels[C]['response']>;

/** What preload puts on `window.api`: one method per invoke channel, plus the progress subscription. */
export type DossierApi = { [C in InvokeChannel]: Invoke<C> } & {
  onScanProgress(listener: (event: EventChannels['scan:progress']) => void): () => void;
  /** The path of a file or folder dropped on the window ('' when it has none); main decides what it may be. */
  pathOfDropped(file: File): string;
};
