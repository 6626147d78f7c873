import type { ProgressEvent, ScanOptions, ScanReport } from '../engine/types.js';
import type { ScanRequest } from './contract.js';

export type RunScan = (options: ScanOptions) => Promise<ScanReport>;

/**
 * The app's scan handling without Electron: one scan at a time, cancellable, progress forwarded.
 * The engine never writes inside the archive; the cache goes to the app-data folder.
 */
export class ScanService {
  private running: AbortController | null = null;

  constructor(
    private readonly runScan: RunScan,
    private readonly cacheDir: string | null,
  ) {}

  get isRunning(): boolean {
    return this.running !== null;
  }

  async start(request: ScanRequest, onProgress: (event: ProgressEvent) => void, configPaths: string[] = []): Promise<ScanReport> {
    if (this.running) throw new Error('已有一次审查正在进行，请等它完成或先取消');
    if (!request.root) throw new Error('请先选择要审查的档案文件夹');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(request.asOf)) throw new Error(`审查日期应为 YYYY-MM-DD，收到的是“${request.asOf}”`);
    const controller = new AbortController();
    this.running = controller;
    try {
      return await this.runScan({
        root: request.root,
        asOf: request.asOf,
        ...(request.checklistPath ? { checklistPath: request.checklistPath } : {}),
        ...(request.systemPaths ? { systemPaths: request.systemPaths } : {}),
        ...(request.ocr ? { ocr: request.ocr } : {}),
        ...(configPaths.length > 0 ? { configPaths } : {}),
        cacheDir: this.cacheDir,
        signal: controller.signal,
        onProgress,
      });
    } finally {
      this.running = null;
    }
  }

  cancel(): boolean {
    if (!this.running) return false;
    this.running.abort();
    return true;
  }
}
