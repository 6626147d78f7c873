// The app's scans run in a process of their own (main/ipc/scan-child.ts): the same report as in-process, progress
// relayed, the main process's event loop free throughout, and 取消 ends the scan and its process.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runScan } from '../../main/engine/run-scan.js';
import type { ProgressEvent } from '../../main/engine/types.js';
import { forkScanChild, runScanInChild, type ScanChild } from '../../main/ipc/scan-process.js';
import { UserFacingError } from '../../main/engine/user-facing-error.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const archive = path.join(repo, 'fixtures/sample-township');

/** A forked scan process whose exit the test can wait for. */
function trackedChild(): { spawn: () => ScanChild; exited: () => Promise<number | null> } {
  const fork = forkScanChild();
  let exited: Promise<number | null> = Promise.resolve(null);
  return {
    spawn: () => {
      const child = fork();
      exited = new Promise((resolve) => child.onExit(resolve));
      return child;
    },
    exited: () => exited,
  };
}

describe('scans in their own process', () => {
  it('gives the report an in-process scan gives, relays progress, and leaves the event loop free', async () => {
    const events: ProgressEvent[] = [];
    // Ticks of this process's event loop while the child scans: a busy main process would starve them.
    let ticks = 0;
    let longestGap = 0;
    let last = Date.now();
    const timer = setInterval(() => {
      ticks++;
      longestGap = Math.max(longestGap, Date.now() - last);
      last = Date.now();
    }, 20);
    const report = await runScanInChild(forkScanChild())({ root: archive, asOf: '2023-09-30', cacheDir: null, ocr: 'off', onProgress: (e) => events.push(e) });
    clearInterval(timer);
    const here = await runScan({ root: archive, asOf: '2023-09-30', cacheDir: null, ocr: 'off' });
    expect(report.findings.map((f) => f.key).sort()).toEqual(here.findings.map((f) => f.key).sort());
    expect(events.some((e) => e.type === 'files')).toBe(true);
    expect(events.some((e) => e.type === 'stage' && e.stage === 'evaluate')).toBe(true);
    expect(ticks).toBeGreaterThan(10);
    // Generous: the machine is shared with the test runner; an in-process rule stage would hold the loop far longer.
    expect(longestGap).toBeLessThan(1500);
  });

  it('a township-sized report (18 villages, ~350 kB) arrives whole: the child waits to be ended after its last message', async () => {
    // The child used to exit as soon as its scan settled, while the report was still in the channel: the parent saw
    // "审查进程意外退出（代码 0）" on every archive with a report of a few hundred kB.
    const big = await mkdtemp(path.join(os.tmpdir(), 'dossier-big-'));
    try {
      for (let copy = 1; copy <= 6; copy++) {
        for (const village of ['01 红星村', '02青山村', '03 石门村']) await cp(path.join(archive, village), path.join(big, `${copy}${village}`), { recursive: true });
      }
      await cp(path.join(archive, '系统导出'), path.join(big, '系统导出'), { recursive: true });
      const child = trackedChild();
      const report = await runScanInChild(child.spawn)({ root: big, asOf: '2023-09-30', cacheDir: null, ocr: 'off' });
      expect(JSON.stringify(report).length).toBeGreaterThan(250_000);
      expect(report.findings.length).toBeGreaterThan(250);
      // And the process it ran in is gone.
      await child.exited();
    } finally {
      await rm(big, { recursive: true, force: true });
    }
  }, 120_000);

  it('取消 stops the scan and its process', async () => {
    const controller = new AbortController();
    const child = trackedChild();
    const scan = runScanInChild(child.spawn)({
      root: archive,
      asOf: '2023-09-30',
      cacheDir: null,
      ocr: 'off',
      signal: controller.signal,
      onProgress: (e) => {
        if (e.type === 'files') controller.abort();
      },
    });
    await expect(scan).rejects.toThrow('已取消审查');
    await child.exited();
  });

  it('a bad folder is the engine’s Chinese message, as the clerk should read it', async () => {
    const scan = runScanInChild(forkScanChild())({ root: path.join(repo, '不存在的文件夹'), asOf: '2023-09-30', cacheDir: null });
    await expect(scan).rejects.toBeInstanceOf(UserFacingError);
    await expect(runScanInChild(forkScanChild())({ root: path.join(repo, '不存在的文件夹'), asOf: '2023-09-30', cacheDir: null })).rejects.toThrow('找不到要审查的档案文件夹');
  });
});
