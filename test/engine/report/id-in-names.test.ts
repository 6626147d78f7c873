// An ID number written into a folder or file name (`0002_李四（110101199003078515）`) must not travel with any
// report: not in the JSON's path or key, not in the ledger's cells, not in the web page.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeHtmlReport } from '../../../main/engine/report/write-html-report.js';
import { writeJsonReport } from '../../../main/engine/report/write-json-report.js';
import { buildXlsxReport } from '../../../main/engine/report/write-xlsx-report.js';
import { runScan } from '../../../main/engine/run-scan.js';
import type { ScanReport } from '../../../main/engine/types.js';

const ID = '110101199003078515';
let dir: string;
let report: ScanReport;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dc-id-names-'));
  const household = path.join(dir, '红星村', '户档', `0002_李四（${ID}）`);
  await mkdir(household, { recursive: true });
  await writeFile(path.join(household, `户主申请书_${ID}.txt`), '申请书\n本人李四，申请纳入监测。\n2023年3月1日\n');
  await writeFile(path.join(household, `身份证_${ID}.docx`), 'not a docx at all');
  report = await runScan({ root: dir, asOf: '2023-09-30', cacheDir: null });
});

afterAll(() => rm(dir, { recursive: true, force: true }));

describe('an ID number in folder and file names', () => {
  it('is masked in every finding field, the key included, keeping first 6 and last 4', () => {
    expect(report.findings.length).toBeGreaterThan(1);
    expect(report.findings.some((f) => f.path?.includes('110101********8515'))).toBe(true);
    expect(report.findings.some((f) => f.key.includes('110101********8515'))).toBe(true);
  });

  it('appears in no output format', async () => {
    const json = writeJsonReport(report);
    const html = writeHtmlReport(report);
    const xlsx = unzipSync(new Uint8Array(await buildXlsxReport(report).xlsx.writeBuffer()));
    const xlsxText = Object.values(xlsx).map((bytes) => strFromU8(bytes)).join('\n');
    for (const [format, text] of [['json', json], ['html', html], ['xlsx', xlsxText]] as const) {
      expect(text.includes(ID), `${format} carries the full ID`).toBe(false);
      expect(text.includes('110101********8515'), `${format} shows the masked ID`).toBe(true);
    }
  });

  it('keeps keys stable: a second scan gives the same keys', async () => {
    const again = await runScan({ root: dir, asOf: '2023-09-30', cacheDir: null });
    expect(again.findings.map((f) => f.key)).toEqual(report.findings.map((f) => f.key));
  });
});
