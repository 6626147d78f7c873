import { describe, expect, it } from 'vitest';
import type { ScanOptions, ScanReport } from '../../main/engine/types.js';
import { ScanService } from '../../main/ipc/scan-service.js';

const report = { schema: 'dossier-check/report@1' } as ScanReport;

describe('ScanService (the app main process logic, without Electron)', () => {
  it('runs one scan at a time with the app cache, forwards progress and can be cancelled', async () => {
    let seen: ScanOptions | undefined;
    const service = new ScanService(
      (options) =>
        new Promise((resolve, reject) => {
          seen = options;
          options.onProgress?.({ type: 'stage', stage: 'discover' });
          options.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
      '/cache/dossier-check',
    );
    const events: unknown[] = [];
    const first = service.start({ root: '/archive', asOf: '2023-09-30' }, (e) => events.push(e));
    expect(service.isRunning).toBe(true);
    await expect(service.start({ root: '/archive', asOf: '2023-09-30' }, () => {})).rejects.toThrow('已有一次审查正在进行');
    expect(seen).toMatchObject({ root: '/archive', asOf: '2023-09-30', cacheDir: '/cache/dossier-check' });
    expect(events).toEqual([{ type: 'stage', stage: 'discover' }]);
    expect(service.cancel()).toBe(true);
    await expect(first).rejects.toThrow('aborted');
    expect(service.isRunning).toBe(false);
    expect(service.cancel()).toBe(false);
  });

  it('refuses a request without an archive or with a bad date, in Chinese', async () => {
    const service = new ScanService(async () => report, null);
    await expect(service.start({ root: '', asOf: '2023-09-30' }, () => {})).rejects.toThrow('请先选择要审查的档案文件夹');
    await expect(service.start({ root: '/a', asOf: '2023/9/30' }, () => {})).rejects.toThrow('审查日期应为 YYYY-MM-DD');
    await expect(service.start({ root: '/a', asOf: '2023-09-30' }, () => {})).resolves.toBe(report);
  });
});
