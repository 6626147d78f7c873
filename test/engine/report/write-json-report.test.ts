import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePreviousReport, PreviousReportError, readPreviousReport } from '../../../main/engine/report/read-previous-report.js';
import { writeJsonReport } from '../../../main/engine/report/write-json-report.js';
import { sampleReport } from './sample-report.js';

describe('writeJsonReport', () => {
  it('writes the contract fields in the contract order, 2-space indented, ending in a newline', () => {
    const report = sampleReport();
    // Assemble the engine's object in a scrambled order: the file must not depend on it.
    const scrambled = Object.fromEntries(Object.entries(report).reverse()) as unknown as typeof report;
    const text = writeJsonReport(scrambled);
    const parsed = JSON.parse(text);
    const topKeys = Object.keys(parsed);
    const contractOrder = ['schema', 'root', 'asOf', 'generatedAt', 'stats', 'villages', 'findings', 'resolved'];
    expect(topKeys.filter((k) => contractOrder.includes(k))).toEqual(contractOrder);
    expect(topKeys).toContain('checklist');
    expect(topKeys).toContain('notices');
    expect(parsed.schema).toBe('dossier-check/report@1');
    expect(Object.keys(parsed.stats)).toEqual(['villages', 'households', 'files', 'unreadable', 'seconds']);
    expect(Object.keys(parsed.findings[0])).toEqual(['key', 'rule', 'severity', 'village', 'household', 'path', 'message', 'details']);
    expect(Object.keys(parsed.villages[0]).slice(0, 3)).toEqual(['name', 'households', 'completeness']);
    expect(text.startsWith('{\n  "schema": "dossier-check/report@1",\n  "root": "/data/城关镇"')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('keeps null village and household as null and includes status when known', () => {
    const report = sampleReport();
    report.findings[0] = { ...report.findings[0], status: 'open' };
    const parsed = JSON.parse(writeJsonReport(report));
    const township = parsed.findings.find((f: { rule: string }) => f.rule === 'unreadable-file');
    expect(township.village).toBeNull();
    expect(township.household).toBeNull();
    expect(parsed.findings[0].status).toBe('open');
    expect(Object.keys(parsed.findings[0]).at(-1)).toBe('status');
  });
});

describe('readPreviousReport', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'dossier-prev-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads back what writeJsonReport wrote', async () => {
    const file = path.join(dir, 'report.json');
    await writeFile(file, writeJsonReport(sampleReport()));
    const back = await readPreviousReport(file);
    expect(back.findings).toEqual(sampleReport().findings);
    expect(back.asOf).toBe('2023-09-30');
  });

  it('rejects a missing file, non-JSON and a JSON of another schema with Chinese messages', async () => {
    await expect(readPreviousReport(path.join(dir, 'nope.json'))).rejects.toThrow(/无法打开上次的报告.*文件不存在/);
    const bad = path.join(dir, 'bad.json');
    await writeFile(bad, '{ not json');
    await expect(readPreviousReport(bad)).rejects.toThrow(/不是有效的 JSON 报告/);
    expect(() => parsePreviousReport(JSON.stringify({ schema: 'eslint@8', findings: [] }), 'x.json')).toThrow(
      /不是本工具生成的 JSON 报告（其格式标识为 eslint@8）/,
    );
    expect(() => parsePreviousReport(JSON.stringify({ schema: 'dossier-check/report@1', findings: [{ key: 1 }] }), 'x.json')).toThrow(
      PreviousReportError,
    );
  });

  it('accepts a report saved with a byte-order mark (as Windows Notepad does)', () => {
    const back = parsePreviousReport('\uFEFF' + writeJsonReport(sampleReport()), 'bom.json');
    expect(back.findings).toHaveLength(5);
  });
});
