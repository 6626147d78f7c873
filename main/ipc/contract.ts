// The one map of IPC channels shared by main, preload and renderer (as GitHub Desktop's ipc-shared.ts).
// Preload exposes one method per channel; there is no generic send(channel, …).
import type { OcrMode } from '../engine/extract/ocr-plan.js';
import type { ProgressEvent, ScanFormat, ScanReport } from '../engine/types.js';

export interface ScanRequest {
  root: string;
  asOf: string;
  checklistPath?: string;
  systemPaths?: string[];
  /** Reading scans by OCR (default auto). */
  ocr?: OcrMode;
}

/** Request/response channels (ipcRenderer.invoke ↔ ipcMain.handle). */
export interface InvokeChannels {
  'scan:start': { request: ScanRequest; response: ScanReport };
  'scan:cancel': { request: void; response: boolean };
  'dialog:pick-archive': { request: void; response: string | null };
  'report:save': { request: { report: ScanReport; format: ScanFormat }; response: string | null };
}

/** Main → renderer events. */
export interface EventChannels {
  'scan:progress': ProgressEvent;
}

export type InvokeChannel = keyof InvokeChannels;
export type EventChannel = keyof EventChannels;

/** What preload puts on `window.api`; renderer/api.ts is its only user. */
export interface DossierApi {
  startScan(request: ScanRequest): Promise<ScanReport>;
  cancelScan(): Promise<boolean>;
  pickArchive(): Promise<string | null>;
  saveReport(report: ScanReport, format: ScanFormat): Promise<string | null>;
  onScanProgress(listener: (event: ProgressEvent) => void): () => void;
}
