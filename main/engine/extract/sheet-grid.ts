// Shared shape of spreadsheet readers: a grid of cell texts per sheet, merges repeated over their range,
// one block per cell at `Sheet!B7`, and the sheet's title row.
import type { TextBlock, TextTable } from '../../../rules/api.js';

/** 0-based, inclusive. */
export interface MergeRange {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export interface SheetGrid {
  name: string;
  /** Row-major texts with A1 at rows[0][0]; may be ragged. */
  rows: string[][];
  merges: MergeRange[];
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** `B7` → [6, 1]. */
export function parseCellAddress(address: string): [number, number] | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(address.toUpperCase());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]) - 1, col - 1];
}

/** `A1:D1` → range. */
export function parseRange(ref: string): MergeRange | null {
  const [from, to = from] = ref.split(':');
  const a = parseCellAddress(from);
  const b = parseCellAddress(to);
  if (!a || !b) return null;
  return { r1: Math.min(a[0], b[0]), c1: Math.min(a[1], b[1]), r2: Math.max(a[0], b[0]), c2: Math.max(a[1], b[1]) };
}

const numberFormat = new Intl.NumberFormat('en-US', { useGrouping: false, maximumSignificantDigits: 15 });

/** Plain digits as Excel shows them in a General cell: 15 significant digits, never an exponent. */
export function formatCellNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return numberFormat.format(value);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A date cell as `YYYY-MM-DD` (plus ` HH:mm` when it has a time; only `HH:mm` for a pure time). */
export function formatCellDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const minutes = date.getUTCHours() * 60 + date.getUTCMinutes();
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
  if (day === '1899-12-30' || day === '1899-12-31') return time;
  return minutes === 0 ? day : `${day} ${time}`;
}

interface GridContent {
  title: string | null;
  blocks: TextBlock[];
  tables: TextTable[];
}

/** Above this many cells a sheet's text blocks are per row, not per cell. */
export const LARGE_SHEET_CELLS = 1_000_000;

/**
 * Tables with merged values repeated, blocks for each non-empty cell (merged ones once), and the title. The grids
 * become the tables: their rows are filled in place, not copied (a copy of a 1,000,000-row sheet is ~400 MB more).
 */
export function gridsToContent(grids: readonly SheetGrid[]): GridContent {
  const blocks: TextBlock[] = [];
  const tables: TextTable[] = [];
  let title: string | null = null;
  grids.forEach((grid, index) => {
    const rows = grid.rows;
    for (let r = 0; r < rows.length; r++) rows[r] ??= [];
    const covered = new Set<string>();
    for (const m of grid.merges) {
      const value = rows[m.r1]?.[m.c1] ?? '';
      for (let r = m.r1; r <= m.r2; r++) {
        while (rows.length <= r) rows.push([]);
        for (let c = m.c1; c <= m.c2; c++) {
          if (r === m.r1 && c === m.c1) continue;
          rows[r][c] = value;
          covered.add(`${r},${c}`);
        }
      }
    }
    const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
    for (const row of rows) for (let c = 0; c < width; c++) row[c] ??= '';
    if (index === 0) title = titleOf(rows);
    // A block per cell, as a clerk reads a sheet; a sheet as large as a county's export (millions of cells) gets a
    // block per row instead (`Sheet!A7`, cells joined by a tab): the same text for the content checks, a fiftieth of
    // the objects to build and hand back from the worker. Without merged cells those row blocks are not stored at
    // all: readers make them from the rows (TextTable.rowBlocksAt, rules/lib/content-blocks.ts).
    const perRow = rows.length * width > LARGE_SHEET_CELLS;
    if (perRow && grid.merges.length === 0) {
      tables.push({ name: grid.name, kind: 'sheet', rows, location: grid.name, rowBlocksAt: blocks.length });
      return;
    }
    rows.forEach((row, r) => {
      const texts: string[] = [];
      row.forEach((text, c) => {
        if (text === '' || covered.has(`${r},${c}`)) return;
        if (perRow) texts.push(text);
        else blocks.push({ text, location: `${grid.name}!${columnName(c)}${r + 1}` });
      });
      if (perRow && texts.length > 0) blocks.push({ text: texts.join('\t'), location: `${grid.name}!A${r + 1}` });
    });
    tables.push({ name: grid.name, kind: 'sheet', rows, location: grid.name });
  });
  return { title, blocks, tables };
}

/**
 * A sheet's title: its first text in reading order (of its first row, if that has any). A cell a merge covers never
 * comes first: its merge's top-left cell, holding the same text, comes before it.
 */
function titleOf(rows: readonly string[][]): string | null {
  let text: string | undefined;
  for (let r = 0; text === undefined && r < rows.length; r++) text = rows[r].find((t) => t !== '');
  return text === undefined ? null : text.replace(/\s+/g, ' ').trim();
}
