// Reads 家庭收入测算表 files into one IncomeTable per year. Forms differ: a sheet per year or a file per
// year, Word tables, labels in rows (amount to the right) or in a header row (amounts below, possibly a
// row per year), amounts in 元 or 万元. Items are named through rules/data/income-synonyms.yaml; the
// tables are read as written, never recomputed.
import type { ArchiveFile, IncomeItems, IncomeTable, TextTable } from '../../../rules/api.js';
import type { IncomeVocabulary } from '../config/rule-data/load-data-tables.js';
import { normalizeLabel } from '../vocabulary/normalize-label.js';
import { findYearInTable, findYearOfFile, readYearCell } from './find-table-year.js';
import { COUNT_ITEMS, makeIncomeLabelMatcher, sumParts, type IncomeLabel, type IncomeLabelMatcher } from '../vocabulary/income-labels.js';
import { parseAmount } from '../vocabulary/parse-amount.js';

interface ReadItems {
  items: IncomeItems;
  parts: Array<{ item: string; partOf: string }>;
}

interface YearTable {
  /** Null when the table itself does not say; the caller falls back to the file's year. */
  year: number | null;
  items: IncomeItems;
}

function tableScale(table: TextTable): number {
  const says万元 = table.rows.some((row) =>
    row.some((cell) => /单位[:：]?万元|^(金额|数额|金额合计|收入)?\(万元\)$/.test(normalizeLabel(cell ?? ''))),
  );
  return says万元 ? 10000 : 1;
}

function addItem(read: ReadItems, label: IncomeLabel, amount: number): void {
  if (read.items[label.item] !== undefined) return;
  read.items[label.item] = amount;
  if (label.partOf) read.parts.push({ item: label.item, partOf: label.partOf });
}

function scaleFor(label: IncomeLabel, tableDefault: number): number {
  if (COUNT_ITEMS.has(label.item)) return 1;
  return label.scale !== 1 ? label.scale : tableDefault;
}

/** Labels in a header row with amounts in the row(s) below; a 年度 column gives each row its year. */
function readColumnLayout(table: TextTable, match: IncomeLabelMatcher, scale: number): YearTable[] | null {
  for (let r = 0; r < Math.min(table.rows.length - 1, 15); r++) {
    const header = table.rows[r];
    const labels: Array<{ index: number; label: IncomeLabel }> = [];
    header.forEach((cell, index) => {
      const label = match(cell);
      if (label && !labels.some((l) => l.label.item === label.item)) labels.push({ index, label });
    });
    if (labels.length < 2) continue;
    const below = table.rows[r + 1] ?? [];
    const withAmount = labels.filter((l) => parseAmount(below[l.index]) !== null).length;
    if (withAmount * 2 < labels.length) continue;
    const yearColumn = header.findIndex((cell) => /^(年度|年份)$/.test(normalizeLabel(cell ?? '')));
    const result: YearTable[] = [];
    for (const row of table.rows.slice(r + 1)) {
      const read: ReadItems = { items: {}, parts: [] };
      for (const { index, label } of labels) {
        const amount = parseAmount(row[index], scaleFor(label, scale));
        if (amount !== null) addItem(read, label, amount);
      }
      if (Object.keys(read.items).length === 0) break;
      result.push({ year: yearColumn >= 0 ? readYearCell(row[yearColumn]) : null, items: sumParts(read.items, read.parts) });
      if (yearColumn < 0) break;
    }
    return result;
  }
  return null;
}

/** Labels down a column, each amount in a cell to its right (or in per-year columns under a year heading). */
function readRowLayout(table: TextTable, match: IncomeLabelMatcher, scale: number): YearTable[] {
  let yearColumns: Array<{ index: number; year: number }> = [];
  const byYear = new Map<number | null, ReadItems>();
  const readFor = (year: number | null): ReadItems => {
    let read = byYear.get(year);
    if (!read) byYear.set(year, (read = { items: {}, parts: [] }));
    return read;
  };
  for (const row of table.rows) {
    const years = row.map((cell, index) => ({ index, year: readYearCell(cell) })).filter((c) => c.year !== null);
    if (years.length >= 2) {
      yearColumns = years as Array<{ index: number; year: number }>;
      continue;
    }
    for (let i = 0; i < row.length; i++) {
      const label = match(row[i]);
      if (!label || (i > 0 && row[i - 1] === row[i])) continue;
      const cellScale = scaleFor(label, scale);
      if (yearColumns.length > 0 && yearColumns.every((c) => c.index > i)) {
        for (const { index, year } of yearColumns) {
          const amount = parseAmount(row[index], cellScale);
          if (amount !== null) addItem(readFor(year), label, amount);
        }
        break;
      }
      for (let j = i + 1; j < row.length; j++) {
        if (row[j] === row[i] || !row[j]?.trim()) continue;
        const amount = parseAmount(row[j], cellScale);
        if (amount !== null) {
          addItem(readFor(null), label, amount);
          break;
        }
        if (match(row[j])) break;
      }
    }
  }
  return [...byYear.entries()]
    .filter(([, read]) => Object.keys(read.items).length > 0)
    .map(([year, read]) => ({ year, items: sumParts(read.items, read.parts) }));
}

function readTable(table: TextTable, match: IncomeLabelMatcher): YearTable[] {
  const scale = tableScale(table);
  const tables = readColumnLayout(table, match, scale) ?? readRowLayout(table, match, scale);
  const ownYear = findYearInTable(table);
  return tables.map((t) => ({ ...t, year: t.year ?? ownYear }));
}

function isMoneyTable(items: IncomeItems): boolean {
  return Object.keys(items).some((k) => !COUNT_ITEMS.has(k));
}

export function readIncomeTables(file: ArchiveFile, vocab: IncomeVocabulary): IncomeTable[] {
  if (!file.content) return [];
  const match = makeIncomeLabelMatcher(vocab);
  const result: IncomeTable[] = [];
  let fileYear: number | null | undefined;
  for (const table of file.content.tables) {
    for (const found of readTable(table, match)) {
      if (!isMoneyTable(found.items)) continue;
      if (found.year === null) fileYear = fileYear === undefined ? findYearOfFile(file) : fileYear;
      const year = found.year ?? fileYear;
      if (year === null || year === undefined) continue;
      const existing = result.find((t) => t.year === year);
      // Two tables of one year in a file (a summary and a detail): keep the fuller one.
      if (existing && Object.keys(existing.items).length >= Object.keys(found.items).length) continue;
      const entry: IncomeTable = { path: file.path, year, location: table.location || table.name, items: found.items };
      if (existing) result.splice(result.indexOf(existing), 1, entry);
      else result.push(entry);
    }
  }
  return result.sort((a, b) => a.year - b.year);
}
