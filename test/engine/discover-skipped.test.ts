// Links and pipes are never followed or read (they can loop, block, or point outside the copy), and the report
// says which ones were left out.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runScan } from '../../main/engine/run-scan.js';

let dir: string;
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('links and pipes in the archive', () => {
  it('are listed in one notice and not read', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'dc-skipped-'));
    const household = path.join(dir, '红星村', '户档', '0001_张三');
    await mkdir(household, { recursive: true });
    await writeFile(path.join(dir, '外部文件.txt'), '2023年 贫困户名单');
    await writeFile(path.join(household, '走访记录.txt'), '2023年5月6日 入户走访');
    await symlink(path.join(dir, '外部文件.txt'), path.join(household, '户口簿.txt'));
    execFileSync('mkfifo', [path.join(household, '管道.txt')]);
    const report = await runScan({ root: path.join(dir, '红星村'), asOf: '2023-09-30', cacheDir: null, ocr: 'off' });
    const notice = report.notices.find((n) => n.startsWith('有 2 个链接或特殊文件未读取'));
    expect(notice).toBe(
      '有 2 个链接或特殊文件未读取（审查不跟随链接，请把链接指向的文件本身放进档案）：户档/0001_张三/管道.txt（管道文件）、户档/0001_张三/户口簿.txt（链接）',
    );
    expect(report.findings.some((f) => f.rule === 'outdated-term')).toBe(false);
    expect(report.findings.some((f) => f.rule === 'missing-document' && f.details.item === '户口簿及身份证复印件')).toBe(true);
  });
});
