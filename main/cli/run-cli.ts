// The command line: arguments → checks → engine → report files → summary. Returns the exit status.
import { readFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { readPreviousReport } from '../engine/report/read-previous-report.js';
import type { ScanReport } from '../engine/types.js';
import { UserFacingError } from '../engine/user-facing-error.js';
import { parseArgs, type CliScanOptions } from './parse-args.js';
import { createProgressReporter, type ProgressStream } from './progress-line.js';
import { isInsideFolder, resolveReportTargets, type ReportTargets } from './report-targets.js';
import { formatSummary } from './summary.js';
import { USAGE } from './usage.js';
import { writeReportTargets } from './write-reports.js';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
export const EXIT_ABORTED = 130;

export interface CliIo {
  stdout: Writable & { isTTY?: boolean };
  stderr: ProgressStream;
  cwd: string;
  signal?: AbortSignal;
  env?: Record<string, string | undefined>;
}

/** An input the user can fix (path, file, option); reported as one Chinese line and exit status 2. */
class InputError extends UserFacingError {}

const NOTHING_RECOGNISED =
  '所选文件夹中没有认出任何村或户的档案，未生成报告。程序找的是：以“村”或“社区”结尾的村文件夹（或直接是一个村的文件夹），' +
  '其中以户主姓名命名的户文件夹（如“0001_张三”“张三户”）。请确认选择的是乡镇或村的档案文件夹，而不是其上一层或其中的某个户。';


function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function readVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}

async function checkArchiveRoot(root: string): Promise<void> {
  let info;
  try {
    info = await stat(root);
  } catch {
    throw new InputError(`档案文件夹不存在：${root}`);
  }
  if (!info.isDirectory()) throw new InputError(`${root} 不是文件夹：请给出档案所在的文件夹（压缩包请放在文件夹中）。`);
  try {
    await readdir(root);
  } catch {
    throw new InputError(`无法读取档案文件夹 ${root}：没有读取权限。`);
  }
}

async function checkInputFile(file: string, what: string): Promise<void> {
  let info;
  try {
    info = await stat(file);
  } catch {
    throw new InputError(`${what}不存在：${file}`);
  }
  if (!info.isFile()) throw new InputError(`${what}应为文件，而 ${file} 是文件夹。`);
}

async function checkOutputs(targets: ReportTargets, root: string, cacheDir: string | null): Promise<void> {
  if (targets.kind === 'files') {
    for (const target of targets.files) {
      if (await isInsideFolder(target.path, root)) {
        throw new InputError(
          `报告不能写在档案文件夹里（${target.path}）：扫描不改动档案文件夹。请用 --out 指定档案文件夹以外的位置。`,
        );
      }
    }
  }
  if (cacheDir !== null && (await isInsideFolder(cacheDir, root))) {
    throw new InputError(`缓存文件夹不能在档案文件夹里（${cacheDir}）：扫描不改动档案文件夹。`);
  }
}

interface PreparedScan {
  options: CliScanOptions;
  targets: ReportTargets;
  previous: ScanReport | null;
  rootPath: string;
  cacheDir: string | null | undefined;
}

async function prepare(options: CliScanOptions, cwd: string): Promise<PreparedScan> {
  const rootPath = path.resolve(cwd, options.root);
  if (options.command === 'check-export') {
    for (const file of options.exportPaths) await checkInputFile(path.resolve(cwd, file), '系统导出表');
  } else await checkArchiveRoot(rootPath);
  const cacheDir = options.useCache ? (options.cacheDir === null ? undefined : path.resolve(cwd, options.cacheDir)) : null;
  const targets = await resolveReportTargets(options.formats, options.out, cwd);
  if (options.command === 'scan') await checkOutputs(targets, rootPath, cacheDir ?? null);
  for (const system of options.systemPaths) await checkInputFile(path.resolve(cwd, system), '系统导出表');
  if (options.checklistPath !== null) {
    const checklistPath = path.resolve(cwd, options.checklistPath);
    await checkInputFile(checklistPath, '检查清单');
    // Read it now: a county's checklist with a typo should fail before the long scan, not after.
    const { loadChecklist } = await import('../engine/config/checklist/load-checklist.js');
    await loadChecklist(checklistPath);
  }
  if (options.configPaths.length > 0) {
    // Read it now as well: a typo in a county's thresholds should fail before the long scan.
    const { loadRuleData } = await import('../engine/config/rule-data/load-rule-data.js');
    await loadRuleData(options.configPaths.map((p) => path.resolve(cwd, p)));
  }
  const previous = options.previousPath === null ? null : await readPreviousReport(path.resolve(cwd, options.previousPath));
  return { options, targets, previous, rootPath, cacheDir };
}

function exitStatusFor(report: ScanReport, failOn: CliScanOptions['failOn']): number {
  if (failOn === null) return EXIT_OK;
  const failing = failOn === 'error' ? ['error'] : ['error', 'warning'];
  return report.findings.some((f) => failing.includes(f.severity)) ? EXIT_FINDINGS : EXIT_OK;
}

