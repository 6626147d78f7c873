// argv → what to scan and how. Pure: no file system, no clock (today and the core count come in).
import type { OcrMode } from '../engine/extract/ocr-plan.js';
import type { ScanFormat } from '../engine/types.js';

export type FailOn = 'error' | 'warning';

export interface CliScanOptions {
  /** `scan` an archive folder, or `check-export`: the export logic checks on export workbooks alone. */
  command: 'scan' | 'check-export';
  /** The archive folder as given (scan); the first export workbook (check-export). */
  root: string;
  /** check-export: the export workbooks as given. */
  exportPaths: string[];
  asOf: string;
  checklistPath: string | null;
  systemPaths: string[];
  /** County configuration files, applied in order. */
  configPaths: string[];
  formats: ScanFormat[];
  /** `-` for stdout; null for the default `./dossier-report.<ext>`. */
  out: string | null;
  previousPath: string | null;
  jobs: number;
  useCache: boolean;
  /** Re-hash every file instead of trusting the cache's path index. */
  verifyCache: boolean;
  cacheDir: string | null;
  failOn: FailOn | null;
  quiet: boolean;
  /** Reading scans by OCR. */
  ocr: OcrMode;
}

export type ParseResult =
  | { kind: 'scan'; options: CliScanOptions }
  | { kind: 'template'; template: 'checklist'; out: string }
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'error'; message: string };

export interface ParseDefaults {
  /** YYYY-MM-DD. */
  today: string;
  cpus: number;
}

const FORMATS: ScanFormat[] = ['json', 'xlsx', 'html'];
const VALUE_OPTIONS = ['--as-of', '--checklist', '--config', '--system', '--format', '--out', '--previous', '--jobs', '--cache-dir', '--fail-on', '--ocr'] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];
const REPEATABLE: ValueOption[] = ['--system', '--format', '--config'];
const ALIASES: Record<string, string> = { '-o': '--out', '-j': '--jobs', '-q': '--quiet', '-h': '--help', '-V': '--version' };

export function isValidDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

class ArgError extends Error {}

export function parseArgs(argv: readonly string[], defaults: ParseDefaults): ParseResult {
  try {
    return parseOrThrow(argv, defaults);
  } catch (error) {
    if (error instanceof ArgError) return { kind: 'error', message: error.message };
    throw error;
  }
}

