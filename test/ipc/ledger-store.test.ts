// The app's 整改台账 per archive: a scan opened from 历史 shows the clerk's fields as they stand now, and editing it
// never drops what the clerk filled in for findings that scan did not have.
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../rules/api.js';
import { LedgerStore } from '../../main/ipc/ledger-store.js';
import { sampleReport } from '../engine/report/sample-report.js';

const f = (key: string, extra: Partial<Finding> = {}): Finding => ({
  key, rule: key.split('|')[0]!, severity: 'error', village: '红星村', household: '张三', path: '红星村/张三', message: key, details: {}, ...extra,
});

let dir: string;
const root = '/档案/青石镇';

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ledger-store-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('LedgerStore', () => {
  it('an older scan opened from 历史 gets the current fields by key, 逾期 and 无需整改 worked out on its date, and nothing is written', async () => {
    const store = new LedgerStore(dir);
    const latest = sampleReport({
      asOf: '2024-03-01',
      findings: [
        f('a|1', { rectification: { measure: '补表', owner: '王', deadline: '2024-01-31', state: '整改中' } }),
        f('b|1', { rectification: { state: '无需整改', note: '2019 年的历史文件' } }),
        f('c|1'),
      ],
      resolved: [f('gone|1', { rectification: { state: '已销号' } })],
    });
    await store.save(root, latest);
    const file = path.join(dir, (await readdir(dir))[0]!);
    const written = (await stat(file)).mtimeMs;

    const older = sampleReport({ asOf: '2024-01-15', findings: [f('a|1'), f('b|1'), f('d|1')], resolved: [] });
    const opened = await store.overlay(root, older);
    expect(opened.findings.map((x) => [x.key, x.rectification?.state ?? null, x.overdue ?? false, x.suppressed ?? false])).toEqual([
      ['a|1', '整改中', false, false], // its deadline is after that scan's date
      ['b|1', '无需整改', false, true],
      ['d|1', null, false, false],
    ]);
    expect(opened.resolved).toEqual([]);
    expect((await stat(file)).mtimeMs).toBe(written);
  });

  it('a field edited on an older scan goes into the stored ledger by key; the other findings’ fields and 已整改 stay', async () => {
    const store = new LedgerStore(dir);
    await store.save(root, {
      findings: [f('a|1'), f('c|1', { rectification: { measure: '重新公示', owner: '李', state: '整改中' } })],
      resolved: [f('gone|1', { rectification: { state: '已销号' } })],
    });
    const older = sampleReport({ asOf: '2024-01-15', findings: [f('a|1'), f('d|1')], resolved: [] });
    const updated = await store.update(root, older, 'a|1', { measure: '补签字', owner: '赵', state: '整改中' });
    expect(updated.rectification).toEqual({ measure: '补签字', owner: '赵', state: '整改中' });

    const ledger = await store.load(root);
    const fields = Object.fromEntries(ledger!.findings.map((x) => [x.key, x.rectification?.measure ?? null]));
    expect(fields).toEqual({ 'a|1': '补签字', 'c|1': '重新公示' });
    expect(ledger!.resolved.map((x) => [x.key, x.rectification?.state])).toEqual([['gone|1', '已销号']]);
  });
});
