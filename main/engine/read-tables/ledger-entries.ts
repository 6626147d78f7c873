// The dated entries of a village ledger: rows of a ledger sheet or table with a date column
// (日期, 走访时间, 识别时间 …), and dated paragraphs of a work log (`2023年3月5日 入户走访…`).
// A title's year, a print or 制表 date and a member's birth date are no entries.
import type { ExtractedContent, LedgerEntry, TextTable } from '../../../rules/api.js';
import { cellLocation } from '../../../rules/index.js';
import { findDates, parseDateText } from '../../../rules/index.js';

const dateHeader = /日期|时间|年月|时段/;
const notEntryHeader = /出生|生日|有效期|发证|入学|毕业|截止|期限|参保|办证/;
const notEntryText = /打印|制表|填表日期|填报日期|导出|报送日期/;
const headerSearchRows = 10;

const clean = (cell: string | undefined): string => (cell ?? '').normalize('NFKC').replace(/\s+/g, '');

function isEntryPrecision(precision: string): boolean {
  return precision === 'day' || precision === 'month';
}

/** The header row and its date columns, when the table has one within its first rows. */
function findDateColumns(table: TextTable): { header: number; columns: number[] } | null {
  for (let r = 0; r < Math.min(table.rows.length, headerSearchRows); r++) {
    const cells = table.rows[r].map(clean);
    if (cells.filter(Boolean).length < 2) continue;
    const columns = cells
      .map((c, i) => (c.length <= 12 && dateHeader.test(c) && !notEntryHeader.test(c) && !notEntryText.test(c) ? i : -1))
      .filter((i) => i >= 0);
    if (columns.length > 0) return { header: r, columns };
  }
  return null;
}

// Without a date column only cells written as dates count (`2023-03-05`, `2023年3月5日`), never a
// bare number, which is as likely an amount as an Excel date serial.
function isWrittenDate(cell: string): boolean {
  return /[年月\-/.]/.test(cell) && /\d/.test(cell);
}

function readTableEntries(table: TextTable): LedgerEntry[] {
  const entries: LedgerEntry[] = [];
  const found = findDateColumns(table);
  const firstRow = found ? found.header + 1 : 0;
  for (let r = firstRow; r < table.rows.length; r++) {
    const row = table.rows[r];
    if (row.some((c) => notEntryText.test(clean(c)))) continue;
    if (new Set(row.map(clean).filter(Boolean)).size < 2) continue;
    const columns = found ? found.columns : row.map((_, i) => i).filter((i) => isWrittenDate(clean(row[i])));
    let best: LedgerEntry | null = null;
    for (const c of columns) {
      const parsed = parseDateText(clean(row[c]));
      if (!parsed || !isEntryPrecision(parsed.precision)) continue;
      if (!best || parsed.date > best.date) best = { date: parsed.date, location: cellLocation(table, r, c) };
    }
    if (best) entries.push(best);
  }
  return entries;
}

// A log paragraph opens with its date, possibly after numbering or a label: `3. 2023年3月5日`, `日期：2023.3.5`.
const entryLead = /^(?:[\d一二三四五六七八九十]+[、.．)）]\s*|[（(][\d一二三四五六七八九十]+[)）]\s*)?(?:(?:日期|时间|走访时间|工作时间|记录时间)[:：]?\s*)?/u;
const partialDate = /^(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/u;

function readBlockEntries(content: ExtractedContent): LedgerEntry[] {
  const entries: LedgerEntry[] = [];
  const hasSheets = content.tables.some((t) => t.kind === 'sheet');
  const hasDocTables = content.tables.some((t) => t.kind === 'table');
  const title = clean(content.title ?? '');
  let year: number | null = Number(/(20\d{2})/.exec(content.title?.normalize('NFKC') ?? '')?.[1] ?? NaN) || null;
  for (const block of content.blocks) {
    // The same cells come as tables: read once, from the tables.
    if ((hasSheets && block.location.includes('!')) || (hasDocTables && block.location.startsWith('表格'))) continue;
    for (const raw of block.text.split(/\r?\n/)) {
      const line = raw.normalize('NFKC').trim();
      if (!line || clean(line) === title || notEntryText.test(line)) continue;
      const body = line.replace(entryLead, '');
      const mention = findDates([{ text: body, location: block.location }])[0];
      if (mention && body.startsWith(mention.text) && isEntryPrecision(mention.precision)) {
        entries.push({ date: mention.date, location: block.location });
        year = Number(mention.date.slice(0, 4));
        continue;
      }
      const partial = partialDate.exec(body);
      if (partial && year !== null) {
        const parsed = parseDateText(`${year}-${partial[1]}-${partial[2]}`);
        if (parsed) entries.push({ date: parsed.date, location: block.location });
      }
    }
  }
  return entries;
}

/** Dated entries of a ledger or work log, in document order; none for a scan. */
export function readLedgerEntries(content: ExtractedContent): LedgerEntry[] {
  if (content.isScan) return [];
  return [...content.tables.flatMap(readTableEntries), ...readBlockEntries(content)];
}
