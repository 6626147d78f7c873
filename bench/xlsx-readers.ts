// npm run bench:xlsx — the own .xlsx reader (main/engine/extract/xlsx-fast.ts) against SheetJS (@e965/xlsx) on the
// bench township's workbooks: time per file for each, and whether SheetJS gives the same grids (cell texts as the
// scan sees them). Issue 18 asks to replace the own reader if SheetJS is within 1.5× of it. Results:
// bench/xlsx-readers-results.json.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as XLSX from '@e965/xlsx';
import { readXlsxFast } from '../main/engine/extract/xlsx-fast.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(HERE, '.township', 'township-9x550');
const limit = Number(process.argv[2] ?? 600);

const files: string[] = [];
const walk = (dir: string): void => {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (files.length >= limit) return;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith('.xlsx')) files.push(p);
  }
};
walk(root);
const workbooks = files.map((f) => readFileSync(f));

/** SheetJS's grid in the scan's terms: formatted text of each cell, rows and columns by position. */
function sheetJsGrids(bytes: Buffer): string[][][] {
  const wb = XLSX.read(bytes, { type: 'buffer', cellDates: true, dense: true });
  return wb.SheetNames.map((name) =>
    (XLSX.utils.sheet_to_json(wb.Sheets[name]!, { header: 1, raw: false, defval: '', blankrows: true }) as string[][]).map((row) => row.map(String)),
  );
}

function ownGrids(bytes: Buffer): string[][][] {
  return readXlsxFast(bytes).map((g) => g.rows.map((row) => Array.from(row, (t) => t ?? '')));
}

const trim = (grid: string[][]): string[][] => {
  const rows = grid.map((r) => {
    const copy = [...r];
    while (copy.length > 0 && copy[copy.length - 1] === '') copy.pop();
    return copy;
  });
  while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
  return rows;
};

function time(read: (b: Buffer) => unknown): number {
  // Warm up, then three rounds; the best round counts (a shared machine).
  for (const b of workbooks.slice(0, 20)) read(b);
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const start = performance.now();
    for (const b of workbooks) read(b);
    best = Math.min(best, performance.now() - start);
  }
  return best / workbooks.length;
}

const own = time(ownGrids);
const sheetJs = time(sheetJsGrids);
let same = 0;
const differences: string[] = [];
workbooks.forEach((bytes, i) => {
  const a = ownGrids(bytes).map(trim);
  const b = sheetJsGrids(bytes).map(trim);
  if (JSON.stringify(a) === JSON.stringify(b)) same++;
  else if (differences.length < 5) {
    const sheet = a.findIndex((g, s) => JSON.stringify(g) !== JSON.stringify(b[s]));
    const row = (a[sheet] ?? []).findIndex((r, k) => JSON.stringify(r) !== JSON.stringify(b[sheet]?.[k]));
    differences.push(`${path.relative(root, files[i]!)} 表${sheet + 1} 第${row + 1}行：自写 ${JSON.stringify(a[sheet]?.[row])} / SheetJS ${JSON.stringify(b[sheet]?.[row])}`);
  }
});
const result = {
  date: new Date().toISOString(),
  files: workbooks.length,
  bytes: workbooks.reduce((n, b) => n + b.length, 0),
  msPerFile: { own: Math.round(own * 100) / 100, sheetJs: Math.round(sheetJs * 100) / 100 },
  ratio: Math.round((sheetJs / own) * 10) / 10,
  sameGrids: same,
  differences,
};
writeFileSync(path.join(HERE, 'xlsx-readers-results.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
