// npm run bench [-- --villages N --households N --skip-cold --jobs N --profile]
// Makes the benchmark township if needed, then measures, each in a fresh child process: the floor
// (reading every file with Node), a per-format parse sample, a cold scan with an empty cache and a
// warm re-scan with the same cache. Prints a Markdown table and writes bench/results.json (full size;
// other sizes go to bench/.township/results-<villages>x<households>.json).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureTownship, readSizeArgs, TOWNSHIP_DIR } from './make-township.js';
import { defaultJobs, type PhaseName, type PhaseOptions, type PhaseResult } from './phases.js';
import { checkTargets, markdownTable, parseFloorSeconds, type BenchPhases } from './targets.js';
import { AS_OF } from './township/roster.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PHASE_ENTRY = path.join(HERE, 'phases.ts');
const PROFILE_DIR = path.join(TOWNSHIP_DIR, 'profiles');

interface Args {
  villages: number;
  households: number;
  skipCold: boolean;
  jobs: number;
  profile: boolean;
}

function readArgs(argv: string[]): Args {
  const size = readSizeArgs(argv);
  const at = argv.indexOf('--jobs');
  const jobs = at >= 0 ? Number(argv[at + 1]) : defaultJobs;
  if (!Number.isInteger(jobs) || jobs < 1) throw new Error('--jobs 需要正整数');
  return { ...size, skipCold: argv.includes('--skip-cold'), jobs, profile: argv.includes('--profile') };
}

/** Runs one phase in a child Node with the same loader (tsx) as this process. */
function runChild(phase: PhaseName, options: PhaseOptions, profile: boolean): Promise<PhaseResult> {
  const execArgv = [...process.execArgv];
  if (profile) execArgv.push('--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`);
  console.error(`→ ${phase}…`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...execArgv, PHASE_ENTRY, phase, JSON.stringify(options)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
      if (code !== 0 || !line) return reject(new Error(`${phase} 失败（退出码 ${code}）\n${out}`));
      const result = JSON.parse(line.slice('BENCH_RESULT '.length)) as PhaseResult;
      console.error(`  ${phase}: ${result.wallSeconds} 秒，${result.files} 个文件，峰值 RSS ${result.peakRssMb} MB`);
      resolve(result);
    });
  });
}

async function main(): Promise<void> {
  const args = readArgs(process.argv.slice(2));
  const township = await ensureTownship(args);
  const cacheDir = path.join(TOWNSHIP_DIR, `cache-${args.villages}x${args.households}`);
  const options: PhaseOptions = { root: township.root, cacheDir, jobs: args.jobs, asOf: AS_OF };
  if (args.profile) mkdirSync(PROFILE_DIR, { recursive: true });

  const phases: BenchPhases = {};
  phases.floor = await runChild('floor', options, false);
  phases.parseSample = await runChild('parse-sample', options, false);
  if (!args.skipCold) {
    // An empty cache folder of the bench's own; kept afterwards so `--skip-cold` can re-measure warm.
    rmSync(cacheDir, { recursive: true, force: true });
    phases.cold = await runChild('cold', options, args.profile);
  } else if (!existsSync(cacheDir)) {
    throw new Error(`--skip-cold 需要上一次冷扫描留下的缓存：${cacheDir}`);
  }
  // `--skip-cold` keeps the cold scan recorded last (with its date), so the results stay whole.
  const resultsPath = args.villages === 9 && args.households === 550 ? path.join(HERE, 'results.json') : path.join(TOWNSHIP_DIR, `results-${args.villages}x${args.households}.json`);
  let coldMeasuredOn: string | undefined;
  if (args.skipCold && existsSync(resultsPath)) {
    const previous = JSON.parse(readFileSync(resultsPath, 'utf8')) as { date: string; coldMeasuredOn?: string; phases?: BenchPhases };
    if (previous.phases?.cold) {
      phases.cold = previous.phases.cold;
      coldMeasuredOn = previous.coldMeasuredOn ?? previous.date;
    }
  }
  phases.warm = await runChild('warm', options, args.profile);

  const checks = checkTargets(phases, args.jobs);
  const cpus = os.cpus();
  const results = {
    date: new Date().toISOString(),
    machine: {
      cpu: cpus[0]?.model ?? 'unknown',
      cores: os.availableParallelism(),
      memoryGb: Math.round(os.totalmem() / 1073741824),
      platform: `${os.platform()} ${os.release()}`,
      node: process.version,
      loadAverageAtEnd: os.loadavg().map((n) => Math.round(n * 100) / 100),
    },
    township: { ...township, root: path.relative(process.cwd(), township.root) },
    jobs: args.jobs,
    pageCache: 'warm: the floor phase reads every file once before timing, and the township was just generated or read; the scans run after it',
    ...(coldMeasuredOn ? { coldMeasuredOn } : {}),
    parseFloorSeconds: parseFloorSeconds(phases.parseSample, args.jobs),
    phases,
    targets: checks,
  };
  // The committed results are the full-size township's; smaller check runs go beside the township.
  writeFileSync(resultsPath, JSON.stringify(results, null, 2) + '\n');
  const dup = Object.entries(township.byFormat)
    .map(([ext, f]) => `${ext} ${f.files}（重复 ${f.duplicates}）`)
    .join('，');
  console.log(`\n基准乡镇：${township.villages} 个村 × ${township.householdsPerVillage} 户，${township.people} 人，${township.files} 个文件，${(township.bytes / 1048576).toFixed(0)} MiB；${dup}`);
  console.log(`机器：${results.machine.cpu}，${results.machine.cores} 核，${results.machine.memoryGb} GB，Node ${process.version}；工作线程 ${args.jobs}\n`);
  console.log(markdownTable(phases, checks));
  console.log(`\n结果已写入 ${path.relative(process.cwd(), resultsPath)}`);
}

await main();