function parseOrThrow(argv: readonly string[], defaults: ParseDefaults): ParseResult {
  const values = new Map<ValueOption, string[]>();
  const flags = new Set<string>();
  const positionals: string[] = [];
  let optionsEnded = false;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (optionsEnded || arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      optionsEnded = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const rawName = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const name = ALIASES[rawName] ?? rawName;
    if ((VALUE_OPTIONS as readonly string[]).includes(name)) {
      const option = name as ValueOption;
      let value: string | undefined;
      if (arg.startsWith('--') && eq > 0) value = arg.slice(eq + 1);
      else {
        const next = argv[i + 1];
        if (next !== undefined && (next === '-' || !next.startsWith('-'))) {
          value = next;
          i++;
        }
      }
      if (value === undefined || value === '') throw new ArgError(`选项 ${option} 需要一个值。`);
      const list = values.get(option) ?? [];
      if (list.length > 0 && !REPEATABLE.includes(option)) throw new ArgError(`选项 ${option} 只能给一次。`);
      values.set(option, [...list, value]);
    } else if (['--no-cache', '--verify-cache', '--quiet', '--help', '--version'].includes(name)) {
      if (eq > 0) throw new ArgError(`选项 ${name} 不带值。`);
      flags.add(name);
    } else {
      throw new ArgError(`未知选项「${arg}」。用 --help 查看可用的选项。`);
    }
  }

  if (flags.has('--help')) return { kind: 'help' };
  if (flags.has('--version')) return { kind: 'version' };

  const [command, root, ...extra] = positionals;
  if (command === 'template') {
    if (root !== 'checklist' || extra.length !== 1) throw new ArgError('用法：dossier-check template checklist <要写出的文件.xlsx>');
    if (!/\.xlsx$/i.test(extra[0])) throw new ArgError(`检查清单模板是 Excel 文件，文件名应以 .xlsx 结尾，而不是「${extra[0]}」。`);
    return { kind: 'template', template: 'checklist', out: extra[0] };
  }
  if (command === undefined) throw new ArgError('缺少命令。用法：dossier-check scan <档案文件夹> [选项]，或 dossier-check check-export <导出表.xlsx>… [选项]');
  if (command !== 'scan' && command !== 'check-export') {
    throw new ArgError(`未知命令「${command}」：可用 scan（审查档案文件夹）、check-export（只查系统导出表的疑点数据）或 template checklist（写出县里的检查清单模板）。`);
  }
  if (command === 'check-export') {
    if (root === undefined || root === '') throw new ArgError('缺少系统导出表。用法：dossier-check check-export <导出表.xlsx>… [选项]');
    for (const option of ['--checklist', '--system', '--ocr'] as const) {
      if (values.has(option)) throw new ArgError(`check-export 只读系统导出表，不用 ${option}：导出表直接写在命令后面，可写多个。`);
    }
  } else {
    if (root === undefined || root === '') throw new ArgError('缺少档案文件夹。用法：dossier-check scan <档案文件夹> [选项]');
    if (extra.length > 0) throw new ArgError(`多余的参数「${extra.join(' ')}」：一次只能审查一个档案文件夹（路径含空格时请加引号）。`);
  }

  const one = (option: ValueOption): string | null => values.get(option)?.[0] ?? null;

  const asOf = one('--as-of') ?? defaults.today;
  if (!isValidDate(asOf)) throw new ArgError(`审查日期「${asOf}」无效，应写成 YYYY-MM-DD，例如 2023-09-30。`);

  const formats: ScanFormat[] = [];
  for (const format of values.get('--format') ?? ['xlsx']) {
    const normalised = format.toLowerCase() as ScanFormat;
    if (!FORMATS.includes(normalised)) throw new ArgError(`不支持的报告格式「${format}」，可选 json、xlsx、html。`);
    if (!formats.includes(normalised)) formats.push(normalised);
  }

  const out = one('--out');
  if (formats.length > 1 && out !== null && out !== '-' && /\.(xlsx|html?|json)$/i.test(out)) {
    throw new ArgError(`多种格式的报告要写进一个文件夹，而 --out 给的「${out}」是文件名。请给一个文件夹（如 --out 报告），或只选一种格式。`);
  }
  if (out === '-') {
    if (formats.length > 1) throw new ArgError('--out - 只能用于单一格式：多种格式请给出一个文件夹。');
    if (formats[0] === 'xlsx') throw new ArgError('xlsx 报告不能输出到标准输出，请用 --out 指定文件。');
  }

  let jobs = defaults.cpus;
  const jobsText = one('--jobs');
  if (jobsText !== null) {
    if (!/^\d+$/.test(jobsText) || Number(jobsText) < 1 || Number(jobsText) > 64) {
      throw new ArgError(`--jobs 应为 1 到 64 之间的整数，而不是「${jobsText}」。`);
    }
    jobs = Number(jobsText);
  }

  const failOnText = one('--fail-on');
  if (failOnText !== null && failOnText !== 'error' && failOnText !== 'warning') {
    throw new ArgError(`--fail-on 只能是 error 或 warning，而不是「${failOnText}」。`);
  }

  const ocrText = one('--ocr') ?? 'auto';
  if (!['off', 'auto', 'all'].includes(ocrText)) {
    throw new ArgError(`--ocr 只能是 off（不识别）、auto（只识别需要的扫描件，默认）或 all（识别全部扫描件和图片），而不是「${ocrText}」。`);
  }

  const useCache = !flags.has('--no-cache');
  if (!useCache && flags.has('--verify-cache')) throw new ArgError('--no-cache 与 --verify-cache 不能同时使用。');
  const cacheDir = one('--cache-dir');
  if (!useCache && cacheDir !== null) throw new ArgError('--no-cache 与 --cache-dir 不能同时使用。');

  return {
    kind: 'scan',
    options: {
      command,
      root,
      exportPaths: command === 'check-export' ? [root, ...extra] : [],
      asOf,
      checklistPath: one('--checklist'),
      systemPaths: values.get('--system') ?? [],
      configPaths: values.get('--config') ?? [],
      formats,
      out,
      previousPath: one('--previous'),
      jobs,
      useCache,
      verifyCache: flags.has('--verify-cache'),
      cacheDir,
      failOn: failOnText as FailOn | null,
      quiet: flags.has('--quiet'),
      ocr: ocrText as OcrMode,
    },
  };
}