function describeError(error: unknown, env: Record<string, string | undefined>): string {
  const err = error as Error;
  if (error instanceof UserFacingError) return err.message;
  const detail = env.DOSSIER_DEBUG ? `\n${err?.stack ?? String(error)}` : '';
  return `程序内部错误：${err?.message ?? String(error)}${detail}\n这不是档案的问题。请把这段文字和所用的命令发给维护人员（设置环境变量 DOSSIER_DEBUG=1 可看到详细位置）。`;
}

async function checkExport(prepared: PreparedScan, io: CliIo, progress: ReturnType<typeof createProgressReporter>): Promise<number> {
  const { options } = prepared;
  const { runExportCheck } = await import('../engine/run-export-check.js');
  const report = await runExportCheck({
    files: options.exportPaths.map((p) => path.resolve(io.cwd, p)),
    asOf: options.asOf,
    configPaths: options.configPaths.map((p) => path.resolve(io.cwd, p)),
    previous: prepared.previous,
    jobs: options.jobs,
    cacheDir: prepared.cacheDir,
    signal: io.signal,
    onProgress: (event) => progress.onProgress(event),
  });
  io.signal?.throwIfAborted();
  return writeAndSummarize(report, prepared, io, progress);
}

/** Writes the report where asked, then the summary (to stderr when the report went to stdout); the exit status. */
async function writeAndSummarize(report: ScanReport, prepared: PreparedScan, io: CliIo, progress: ReturnType<typeof createProgressReporter>): Promise<number> {
  const written = await writeReportTargets(report, prepared.targets, io.stdout);
  progress.finish();
  if (!prepared.options.quiet) {
    const summaryStream = prepared.targets.kind === 'stdout' ? io.stderr : io.stdout;
    summaryStream.write(formatSummary(report, written));
  }
  return exitStatusFor(report, prepared.options.failOn);
}

/** Writes the county checklist template; never over an existing file (a county's filled-in table would be lost). */
async function writeTemplate(target: string, io: CliIo): Promise<number> {
  if (await stat(target).then(() => true, () => false)) {
    io.stderr.write(`错误：${target} 已存在，没有覆盖：请换一个文件名，或先把原文件移走。\n`);
    return EXIT_USAGE;
  }
  const { buildChecklistTemplate } = await import('../engine/config/checklist/write-checklist-template.js');
  const { writeFileAtomically } = await import('../engine/report/outputs.js');
  await writeFileAtomically(target, Buffer.from(await buildChecklistTemplate().xlsx.writeBuffer()));
  io.stdout.write(`已写出检查清单模板：${target}\n按“填写说明”表填好后，审查时用 --checklist ${path.basename(target)}，或在程序“开始”页导入。\n`);
  return EXIT_OK;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const env = io.env ?? process.env;
  const parsed = parseArgs(argv, { today: localToday(), cpus: os.availableParallelism() });
  if (parsed.kind === 'help') {
    io.stdout.write(USAGE);
    return EXIT_OK;
  }
  if (parsed.kind === 'version') {
    io.stdout.write(`${readVersion()}\n`);
    return EXIT_OK;
  }
  if (parsed.kind === 'error') {
    // Messages that already point to --help are not followed by the same hint again.
    io.stderr.write(`错误：${parsed.message}\n${parsed.message.includes('--help') ? '' : '用 --help 查看用法。\n'}`);
    return EXIT_USAGE;
  }

  if (parsed.kind === 'template') return writeTemplate(path.resolve(io.cwd, parsed.out), io);
  const options = parsed.options;
  const progress = createProgressReporter(io.stderr, { quiet: options.quiet });
  try {
    const prepared = await prepare(options, io.cwd);
    if (options.command === 'check-export') return await checkExport(prepared, io, progress);
    const { runScan } = await import('../engine/run-scan.js');
    const report = await runScan({
      // The report names the folder as the clerk typed it; resolve only when run for another folder.
      root: path.resolve(options.root) === prepared.rootPath ? options.root : prepared.rootPath,
      asOf: options.asOf,
      checklistPath: options.checklistPath === null ? undefined : path.resolve(io.cwd, options.checklistPath),
      systemPaths: options.systemPaths.map((p) => path.resolve(io.cwd, p)),
      configPaths: options.configPaths.map((p) => path.resolve(io.cwd, p)),
      jobs: options.jobs,
      ocr: options.ocr,
      cacheDir: prepared.cacheDir,
      verifyCache: options.verifyCache,
      previous: prepared.previous,
      signal: io.signal,
      onProgress: (event) => progress.onProgress(event),
    });
    // Ctrl-C during the last stage: the clerk asked to stop, so no report appears afterwards.
    io.signal?.throwIfAborted();
    if (report.stats.villages === 0) {
      // A wrong folder must not read as a clean township: say what was looked for, write no report.
      progress.finish();
      io.stderr.write(`错误：${NOTHING_RECOGNISED}\n`);
      return EXIT_USAGE;
    }
    return await writeAndSummarize(report, prepared, io, progress);
  } catch (error) {
    progress.finish();
    if (io.signal?.aborted) {
      io.stderr.write('已中止扫描，未生成报告。\n');
      return EXIT_ABORTED;
    }
    io.stderr.write(`错误：${describeError(error, env)}\n`);
    return EXIT_USAGE;
  }
}
