// npm run bench:large — one very large spreadsheet and one very long PDF, each scanned alone in its own process
// (cold, no cache), for the rule stage's linearity and the memory budget: a 100,000-row and a 1,000,000-row .xlsx
// (time should grow about tenfold, not a hundredfold) and a 3,000-page work log; peak RSS ≤ 1 GB each.
// Results: bench/large-results.json and a table on stdout. The files are made once under bench/.large/.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import type { PhaseResult } from './phases.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const DIR = path.join(HERE, '.large');
const FONT = '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc';

async function makeSheet(rows: number): Promise<string> {
  const root = path.join(DIR, `sheet-${rows}`);
  const file = path.join(root, '红星村', '台账', `花名册${rows}行.xlsx`);
  if (existsSync(file)) return root;
  mkdirSync(path.dirname(file), { recursive: true });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const sheet = workbook.addWorksheet('花名册');
  sheet.addRow(['序号', '户主姓名', '人口', '户类型', '登记日期', '备注']).commit();
  for (let r = 1; r <= rows; r++) {
    const day = `2023-${String((r % 12) + 1).padStart(2, '0')}-${String((r % 28) + 1).padStart(2, '0')}`;
    sheet.addRow([r, `户主${r}`, (r % 6) + 1, r % 9 === 0 ? '贫困户' : '脱贫户', day, `第${r}户 入户核实`]).commit();
  }
  sheet.commit();
  await workbook.commit();
  return root;
}

async function makeLog(pages: number): Promise<string> {
  const root = path.join(DIR, `log-${pages}`);
  const file = path.join(root, '红星村', '台账', `驻村工作日志${pages}页.pdf`);
  if (existsSync(file)) return root;
  mkdirSync(path.dirname(file), { recursive: true });
  const doc = new PDFDocument({ size: 'A4', margin: 50 });
  const done = new Promise<void>((resolve) => doc.pipe(createWriteStream(file)).on('finish', () => resolve()));
  doc.registerFont('zh', FONT, 'WenQuanYiZenHei');
  doc.font('zh').fontSize(10);
  for (let p = 1; p <= pages; p++) {
    if (p > 1) doc.addPage();
    const day = new Date(Date.UTC(2015, 0, p)).toISOString().slice(0, 10);
    doc.fontSize(14).text(`驻村工作日志 第${p}页`).fontSize(10);
    for (let line = 1; line <= 30; line++) doc.text(`${day} 第${line}条：入户走访脱贫户，了解务工和收入情况，落实帮扶措施。`);
  }
  doc.end();
  await done;
  return root;
}

function scanAlone(root: string): Promise<PhaseResult> {
  // A cache of its own, emptied first: the user's cache would answer for a file read once before, and the scan
  // would not be cold.
  const cacheDir = path.join(DIR, 'cache');
  rmSync(cacheDir, { recursive: true, force: true });
  return new Promise((resolve, reject) => {
    const options = { root, jobs: 2, asOf: '2023-09-30', cacheDir };
    const child = spawn(process.execPath, [...process.execArgv, path.join(HERE, 'phases.ts'), 'cold', JSON.stringify(options)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
      if (code !== 0 || !line) return reject(new Error(`扫描 ${root} 失败（退出码 ${code}）`));
      resolve(JSON.parse(line.slice('BENCH_RESULT '.length)) as PhaseResult);
    });
  });
}

const cases: Array<[string, () => Promise<string>]> = [
  // The fixed cost of any scan (workers, libraries), which the small sheet's time carries and the large one's hides.
  ['xlsx 10 行', () => makeSheet(10)],
  ['xlsx 100,000 行', () => makeSheet(100_000)],
  ['xlsx 1,000,000 行', () => makeSheet(1_000_000)],
  ['pdf 3,000 页', () => makeLog(3000)],
];
const results: Record<string, { seconds: number; peakRssMb: number; stages?: Record<string, number>; unreadable?: number; findings?: number }> = {};
for (const [name, make] of cases) {
  console.error(`→ ${name}：生成…`);
  const root = await make();
  console.error(`→ ${name}：扫描…`);
  const r = await scanAlone(root);
  results[name] = { seconds: r.wallSeconds, peakRssMb: Math.max(r.peakRssMb, r.osMaxRssMb), stages: r.stages, unreadable: r.unreadable, findings: r.findings };
}
const fixed = results['xlsx 10 行']!.seconds;
const small = results['xlsx 100,000 行']!.seconds;
const large = results['xlsx 1,000,000 行']!.seconds;
const summary = {
  date: new Date().toISOString(),
  results,
  // Time may grow with the rows, not faster: ten times the rows in at most ten times the time. The wording
  // (100k ≤ 1/8 of 1M) also asks the ratio to stay above 8, which fixed start-up costs (workers, libraries: ~2 s)
  // break once the big sheet reads fast; both are recorded.
  linear: {
    ratio: Math.round((large / small) * 10) / 10,
    target: '1M 行用时 ≤ 10 × 100k 行用时（不比行数增长得快）',
    met: large <= small * 10,
    asWorded: { target: '100k 行 ≤ 1/8 × 1M 行的用时', met: small <= large / 8 },
    // Net of the 10-row sheet's time: what the rows themselves cost.
    netRatio: Math.round(((large - fixed) / (small - fixed)) * 10) / 10,
    fixedSeconds: fixed,
  },
  memory: { target: '每个 ≤ 1024 MB', met: Object.values(results).every((r) => r.peakRssMb <= 1024) },
};
writeFileSync(path.join(HERE, 'large-results.json'), JSON.stringify(summary, null, 2) + '\n');
console.log('| 文件 | 用时（秒） | 峰值 RSS（MB） | 逐项检查（秒） |\n| --- | ---: | ---: | ---: |');
for (const [name, r] of Object.entries(results)) console.log(`| ${name} | ${r.seconds} | ${r.peakRssMb} | ${r.stages?.evaluate?.toFixed(1) ?? '—'} |`);
console.log(`\n1M 行 / 100k 行用时比 ${summary.linear.ratio}，去掉 10 行小表的固定开销 ${fixed} 秒后 ${summary.linear.netRatio}（线性为 10）；内存${summary.memory.met ? '达标' : '超标'}。`);
