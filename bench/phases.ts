// One measurement each, run in a child process of run-bench.ts so each gets its own peak RSS:
// floor (read every file with Node), cold and warm scans, and a per-format parse sample.
// Child entry: tsx bench/phases.ts <phase> '<json options>' — prints `BENCH_RESULT <json>` on stdout.
import { readdir, readFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractBytes } from '../main/engine/extract/registry.js';
import { runScan } from '../main/engine/run-scan.js';
import type { ProgressEvent } from '../main/engine/types.js';

export type PhaseName = 'floor' | 'cold' | 'warm' | 'parse-sample';

export interface PhaseOptions {
  root: string;
  cacheDir?: string;
  jobs: number;
  asOf: string;
}

export interface PhaseResult {
  phase: PhaseName;
  wallSeconds: number;
  files: number;
  filesPerSecond: number;
  /** Highest `process.memoryUsage().rss` seen, sampled every 100 ms on the main thread. */
  peakRssMb: number;
  /** The OS's peak resident set of the whole process (all threads), `process.resourceUsage().maxRSS`. */
  osMaxRssMb: number;
  /** CPU time of the process (all threads) over wall time: 2.0 means both cores busy. */
  cpuCores: number;
  loadAverageBefore: number;
  bytes?: number;
  findings?: number;
  findingsByRule?: Record<string, number>;
  /** Seconds per pipeline stage, from the scan's progress events. */
  stages?: Record<string, number>;
  unreadable?: number;
  fromCache?: number;
  /** cold/warm: files and pages read by OCR, and pages per second over the time OCR ran. */
  ocr?: { files: number; pages: number; seconds: number; pagesPerSecond: number };
  /** parse-sample: milliseconds per file and files sampled, per format, on one thread. */
  parseMsPerFile?: Record<string, { ms: number; sampled: number; total: number; maxMs: number }>;
}

const mb = (bytes: number) => Math.round(bytes / 1048576);

function startRssSampler(): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 100);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss);
    },
  };
}

async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

async function readAll(files: string[], concurrency: number): Promise<number> {
  let next = 0;
  let bytes = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < files.length) bytes += (await readFile(files[next++]!)).length;
    }),
  );
  return bytes;
}

/** Listing plus reading every file's bytes; the first pass only warms the page cache. */
async function floor(options: PhaseOptions): Promise<Partial<PhaseResult>> {
  await readAll(await listFiles(options.root), 8);
  const started = performance.now();
  const files = await listFiles(options.root);
  const bytes = await readAll(files, 8);
  return { wallSeconds: (performance.now() - started) / 1000, files: files.length, bytes };
}

async function scan(options: PhaseOptions, phase: 'cold' | 'warm'): Promise<Partial<PhaseResult>> {
  const stages: Record<string, number> = {};
  let stage = 'start';
  let stageStarted = performance.now();
  let lastLog = performance.now();
  let fromCache = 0;
  let ocrFirst = 0;
  let ocrLast = 0;
  let ocr = { files: 0, pages: 0 };
  const onProgress = (event: ProgressEvent): void => {
    const now = performance.now();
    if (event.type === 'ocr') {
      ocrFirst ||= now;
      ocrLast = now;
      ocr = { files: event.done, pages: event.pages };
    } else if (event.type === 'stage') {
      stages[stage] = (now - stageStarted) / 1000;
      stage = event.stage;
      stageStarted = now;
    } else if (event.type === 'files') {
      fromCache = event.fromCache;
      if (now - lastLog > 10_000) {
        lastLog = now;
        console.error(`  [${phase}] ${event.done}/${event.total} 个文件，${event.rate.toFixed(0)} 个/秒，缓存命中 ${event.fromCache}，RSS ${mb(process.memoryUsage().rss)} MB`);
      }
    }
  };
  const started = performance.now();
  const report = await runScan({ root: options.root, asOf: options.asOf, cacheDir: options.cacheDir, jobs: options.jobs, onProgress });
  const wallSeconds = (performance.now() - started) / 1000;
  stages[stage] = (performance.now() - stageStarted) / 1000;
  delete stages.start;
  const findingsByRule: Record<string, number> = {};
  for (const finding of report.findings) findingsByRule[finding.rule] = (findingsByRule[finding.rule] ?? 0) + 1;
  const ocrSeconds = (ocrLast - ocrFirst) / 1000;
  const ocrResult = { ...ocr, seconds: Math.round(ocrSeconds * 10) / 10, pagesPerSecond: ocrSeconds > 0 ? Math.round((ocr.pages / ocrSeconds) * 100) / 100 : 0 };
  return { wallSeconds, files: report.stats.files, findings: report.findings.length, findingsByRule, stages, unreadable: report.stats.unreadable, fromCache, ocr: ocrResult };
}

