import { cp, mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isExportSkip } from '../../rules/lib/export/categories.js';
import { describe, expect, it } from 'vitest';
import { runScan, ScanInputError } from '../../main/engine/run-scan.js';
import type { ProgressEvent } from '../../main/engine/types.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const sample = path.join(repo, 'fixtures/sample-township');

describe('runScan', () => {
  it('reports progress stage by stage, with file counts, rate and the current village', async () => {
    const events: ProgressEvent[] = [];
    const report = await runScan({ root: sample, asOf: '2023-09-30', cacheDir: null, onProgress: (e) => events.push(e) });
    const stages = events.filter((e) => e.type === 'stage').map((e) => (e as { stage: string }).stage);
    expect(stages).toEqual(['discover', 'extract', 'read-system-export', 'identify', 'evaluate', 'report']);
    const files = events.filter((e): e is Extract<ProgressEvent, { type: 'files' }> => e.type === 'files');
    // Every file is read once, the system export included; the report counts archive documents only.
    expect(files.at(-1)).toMatchObject({ done: report.stats.files + 1, total: report.stats.files + 1 });
    expect(files.some((e) => e.village === '红星村')).toBe(true);
    expect(files.every((e) => e.rate >= 0)).toBe(true);
  });

  it('says so when the folder holds no village or household, and when no system export was found', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'dc-empty-'));
    await mkdir(path.join(dir, '照片'));
    const report = await runScan({ root: dir, asOf: '2023-09-30', cacheDir: null });
    expect(report.findings).toEqual([]);
    expect(report.notices).toHaveLength(2);
    expect(report.notices[0]).toMatch(/没有找到村或户的文件夹/);
    expect(report.notices[1]).toMatch(/没有找到监测系统导出表/);
    await rm(dir, { recursive: true, force: true });
  });

  it('takes the system export from outside the archive with --system', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'dc-system-'));
    const archive = path.join(dir, '某某镇');
    await cp(sample, archive, { recursive: true });
    const exportName = '（自定义）监测对象信息.xlsx';
    await cp(path.join(archive, '系统导出', exportName), path.join(dir, exportName));
    await rm(path.join(archive, '系统导出'), { recursive: true });
    const without = await runScan({ root: archive, asOf: '2023-09-30', cacheDir: null });
    expect(without.findings.some((f) => f.rule === 'missing-household')).toBe(false);
    const withSystem = await runScan({ root: archive, asOf: '2023-09-30', cacheDir: null, systemPaths: [path.join(dir, exportName)] });
    expect(withSystem.findings.filter((f) => f.rule === 'missing-household').map((f) => f.household)).toEqual(['郑十']);
    // Only the export checks that the sample's basic export cannot feed are noticed.
    expect(withSystem.notices.filter((n) => !isExportSkip(n))).toEqual([]);
    await rm(dir, { recursive: true, force: true });
  });

  it('says which checks a thin county checklist leaves with nothing to run on', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'dc-thin-checklist-'));
    const checklistPath = path.join(dir, '某县资料目录.yaml');
    await writeFile(checklistPath, 'name: 某县资料目录\nitems:\n  - name: 家庭基本情况表\n    level: household\n');
    const report = await runScan({ root: sample, asOf: '2023-09-30', checklistPath, cacheDir: null, ocr: 'off' });
    expect(report.notices.filter((n) => n.startsWith('所用的检查清单'))).toEqual([
      '所用的检查清单（某县资料目录）使以下检查无从进行——程序不完整（incomplete-procedure）：清单中没有识别纳入、风险消除程序及其步骤',
      '所用的检查清单（某县资料目录）使以下检查无从进行——台账未更新（stale-ledger）：清单中没有写明更新期限的台账',
      '所用的检查清单（某县资料目录）使以下检查无从进行——按年度的资料（如收入测算表）：清单中没有按年度的资料项，只查有没有，不查每年是否都有',
    ]);
    expect(report.findings.some((f) => f.rule === 'incomplete-procedure' || f.rule === 'stale-ledger')).toBe(false);
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses a root that is missing or a file, and stops when aborted', async () => {
    await expect(runScan({ root: path.join(tmpdir(), 'no-such-archive-dc'), asOf: '2023-09-30' })).rejects.toBeInstanceOf(ScanInputError);
    await expect(runScan({ root: path.join(repo, 'package.json'), asOf: '2023-09-30' })).rejects.toThrow(/应是一个文件夹/);
    const controller = new AbortController();
    const scan = runScan({
      root: sample,
      asOf: '2023-09-30',
      cacheDir: null,
      signal: controller.signal,
      onProgress: (e) => {
        if (e.type === 'files' && e.done >= 5) controller.abort();
      },
    });
    await expect(scan).rejects.toThrow(/abort/i);
  });
});
