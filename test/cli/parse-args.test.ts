import { describe, expect, it } from 'vitest';
import { parseArgs, type CliScanOptions } from '../../main/cli/parse-args.js';

const defaults = { today: '2024-03-15', cpus: 4 };

function scan(argv: string[]): CliScanOptions {
  const result = parseArgs(argv, defaults);
  if (result.kind !== 'scan') throw new Error(`expected scan, got ${JSON.stringify(result)}`);
  return result.options;
}

function errorOf(argv: string[]): string {
  const result = parseArgs(argv, defaults);
  if (result.kind !== 'error') throw new Error(`expected an error, got ${JSON.stringify(result)}`);
  return result.message;
}

describe('parseArgs', () => {
  it('fills the defaults of the contract', () => {
    expect(scan(['scan', './城关镇'])).toEqual({
      command: 'scan',
      exportPaths: [],
      root: './城关镇',
      asOf: '2024-03-15',
      checklistPath: null,
      systemPaths: [],
      configPaths: [],
      verifyCache: false,
      formats: ['xlsx'],
      out: null,
      previousPath: null,
      jobs: 4,
      useCache: true,
      cacheDir: null,
      failOn: null,
      quiet: false,
      ocr: 'auto',
    });
  });

  it('refuses a file name as --out for several formats instead of making a folder named like a file', () => {
    expect(errorOf(['scan', '.', '--format', 'xlsx', '--format', 'html', '--out', 'one.xlsx'])).toBe(
      '多种格式的报告要写进一个文件夹，而 --out 给的「one.xlsx」是文件名。请给一个文件夹（如 --out 报告），或只选一种格式。',
    );
    expect(scan(['scan', '.', '--format', 'xlsx', '--format', 'html', '--out', '报告']).out).toBe('报告');
  });

  it('reads --ocr off|auto|all and refuses other values in Chinese', () => {
    expect(scan(['scan', './城关镇', '--ocr', 'off']).ocr).toBe('off');
    expect(scan(['scan', './城关镇', '--ocr=all']).ocr).toBe('all');
    const bad = parseArgs(['scan', './城关镇', '--ocr', 'yes'], { today: '2024-03-15', cpus: 4 });
    expect(bad).toMatchObject({ kind: 'error' });
    expect((bad as { message: string }).message).toContain('--ocr 只能是 off');
  });

  it('reads every option, in `--opt value` and `--opt=value` form, and repeats of --system and --format', () => {
    const options = scan([
      'scan', 'D:\\档案\\城关镇', '--as-of', '2023-09-30', '--checklist=县清单.yaml',
      '--system', '系统1.xlsx', '--system=系统2.xlsx', '--format', 'json', '--format', 'HTML', '--format', 'json',
      '--out', '报告', '--previous', 'old.json', '--jobs', '2', '--cache-dir', '/tmp/c', '--fail-on', 'warning', '-q',
    ]);
    expect(options).toMatchObject({
      root: 'D:\\档案\\城关镇',
      asOf: '2023-09-30',
      checklistPath: '县清单.yaml',
      systemPaths: ['系统1.xlsx', '系统2.xlsx'],
      formats: ['json', 'html'],
      out: '报告',
      previousPath: 'old.json',
      jobs: 2,
      cacheDir: '/tmp/c',
      failOn: 'warning',
      quiet: true,
    });
  });

  it('accepts options before the archive and `--out -` for one json or html format', () => {
    expect(scan(['scan', '--format', 'json', '--out', '-', 'archive'])).toMatchObject({ root: 'archive', out: '-', formats: ['json'] });
    expect(scan(['scan', 'archive', '--no-cache']).useCache).toBe(false);
    expect(scan(['scan', '--', '-奇怪的文件夹']).root).toBe('-奇怪的文件夹');
  });

  it('answers --help and --version wherever they stand', () => {
    expect(parseArgs(['scan', '--help'], defaults)).toEqual({ kind: 'help' });
    expect(parseArgs(['-h'], defaults)).toEqual({ kind: 'help' });
    expect(parseArgs(['--version'], defaults)).toEqual({ kind: 'version' });
  });

  it('explains bad arguments in Chinese', () => {
    expect(errorOf([])).toMatch(/缺少命令/);
    expect(errorOf(['check', 'a'])).toMatch(/未知命令「check」/);
    expect(errorOf(['scan'])).toMatch(/缺少档案文件夹/);
    expect(errorOf(['scan', 'a', 'b'])).toMatch(/多余的参数「b」.*加引号/);
    expect(errorOf(['scan', 'a', '--as-of', '2023-02-30'])).toMatch(/审查日期「2023-02-30」无效.*YYYY-MM-DD/);
    expect(errorOf(['scan', 'a', '--as-of', '2023/09/30'])).toMatch(/无效/);
    expect(errorOf(['scan', 'a', '--format', 'pdf'])).toMatch(/不支持的报告格式「pdf」/);
    expect(errorOf(['scan', 'a', '--format', 'xlsx', '--out', '-'])).toMatch(/xlsx 报告不能输出到标准输出/);
    expect(errorOf(['scan', 'a', '--format', 'json', '--format', 'html', '--out', '-'])).toMatch(/只能用于单一格式/);
    expect(errorOf(['scan', 'a', '--jobs', '0'])).toMatch(/--jobs 应为 1 到 64 之间的整数/);
    expect(errorOf(['scan', 'a', '--jobs', 'many'])).toMatch(/--jobs/);
    expect(errorOf(['scan', 'a', '--fail-on', 'info'])).toMatch(/--fail-on 只能是 error 或 warning/);
    expect(errorOf(['scan', 'a', '--out'])).toMatch(/选项 --out 需要一个值/);
    expect(errorOf(['scan', 'a', '--checklist', '--jobs', '2'])).toMatch(/选项 --checklist 需要一个值/);
    expect(errorOf(['scan', 'a', '--as-of', '2023-09-30', '--as-of', '2023-10-01'])).toMatch(/只能给一次/);
    expect(errorOf(['scan', 'a', '--frmat', 'json'])).toMatch(/未知选项「--frmat」/);
    expect(errorOf(['scan', 'a', '--no-cache', '--cache-dir', 'x'])).toMatch(/不能同时使用/);
  });
});
