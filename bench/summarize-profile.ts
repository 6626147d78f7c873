// Prints where a V8 CPU profile (`--cpu-prof`, e.g. from `npm run bench -- --profile`) spends its
// time: the top functions by self time and by total time (each function counted once per sample).
// Run: npx tsx bench/summarize-profile.ts <file.cpuprofile> [--top N] [--filter text]
import { readFileSync } from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function label(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url ? url.replace(/^file:\/\//, '').replace(`${process.cwd()}/`, '') : '';
  return `${functionName || '(anonymous)'} ${file ? `${file}:${lineNumber + 1}` : ''}`.trim();
}

export function summarize(profile: CpuProfile, top: number, filter?: string): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let all = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    all += ms;
    const node = byId.get(id)!;
    self.set(label(node), (self.get(label(node)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const key = label(byId.get(at)!);
      if (seen.has(key)) continue;
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + ms);
    }
  });
  const list = (map: Map<string, number>) =>
    [...map]
      .filter(([key]) => !filter || key.includes(filter))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([key, ms]) => `${(ms / 1000).toFixed(2).padStart(8)} s ${((ms / all) * 100).toFixed(1).padStart(5)}%  ${key}`)
      .join('\n');
  return `profiled ${(all / 1000).toFixed(1)} s\n\nself time:\n${list(self)}\n\ntotal time:\n${list(total)}`;
}

const [file, ...rest] = process.argv.slice(2);
if (!file) {
  console.error('用法：npx tsx bench/summarize-profile.ts <文件.cpuprofile> [--top N] [--filter 文字]');
  process.exit(2);
}
const topAt = rest.indexOf('--top');
const filterAt = rest.indexOf('--filter');
console.log(`${path.basename(file)}\n${summarize(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, topAt >= 0 ? Number(rest[topAt + 1]) : 30, filterAt >= 0 ? rest[filterAt + 1] : undefined)}`);
