// The issue's targets, judged on measured phases, and the Markdown table for README.
import type { PhaseResult } from './phases.js';

export interface TargetCheck {
  name: string;
  limit: string;
  measured: string;
  met: boolean | null;
}

export interface BenchPhases {
  floor?: PhaseResult;
  parseSample?: PhaseResult;
  cold?: PhaseResult;
  warm?: PhaseResult;
}

const RSS_LIMIT_MB = 1536;

/** Seconds the readers alone need for every docx/xlsx/pdf/doc, spread over `jobs` threads. */
export function parseFloorSeconds(sample: PhaseResult | undefined, jobs: number): number | null {
  if (!sample?.parseMsPerFile) return null;
  const ms = Object.values(sample.parseMsPerFile).reduce((sum, f) => sum + f.ms * f.total, 0);
  return ms / 1000 / jobs;
}

export function checkTargets(phases: BenchPhases, jobs: number): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const parse = parseFloorSeconds(phases.parseSample, jobs);
  if (phases.cold && phases.floor && parse !== null) {
    const limit = 4 * phases.floor.wallSeconds + parse;
    checks.push({ name: '冷扫描 ≤ 4×读文件下限 + 解析耗时', limit: `${limit.toFixed(0)} 秒（4×${phases.floor.wallSeconds} + ${parse.toFixed(0)}）`, measured: `${phases.cold.wallSeconds} 秒`, met: phases.cold.wallSeconds <= limit });
  }
  if (phases.cold) checks.push({ name: '冷扫描 < 5 分钟', limit: '300 秒', measured: `${phases.cold.wallSeconds} 秒`, met: phases.cold.wallSeconds < 300 });
  if (phases.cold) checks.push({ name: '冷扫描（含扫描件，auto 识别）< 10 分钟', limit: '600 秒', measured: `${phases.cold.wallSeconds} 秒`, met: phases.cold.wallSeconds < 600 });
  if (phases.warm?.ocr) checks.push({ name: '热扫描不做文字识别', limit: '0 页', measured: `${phases.warm.ocr.pages} 页`, met: phases.warm.ocr.pages === 0 });
  if (phases.warm) checks.push({ name: '热扫描（无改动）< 20 秒', limit: '20 秒', measured: `${phases.warm.wallSeconds} 秒`, met: phases.warm.wallSeconds < 20 });
  for (const [label, phase] of [['冷扫描', phases.cold], ['热扫描', phases.warm]] as const) {
    if (phase) checks.push({ name: `${label}峰值 RSS < 1.5 GB`, limit: `${RSS_LIMIT_MB} MB`, measured: `${phase.peakRssMb} MB（系统记录峰值 ${phase.osMaxRssMb} MB）`, met: phase.peakRssMb < RSS_LIMIT_MB });
  }
  return checks;
}

const row = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`;

export function markdownTable(phases: BenchPhases, checks: TargetCheck[]): string {
  const lines = [
    row(['测量', '用时（秒）', '文件数', '文件/秒', '峰值 RSS（MB）', 'CPU（核）', '问题数']),
    row(['---', '---:', '---:', '---:', '---:', '---:', '---:']),
  ];
  const add = (label: string, p: PhaseResult | undefined) => {
    if (p) lines.push(row([label, p.wallSeconds, p.files, p.filesPerSecond, `${p.peakRssMb}（${p.osMaxRssMb}）`, p.cpuCores, p.findings ?? '—']));
  };
  add('读文件下限（Node readFile，并发 8，页缓存已热）', phases.floor);
  add('冷扫描（空缓存）', phases.cold);
  add('热扫描（同一缓存，无改动）', phases.warm);
  if (phases.parseSample?.parseMsPerFile) {
    lines.push('', row(['格式', '文件数', '单线程解析（毫秒/个）', '最慢（毫秒）']), row(['---', '---:', '---:', '---:']));
    for (const [ext, f] of Object.entries(phases.parseSample.parseMsPerFile)) lines.push(row([ext, f.total, f.ms.toFixed(1), f.maxMs.toFixed(0)]));
  }
  for (const [label, p] of [['冷扫描', phases.cold], ['热扫描', phases.warm]] as const) {
    if (p?.ocr) lines.push('', `${label}文字识别（auto）：${p.ocr.files} 个文件，${p.ocr.pages} 页，${p.ocr.seconds} 秒，${p.ocr.pagesPerSecond} 页/秒`);
    if (p?.stages) lines.push('', `${label}各阶段（秒）：${Object.entries(p.stages).map(([s, t]) => `${s} ${t.toFixed(1)}`).join('，')}`);
  }
  if (checks.length > 0) {
    lines.push('', row(['目标', '要求', '实测', '结果']), row(['---', '---', '---', '---']));
    for (const c of checks) lines.push(row([c.name, c.limit, c.measured, c.met === null ? '—' : c.met ? '达到' : '未达到']));
  }
  return lines.join('\n');
}
