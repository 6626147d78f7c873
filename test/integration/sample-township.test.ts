// Scans the bundled sample township through the command line and holds the findings to what the
// fixture generator planted: every planted defect found, nothing else reported.
import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../rules/api.js';
import type { ScanReport } from '../../main/engine/types.js';

const run = promisify(execFile);
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const sample = path.join(repo, 'fixtures/sample-township');

interface Planted {
  rule: string;
  village: string | null;
  household: string | null;
  path: string | null;
  details: Record<string, unknown>;
  why: string;
}

async function hashTree(root: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(abs);
      else {
        const info = await stat(abs);
        out.set(path.relative(root, abs), `${createHash('sha256').update(await readFile(abs)).digest('hex')}:${info.mtimeMs}`);
      }
    }
  };
  await walk(root);
  return out;
}

/** A notice that an export check (or a part of one) did not run for want of a column or a county parameter. */
const isExportSkip = (n: string): boolean => /export\//.test(n) && /未执行|未查这些列/.test(n);

/** A finding answers a planted defect when rule, place and every planted detail agree. */
function answers(finding: Finding, planted: Planted): boolean {
  return (
    finding.rule === planted.rule &&
    finding.village === planted.village &&
    finding.household === planted.household &&
    finding.path === planted.path &&
    Object.entries(planted.details).every(([k, v]) => JSON.stringify(finding.details[k]) === JSON.stringify(v))
  );
}

let report: ScanReport;
let reportOcrOff: ScanReport;
let planted: Planted[];
let before: Map<string, string>;
let after: Map<string, string>;

beforeAll(async () => {
  planted = JSON.parse(await readFile(path.join(repo, 'fixtures/sample-township.planted.json'), 'utf8')).findings;
  const out = path.join(await mkdtemp(path.join(tmpdir(), 'dc-sample-')), 'r.json');
  const cacheDir = await mkdtemp(path.join(tmpdir(), 'dc-cache-'));
  before = await hashTree(sample);
  await run(
    process.execPath,
    ['--import', 'tsx', 'main/cli.ts', 'scan', sample, '--as-of', '2023-09-30', '--format', 'json', '--out', out, '--cache-dir', cacheDir, '--quiet'],
    { cwd: repo },
  );
  after = await hashTree(sample);
  report = JSON.parse(await readFile(out, 'utf8'));
  // The sample's images are named photos and steps (16×16 pixels, no text): OCR in the default auto
  // mode must not change a finding, and --ocr off is the scan as it was before OCR existed.
  const outOff = path.join(path.dirname(out), 'off.json');
  await run(
    process.execPath,
    ['--import', 'tsx', 'main/cli.ts', 'scan', sample, '--as-of', '2023-09-30', '--format', 'json', '--out', outOff, '--cache-dir', cacheDir, '--quiet', '--ocr', 'off'],
    { cwd: repo },
  );
  reportOcrOff = JSON.parse(await readFile(outOff, 'utf8'));
}, 240_000);

describe('the sample township', () => {
  it('reports every planted defect', () => {
    const unfound = planted.filter((p) => !report.findings.some((f) => answers(f, p)));
    expect(unfound.map((p) => `${p.rule} ${p.village}/${p.household ?? '-'} ${JSON.stringify(p.details)}`)).toEqual([]);
  });

  it('reports nothing that was not planted', () => {
    const extra = report.findings.filter((f) => !planted.some((p) => answers(f, p)));
    expect(extra.map((f) => `${f.key}: ${f.message}`)).toEqual([]);
    expect(report.findings).toHaveLength(planted.length);
  });

  it('gives every finding a stable key, a Chinese message and no unmasked ID number', () => {
    for (const f of report.findings) {
      expect(f.key.startsWith(`${f.rule}|${f.village ?? ''}|${f.household ?? ''}`)).toBe(true);
      expect(f.message).toMatch(/\p{Script=Han}/u);
      // 户编号 (householdId) is the system's household number, not a person's ID: it may stand in full.
      const { householdId: _householdNumber, ...details } = f.details;
      expect(JSON.stringify([f.message, f.path, details])).not.toMatch(/(?<!\d)\d{17}[\dXx](?!\d)/);
    }
    expect(new Set(report.findings.map((f) => f.key)).size).toBe(report.findings.length);
  });

  it('summarises the villages and households it found', () => {
    expect(report.schema).toBe('dossier-check/report@1');
    expect(report.asOf).toBe('2023-09-30');
    expect(report.villages.map((v) => v.name).sort()).toEqual(['石门村', '红星村', '青山村'].sort());
    expect(report.stats.households).toBe(report.villages.reduce((n, v) => n + v.households, 0));
    for (const v of report.villages) expect(v.completeness).toBeGreaterThan(0.9);
    // The sample's export is the system's basic roster: masked IDs, no 出生日期, no insurance or housing columns.
    // The export checks that need those say so in notices; nothing else is noticed.
    expect(report.notices.filter((n) => !isExportSkip(n))).toEqual([]);
    expect(report.notices.join('\n')).toContain('“出生日期（或未打码的证件号码）”');
  });

  it('finds exactly the same with --ocr off as in the default auto mode', () => {
    const view = (r: ScanReport) => r.findings.map((f) => [f.key, f.severity, f.message, f.details]);
    expect(view(reportOcrOff)).toEqual(view(report));
    expect(reportOcrOff.notices).toEqual(report.notices);
  });

  it('changes nothing inside the archive and adds nothing to it', () => {
    expect(after).toEqual(before);
  });
});
