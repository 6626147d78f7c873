// A county folder with two township archives, each with its villages and its own export: each township is scanned
// against its own export. Both townships here are copies of the sample township (same village names, same
// households), the case that used to merge villages and double households: each must give exactly what the
// sample gives alone, under its township.
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScan } from '../../../main/engine/run-scan.js';
import { readTownshipName } from '../../../main/engine/discover/townships.js';
import type { ScanReport } from '../../../main/engine/types.js';

const sample = fileURLToPath(new URL('../../../fixtures/sample-township', import.meta.url));
const options = { asOf: '2023-09-30', cacheDir: null, ocr: 'off' as const };
let dir: string;
let alone: ScanReport;
let county: ScanReport;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dc-county-'));
  await cp(sample, path.join(dir, '县', '01 东山镇'), { recursive: true });
  await cp(sample, path.join(dir, '县', '02 西山镇档案'), { recursive: true });
  [alone, county] = await Promise.all([runScan({ root: sample, ...options }), runScan({ root: path.join(dir, '县'), ...options })]);
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('a folder holding several townships', () => {
  it('names townships as clerks name their folders', () => {
    expect(['01 东山镇', '西山镇档案', '城关街道', '某某乡资料', '红星村', '镇', '乡镇档案汇总'].map(readTownshipName)).toEqual([
      '东山镇', '西山镇', '城关街道', '某某乡', null, null, null,
    ]);
  });

  it('scans each township against its own export: each gives what it gives alone, under its name', () => {
    const expected = ['东山镇', '西山镇'].flatMap((t) => alone.findings.map((f) => `${t}|${f.key}`)).sort();
    expect(county.findings.map((f) => f.key).sort()).toEqual(expected);
    expect(new Set(county.findings.map((f) => f.township))).toEqual(new Set(['东山镇', '西山镇']));
    // No household reported unlisted against the other township's export, none doubled.
    const count = (r: ScanReport, rule: string) => r.findings.filter((f) => f.rule === rule).length;
    expect(count(county, 'unlisted-household')).toBe(2 * count(alone, 'unlisted-household'));
    expect(county.stats.households).toBe(2 * alone.stats.households);
    expect(county.villages.map((v) => v.name)).toEqual([...alone.villages.map((v) => `东山镇/${v.name}`), ...alone.villages.map((v) => `西山镇/${v.name}`)]);
    // Paths are the county folder's, so 打开文件 finds the file.
    const withPath = county.findings.find((f) => f.township === '西山镇' && f.path !== null)!;
    expect(withPath.path!.startsWith('02 西山镇档案/')).toBe(true);
    expect(county.notices[0]).toBe('所选文件夹里有 2 个乡镇的档案（东山镇、西山镇），已各自按本乡镇的导出表分别审查，结果合在这一份报告里');
  });

  it('refuses a folder where villages cannot be told to a township, saying what to do', async () => {
    const mixed = path.join(dir, '混合');
    await cp(path.join(dir, '县'), mixed, { recursive: true });
    await mkdir(path.join(mixed, '05 红旗村'));
    await cp(path.join(sample, '01 红星村'), path.join(mixed, '05 红旗村'), { recursive: true });
    await expect(runScan({ root: mixed, ...options })).rejects.toThrow(
      '所选文件夹里既有乡镇文件夹（01 东山镇、02 西山镇档案），又有不属于任何乡镇的村文件夹（05 红旗村），无法分清各村属于哪个乡镇。请把这些村放进所属乡镇的文件夹，或分别审查每个乡镇的文件夹',
    );
  });
});