/** Single-thread extraction time per format on an even sample, to estimate the parsing floor. */
async function parseSample(options: PhaseOptions): Promise<Partial<PhaseResult>> {
  const files = await listFiles(options.root);
  const byExt = new Map<string, string[]>();
  for (const file of files) {
    const ext = path.extname(file).slice(1).toLowerCase();
    if (!['docx', 'xlsx', 'pdf', 'doc'].includes(ext)) continue;
    (byExt.get(ext) ?? byExt.set(ext, []).get(ext)!).push(file);
  }
  const result: NonNullable<PhaseResult['parseMsPerFile']> = {};
  const started = performance.now();
  let sampledFiles = 0;
  for (const [ext, list] of byExt) {
    const step = Math.max(1, Math.floor(list.length / 120));
    const sample = list.filter((_, i) => i % step === 0).slice(0, 120);
    const buffers = await Promise.all(sample.map((f) => readFile(f)));
    for (const [i, bytes] of buffers.slice(0, 3).entries()) await extractBytes(bytes, path.basename(sample[i]!)); // load the readers
    let total = 0;
    let maxMs = 0;
    for (const [i, bytes] of buffers.entries()) {
      const t = performance.now();
      await extractBytes(bytes, path.basename(sample[i]!));
      const ms = performance.now() - t;
      total += ms;
      maxMs = Math.max(maxMs, ms);
    }
    sampledFiles += buffers.length;
    result[ext] = { ms: total / buffers.length, sampled: buffers.length, total: list.length, maxMs };
  }
  return { wallSeconds: (performance.now() - started) / 1000, files: sampledFiles, parseMsPerFile: result };
}

export async function runPhase(phase: PhaseName, options: PhaseOptions): Promise<PhaseResult> {
  const loadAverageBefore = loadavg()[0]!;
  const sampler = startRssSampler();
  const cpuBefore = process.cpuUsage();
  const partial =
    phase === 'floor' ? await floor(options) : phase === 'parse-sample' ? await parseSample(options) : await scan(options, phase);
  const peakRss = sampler.stop();
  const cpu = process.cpuUsage(cpuBefore);
  const wallSeconds = partial.wallSeconds ?? 0;
  const files = partial.files ?? 0;
  return {
    ...partial,
    phase,
    wallSeconds: Math.round(wallSeconds * 10) / 10,
    files,
    filesPerSecond: wallSeconds > 0 ? Math.round(files / wallSeconds) : 0,
    peakRssMb: mb(peakRss),
    osMaxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    cpuCores: Math.round(((cpu.user + cpu.system) / 1e6 / Math.max(wallSeconds, 0.001)) * 100) / 100,
    loadAverageBefore: Math.round(loadAverageBefore * 100) / 100,
  };
}

export const defaultJobs = availableParallelism();

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [phase, json] = process.argv.slice(2);
  const result = await runPhase(phase as PhaseName, JSON.parse(json!) as PhaseOptions);
  process.stdout.write(`BENCH_RESULT ${JSON.stringify(result)}\n`);
}
