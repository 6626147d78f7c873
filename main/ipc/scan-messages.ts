// What the app's main process and the scan's process say to each other (scan-child.ts, scan-process.ts).
import type { ProgressEvent, ScanOptions, ScanReport } from '../engine/types.js';

/** The scan options that cross a process boundary (no signal, no callback). */
export type ScanChildOptions = Omit<ScanOptions, 'signal' | 'onProgress' | 'previous'>;

export type ScanParentMessage = { type: 'start'; options: ScanChildOptions } | { type: 'cancel' };

export type ScanChildMessage =
  | { type: 'progress'; event: ProgressEvent }
  | { type: 'done'; report: ScanReport }
  | { type: 'error'; message: string; userFacing: boolean; aborted: boolean };
