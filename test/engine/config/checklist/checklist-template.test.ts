// The county checklist template as a clerk gets it: written by the command line, read back by the same loader
// `--checklist` uses, its two example rows taken, nothing skipped; an existing file is never overwritten.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadChecklist } from '../../../../main/engine/config/checklist/load-checklist.js';
import { checksWithNothingToRun } from '../../../../main/engine/inspect-archive.js';
import { runCommand, type CommandResult } from '../../../helpers/run-command.js';

const repo = fileURLToPath(new URL('../../../../', import.meta.url));

function cli(args: string[]): Promise<CommandResult> {
  return runCommand(path.join(repo, 'node_modules/.bin/tsx'), [path.join(repo, 'main/cli.ts'), ...args]);
}

describe('dossier-check template checklist', () => {
  it('writes a template the checklist reader takes as it stands, and refuses to overwrite a file', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'dc-template-'));
    const file = path.join(dir, '某县资料目录.xlsx');
    const result = await cli(['template', 'checklist', file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('已写出检查清单模板');
    const { checklist, warnings } = await loadChecklist(file);
    expect(warnings).toEqual([]);
    expect(checklist.items.map((i) => [i.name, i.level, i.yearly])).toEqual([['家庭收入测算表', 'household', true]]);
    expect(checklist.procedures.map((p) => [p.name, p.steps.map((s) => s.name)])).toEqual([['识别纳入', ['民主评议记录']]]);
    // The example is thin on purpose: the clerk is told what it leaves idle.
    expect(checksWithNothingToRun(checklist).map((n) => n.split('：')[0])).toEqual(['台账未更新（stale-ledger）']);

    await writeFile(file, 'filled in by the county');
    const again = await cli(['template', 'checklist', file]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('已存在，没有覆盖');
    expect(await readFile(file, 'utf8')).toBe('filled in by the county');
  });
});
