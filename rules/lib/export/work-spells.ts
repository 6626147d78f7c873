// 务工 spells as the 务工 workbook writes them (`2024年03月`, `202403`, `2024-03`): month precision, first day.
import type { ExportRow } from '../../api.js';

/** `YYYY-MM-01` from a month cell, or null. */
export function parseMonth(text: string): string | null {
  const m = /^(\d{4})\s*[-/.年]?\s*(\d{1,2})/.exec(text.normalize('NFKC').trim());
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
