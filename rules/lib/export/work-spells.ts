// 务工 spells as the 务工 workbook writes them (`2024年03月`, `202403`, `2024-03`): month precision, first day.
import type { ExportRow } from '../../api.js';

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** `YYYY-MM-01` from a month cell (`202406`, `2024-06-15`, `2024/6/1`, `2024年06月`, an Excel serial), or null. */
export function parseMonth(text: string): string | null {
  const s = text.normalize('NFKC').trim();
  // An Excel date serial (days since 1899-12-30) where the cell held a date without a format.
  if (/^\d{5}(\.\d+)?$/.test(s) && Number(s) >= 20000 && Number(s) <= 80000) {
    const date = new Date(EXCEL_EPOCH_MS + Math.floor(Number(s)) * 86_400_000);
    return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-01`;
  }
  const m = /^(\d{4})\s*[-/.年]?\s*(\d{1,2})/.exec(s);
  if (!m) return null;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? `${m[1]}-${String(month).padStart(2, '0')}-01` : null;
}

export interface Spell {
  row: ExportRow;
  start: string;
  /** null: still working. */
  end: string | null;
}

export function spellsOf(rows: ExportRow[]): Spell[] {
  return rows
    .map((row) => ({ row, start: parseMonth(row.get('务工开始时间')), end: parseMonth(row.get('务工结束时间')) }))
    .filter((s): s is Spell => s.start !== null)
    .sort((a, b) => a.start.localeCompare(b.start));
}
