// Finds the header row of an export sheet (below any title rows) and which column holds what.
import type { ExportVocabulary } from '../config/rule-data/load-data-tables.js';
import { makeIncomeLabelMatcher, type IncomeLabel } from './income-labels.js';
import { NUMBERED_COLUMNS } from './column-names.js';
import { buildLookup, normalizeLabel, stripUnit } from './normalize-label.js';

export interface ColumnMap {
  /** Canonical system column → its (first) column index. */
  system: Map<string, number>;
  /** Numbered columns (致贫返贫风险 1…5) → their indices in order. */
  numbered: Map<string, number[]>;
  income: Array<{ index: number; label: IncomeLabel }>;
  /** How many cells of the row were recognised. */
  matched: number;
}

export type HeaderCell = { kind: 'system'; name: string; numbered: boolean } | { kind: 'income'; label: IncomeLabel };

const headerMatchers = new WeakMap<ExportVocabulary, (cell: string) => HeaderCell | null>();

/** One matcher per vocabulary: every household's 基本情况表 is matched with the same lookups, built once. */
export function makeHeaderMatcher(vocab: ExportVocabulary): (cell: string) => HeaderCell | null {
  let matcher = headerMatchers.get(vocab);
  if (matcher === undefined) headerMatchers.set(vocab, (matcher = buildHeaderMatcher(vocab)));
  return matcher;
}

function buildHeaderMatcher(vocab: ExportVocabulary): (cell: string) => HeaderCell | null {
  const system = buildLookup(vocab.systemColumns);
  const income = makeIncomeLabelMatcher(vocab);
  return (cell) => {
    const { label } = stripUnit(normalizeLabel(cell ?? ''));
    if (!label) return null;
    const direct = system.get(label);
    if (direct !== undefined) return { kind: 'system', name: direct, numbered: NUMBERED_COLUMNS.has(direct) };
    const base = system.get(label.replace(/\d{1,2}$/, ''));
    if (base !== undefined && NUMBERED_COLUMNS.has(base)) return { kind: 'system', name: base, numbered: true };
    const item = income(cell);
    return item && !item.partOf ? { kind: 'income', label: item } : null;
  };
}

export function mapColumns(row: string[], match: (cell: string) => HeaderCell | null): ColumnMap {
  const map: ColumnMap = { system: new Map(), numbered: new Map(), income: [], matched: 0 };
  row.forEach((cell, index) => {
    const hit = match(cell);
    if (!hit) return;
    if (hit.kind === 'income') {
      if (map.income.some((c) => c.label.item === hit.label.item)) return;
      map.income.push({ index, label: hit.label });
    } else if (hit.numbered) {
      const list = map.numbered.get(hit.name) ?? [];
      // A merged header cell repeats its text; the same text twice is one column, not two risks.
      if (list.length && normalizeLabel(row[list[list.length - 1]]) === normalizeLabel(cell)) return;
      list.push(index);
      map.numbered.set(hit.name, list);
    } else {
      if (map.system.has(hit.name)) return;
      map.system.set(hit.name, index);
    }
    map.matched++;
  });
  return map;
}

/** The row among the first `scanRows` that names the most known columns (at least 3), with its map. */
export function findHeaderRow(
  rows: string[][],
  match: (cell: string) => HeaderCell | null,
  scanRows = 10,
): { index: number; columns: ColumnMap } | null {
  let best: { index: number; columns: ColumnMap } | null = null;
  for (let i = 0; i < Math.min(scanRows, rows.length); i++) {
    const columns = mapColumns(rows[i] ?? [], match);
    if (columns.matched >= 3 && (!best || columns.matched > best.columns.matched)) best = { index: i, columns };
  }
  return best;
}
