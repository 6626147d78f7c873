// The command line as a clerk or a script runs it: a real process, a real folder.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeJsonReport } from '../../main/engine/report/write-json-report.js';
import { sampleReport } from '../engine/report/sample-report.js';
import { runCommand, type CommandResult } from '../helpers/run-command.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const tsx = path.join(repo, 'node_modules', '.bin', 'tsx');
const cli = path.join(repo, 'main', 'cli.ts');

function run(args: string[], cwd: string, command: string[] = [tsx, cli]): Promise<CommandResult> {
  return runCommand(command[0]!, [...command.slice(1), ...args], { cwd, env: { ...process.env, DOSSIER_DEBUG: '' } });
}

async function snapshot(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const lines: string[] = [];
  for (const e of entries) {
    const full = path.join(e.parentPath, e.name);
    const info = await stat(full);
    lines.push(`${path.relative(dir, full)} ${info.size} ${info.mtimeMs}`);
  }
  return lines.sort();
}

let work: string;
let archive: string;
let before: string[];

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'dossier-cli-'));
  archive = path.join(work, '城关镇');
  const household = path.join(archive, '红星村', '户档', '0001_张三');
  await mkdir(household, { recursive: true });
  await writeFile(path.join(household, '户主申请书.txt'), '申请书\n本人张三，申请纳入监测。\n2023年3月1日\n');
  await mkdir(path.join(archive, '红星村', '户档', '0002_李四'), { recursive: true });
  await writeFile(path.join(archive, '红星村', '户档', '0002_李四', '家庭收入测算表.txt'), '家庭收入测算表 2023年\n');
  before = await snapshot(archive);
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('dossier-check scan: arguments and refusals', () => {
  it('prints the Chinese usage for --help and the version for --version', async () => {
    const help = await run(['--help'], work);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('用法：dossier-check scan <档案文件夹>');
    const version = await run(['--version'], work);
    expect(version.stdout.trim()).toBe(JSON.parse(await readFile(path.join(repo, 'package.json'), 'utf8')).version);
  });

  it('exits 2 with a Chinese message and no stack trace for a bad option', async () => {
    const result = await run(['scan', archive, '--format', 'pdf'], work);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('不支持的报告格式「pdf」');
    const unknown = await run(['scan', archive, '--bogus'], work);
    // The hint to --help is said once, not twice.
    expect(unknown.stderr.match(/--help/g)).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe('');
  });

  it('check-export: exits 2 in Chinese for a missing file, a workbook that is no export, or an archive-only option', async () => {
    const missing = await run(['check-export', path.join(work, '没有这个导出表.xlsx')], work);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('系统导出表不存在');
    const notExport = await run(['check-export', path.join(archive, '红星村', '户档', '0001_张三', '户主申请书.txt'), '--format', 'json', '--out', '-'], work);
    expect(notExport.code).toBe(2);
    expect(notExport.stderr).toContain('所给文件中没有监测系统的人员信息表');
    expect(notExport.stdout).toBe('');
    const option = await run(['check-export', path.join(work, 'x.xlsx'), '--checklist', 'a.yaml'], work);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('check-export 只读系统导出表，不用 --checklist');
    const help = await run(['--help'], work);
    expect(help.stdout).toContain('dossier-check check-export <系统导出表.xlsx>…');
  });

  it('exits 2 when the archive folder does not exist or is a file', async () => {
    const missing = await run(['scan', path.join(work, '不存在的镇')], work);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('档案文件夹不存在');
    const file = await run(['scan', path.join(archive, '红星村', '户档', '0001_张三', '户主申请书.txt')], work);
    expect(file.code).toBe(2);
    expect(file.stderr).toContain('不是文件夹');
  });

  it('refuses to write the report inside the archive folder, given or by default, and leaves the archive untouched', async () => {
    const given = await run(['scan', archive, '--out', path.join(archive, '红星村', 'report.xlsx')], work);
    expect(given.code).toBe(2);
    expect(given.stderr).toContain('报告不能写在档案文件夹里');
    // Run from inside the archive: the default ./dossier-report.xlsx would land in it.
    const byDefault = await run(['scan', '.'], archive);
    expect(byDefault.code).toBe(2);
    expect(byDefault.stderr).toContain('请用 --out 指定档案文件夹以外的位置');
    expect(await snapshot(archive)).toEqual(before);
  });

  it('exits 2 for an unusable --previous report or checklist', async () => {
    const notReport = path.join(work, 'not-a-report.json');
    await writeFile(notReport, JSON.stringify({ version: 1 }));
    const previous = await run(['scan', archive, '--previous', notReport, '--out', path.join(work, 'r.json'), '--format', 'json'], work);
    expect(previous.code).toBe(2);
    expect(previous.stderr).toContain('不是本工具生成的 JSON 报告');
    const checklist = path.join(work, 'checklist.txt');
    await writeFile(checklist, '户主申请书');
    const bad = await run(['scan', archive, '--checklist', checklist, '--out', path.join(work, 'r.json')], work);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/\.yaml|\.xlsx/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 before scanning for a county --config with a bad key, naming the file and the key', async () => {
    const county = path.join(work, '某某县.yaml');
    await writeFile(county, 'thresholds:\n  publicNoticeDays: 7\n');
    const out = path.join(work, 'config-bad.json');
    const result = await run(['scan', archive, '--config', county, '--format', 'json', '--out', out], work);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('某某县.yaml（thresholds） 中的“publicNoticeDays”不是程序认识的阈值名称');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    await expect(stat(out)).rejects.toThrow();
  });

  it('exits 2 and writes no report when the folder holds no village or household, saying what it looked for', async () => {
    const wrong = path.join(work, '照片文件夹');
    await mkdir(path.join(wrong, '2023年'), { recursive: true });
    await writeFile(path.join(wrong, '2023年', '全家福.txt'), '照片说明');
    const out = path.join(work, 'empty-report.json');
    const result = await run(['scan', wrong, '--format', 'json', '--out', out, '--no-cache'], work);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('所选文件夹中没有认出任何村或户的档案，未生成报告');
    expect(result.stderr).toContain('以“村”或“社区”结尾的村文件夹');
    expect(result.stdout).not.toContain('未发现问题');
    await expect(stat(out)).rejects.toThrow();
  });

  it('runs as the package bin through tsx', async () => {
    const result = await run(['--version'], work, [process.execPath, path.join(repo, 'bin', 'dossier-check.js')]);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('dossier-check scan: a whole scan', () => {
  it('writes the JSON report to --out, prints a summary, and never touches the archive', async () => {
    const out = path.join(work, 'out', 'report.json');
    const result = await run(['scan', archive, '--as-of', '2023-09-30', '--format', 'json', '--out', out, '--no-cache'], work);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.code).toBe(0);
    const report = JSON.parse(await readFile(out, 'utf8'));
    expect(report.schema).toBe('dossier-check/report@1');
    expect(report.asOf).toBe('2023-09-30');
    expect(report.root).toBe(archive);
    expect(report.villages.map((v: { name: string }) => v.name)).toEqual(['红星村']);
    expect(result.stdout).toContain('扫描完成：1 个村、2 户');
    expect(result.stdout).toContain(`报告已写入：${out}`);
    expect(await snapshot(archive)).toEqual(before);
  });

  it('applies a county --config: a rule switched off reports nothing', async () => {
    const county = path.join(work, '关闭缺资料.yaml');
    await writeFile(county, 'rules:\n  missing-document: off\n');
    const scan = async (extra: string[]): Promise<Array<{ rule: string }>> => {
      const result = await run(['scan', archive, '--as-of', '2023-09-30', '--format', 'json', '--out', '-', '--no-cache', ...extra], work);
      expect(result.code).toBe(0);
      return JSON.parse(result.stdout).findings;
    };
    expect((await scan([])).some((f) => f.rule === 'missing-document')).toBe(true);
    const withConfig = await scan(['--config', county]);
    expect(withConfig.some((f) => f.rule === 'missing-document')).toBe(false);
  });

  it('with `--out -` keeps stdout to the report alone, and --fail-on error exits 1 exactly when an error was found', async () => {
    const result = await run(['scan', archive, '--as-of', '2023-09-30', '--format', 'json', '--out', '-', '--no-cache', '--fail-on', 'error'], work);
    const report = JSON.parse(result.stdout);
    const hasError = report.findings.some((f: { severity: string }) => f.severity === 'error');
    expect(result.code).toBe(hasError ? 1 : 0);
    expect(result.stderr).toContain('扫描完成');
  });

  it('with --previous marks findings new or open and lists the gone ones as resolved', async () => {
    const earlier = sampleReport({ root: archive, findings: [], resolved: [] });
    const first = await run(['scan', archive, '--as-of', '2023-09-30', '--format', 'json', '--out', '-', '--no-cache', '-q'], work);
    const current = JSON.parse(first.stdout);
    expect(current.findings.length).toBeGreaterThan(0);
    // The earlier report had the first current finding and one that is now gone.
    earlier.findings = [current.findings[0], { ...sampleReport().findings[3], key: 'near-threshold|红星村|王五' }];
    const previousFile = path.join(work, 'previous.json');
    await writeFile(previousFile, writeJsonReport(earlier));
    const second = await run(
      ['scan', archive, '--as-of', '2023-09-30', '--format', 'json', '--out', '-', '--no-cache', '-q', '--previous', previousFile],
      work,
    );
    expect(second.code).toBe(0);
    expect(second.stderr).toBe('');
    const compared = JSON.parse(second.stdout);
    const byKey = new Map(compared.findings.map((f: { key: string; status: string }) => [f.key, f.status]));
    expect(byKey.get(current.findings[0].key)).toBe('open');
    expect(compared.findings.filter((f: { status: string }) => f.status === 'new')).toHaveLength(current.findings.length - 1);
    expect(compared.resolved.map((f: { key: string }) => f.key)).toEqual(['near-threshold|红星村|王五']);
  });

  it('writes xlsx and html into a folder with several formats', async () => {
    const folder = path.join(work, '报告');
    const result = await run(['scan', archive, '--as-of', '2023-09-30', '--format', 'xlsx', '--format', 'html', '--out', folder, '--no-cache', '-q'], work);
    expect(result.code).toBe(0);
    expect((await readdir(folder)).sort()).toEqual(['dossier-report.html', 'dossier-report.xlsx']);
    expect(result.stdout).toBe('');
  });
});

describe('dossier-check scan: Ctrl-C', () => {
  it('stops the scan on SIGINT with status 130, a Chinese line and no report', async () => {
    const big = path.join(work, '大镇');
    for (let v = 1; v <= 4; v++) {
      for (let h = 1; h <= 150; h++) {
        const folder = path.join(big, `第${v}村`, '户档', `${String(h).padStart(4, '0')}_户主${h}`);
        await mkdir(folder, { recursive: true });
        await Promise.all(['户主申请书', '入户核查表', '家庭收入测算表', '一户一策'].map((name, i) =>
          writeFile(path.join(folder, `${name}.txt`), `${name}\n2023年${i + 1}月1日\n`.repeat(20)),
        ));
      }
    }
    const out = path.join(work, 'aborted.json');
    const child = spawn(tsx, [cli, 'scan', big, '--format', 'json', '--out', out, '--no-cache', '--jobs', '1'], { cwd: work });
    let stderr = '';
    let signalled = false;
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString('utf8');
      // Plain progress lines (stderr is not a terminal): interrupt once the scan has started.
      if (!signalled && stderr.includes('…')) {
        signalled = true;
        child.kill('SIGINT');
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(signalled).toBe(true);
    expect(code).toBe(130);
    expect(stderr).toContain('已中止扫描，未生成报告。');
    expect(stderr).not.toMatch(/\n\s+at /);
    await expect(stat(out)).rejects.toThrow();
  });
});
