// Makes the benchmark township (default 9 villages × 550 households, ~100,000 files) once into
// bench/.township/ and reuses it while the generator version and sizes are unchanged.
// Run alone: npx tsx bench/make-township.ts [--villages N] [--households N]
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildHouseholdFiles, type OutFile } from './township/household-files.js';
import { makeTownship } from './township/roster.js';
import { buildHouseholdScan, makeScanPool } from './township/scan-files.js';
import { buildTemplates } from './township/templates.js';
import { buildSystemExport, buildVillageFiles } from './township/village-files.js';

/** Bump when the generated files change, so existing townships are made again. */
// 2: one scan per household with an uninformative name (bench/township/scan-files.ts), for OCR.
export const GENERATOR_VERSION = 2;

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const TOWNSHIP_DIR = path.join(HERE, '.township');

export interface FormatCount {
  files: number;
  bytes: number;
  /** Files whose bytes equal an earlier file's: the content-hash cache reads those once. */
  duplicates: number;
}

export interface TownshipInfo {
  version: number;
  root: string;
  villages: number;
  householdsPerVillage: number;
  households: number;
  people: number;
  files: number;
  bytes: number;
  byFormat: Record<string, FormatCount>;
  generationSeconds: number;
  createdAt: string;
}

export interface TownshipSize {
  villages: number;
  households: number;
}

function markerPath(size: TownshipSize): string {
  return path.join(TOWNSHIP_DIR, `township-${size.villages}x${size.households}.json`);
}

export function townshipRoot(size: TownshipSize): string {
  return path.join(TOWNSHIP_DIR, `township-${size.villages}x${size.households}`);
}

/** The township's description when one of this size and generator version is on disk. */
export function existingTownship(size: TownshipSize): TownshipInfo | null {
  try {
    const info = JSON.parse(readFileSync(markerPath(size), 'utf8')) as TownshipInfo;
    return info.version === GENERATOR_VERSION && existsSync(info.root) ? info : null;
  } catch {
    return null;
  }
}

class Writer {
  private pending: Promise<void>[] = [];
  private readonly madeDirs = new Set<string>();
  private readonly seen = new Set<string>();
  readonly byFormat: Record<string, FormatCount> = {};
  files = 0;
  bytes = 0;

  constructor(private readonly root: string) {}

  /** Queues the writes; waits only when many are in flight, so disk and CPU overlap. */
  async write(files: OutFile[]): Promise<void> {
    for (const file of files) {
      const target = path.join(this.root, ...file.path.split('/'));
      const dir = path.dirname(target);
      if (!this.madeDirs.has(dir)) {
        mkdirSync(dir, { recursive: true });
        this.madeDirs.add(dir);
      }
      const ext = path.extname(file.path).slice(1).toLowerCase();
      const count = (this.byFormat[ext] ??= { files: 0, bytes: 0, duplicates: 0 });
      const hash = createHash('sha256').update(file.bytes).digest('hex');
      if (this.seen.has(hash)) count.duplicates++;
      else this.seen.add(hash);
      count.files++;
      count.bytes += file.bytes.length;
      this.files++;
      this.bytes += file.bytes.length;
      this.pending.push(writeFile(target, file.bytes));
    }
    if (this.pending.length > 256) await this.flush();
  }

  async flush(): Promise<void> {
    const pending = this.pending;
    this.pending = [];
    await Promise.all(pending);
  }
}

export async function makeTownshipArchive(size: TownshipSize, log: (line: string) => void = console.error): Promise<TownshipInfo> {
  const started = performance.now();
  const root = townshipRoot(size);
  rmSync(markerPath(size), { force: true });
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  const villages = makeTownship(size.villages, size.households);
  log(`生成基准乡镇：${size.villages} 个村 × ${size.households} 户 → ${root}`);
  const templates = await buildTemplates();
  log(`  模板就绪（${((performance.now() - started) / 1000).toFixed(1)} 秒，含 LibreOffice 转 .doc）`);
  const scanPool = await makeScanPool();
  const writer = new Writer(root);
  await writer.write([await buildSystemExport(villages)]);
  const total = villages.length * size.households;
  let done = 0;
  let lastLog = performance.now();
  for (const village of villages) {
    await writer.write(await buildVillageFiles(village));
    for (const household of village.households) {
      await writer.write([...(await buildHouseholdFiles(village, household, templates)), await buildHouseholdScan(village, household, scanPool)]);
      done++;
      if (performance.now() - lastLog > 5000 || done === total) {
        lastLog = performance.now();
        const seconds = (lastLog - started) / 1000;
        const eta = ((total - done) * seconds) / done;
        log(`  ${village.name}：${done}/${total} 户，${writer.files} 个文件，${seconds.toFixed(0)} 秒，预计还需 ${eta.toFixed(0)} 秒`);
      }
    }
  }
  await writer.flush();
  const info: TownshipInfo = {
    version: GENERATOR_VERSION,
    root,
    villages: villages.length,
    householdsPerVillage: size.households,
    households: total,
    people: villages.reduce((n, v) => n + v.households.reduce((k, h) => k + h.members.length, 0), 0),
    files: writer.files,
    bytes: writer.bytes,
    byFormat: writer.byFormat,
    generationSeconds: Math.round((performance.now() - started) / 100) / 10,
    createdAt: new Date().toISOString(),
  };
  writeFileSync(markerPath(size), JSON.stringify(info, null, 2) + '\n');
  log(`  完成：${info.files} 个文件，${(info.bytes / 1048576).toFixed(0)} MiB，${info.people} 人，用时 ${info.generationSeconds} 秒`);
  return info;
}

/** The township of this size, made first when missing or made by another generator version. */
export async function ensureTownship(size: TownshipSize, log: (line: string) => void = console.error): Promise<TownshipInfo> {
  const existing = existingTownship(size);
  if (existing) {
    log(`使用已生成的基准乡镇：${existing.root}（${existing.files} 个文件，生成器版本 ${existing.version}）`);
    return existing;
  }
  return makeTownshipArchive(size, log);
}

export function readSizeArgs(argv: string[]): TownshipSize {
  const value = (flag: string, fallback: number): number => {
    const at = argv.indexOf(flag);
    if (at < 0) return fallback;
    const n = Number(argv[at + 1]);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} 需要正整数`);
    return n;
  };
  return { villages: value('--villages', 9), households: value('--households', 550) };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await ensureTownship(readSizeArgs(process.argv.slice(2)));
}
