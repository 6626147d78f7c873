// A file's blocks and dates as readers see them: the stored ones, with the rows of large worksheets among them,
// made one at a time as they are read (TextTable.rowBlocksAt) instead of held as a second copy of every cell.
import type { DateMention, ExtractedContent, TextBlock, TextTable } from '../api.js';
import { datesInText, eachDate } from './find-dates.js';

/** The content's blocks in reading order: the stored ones, and each large worksheet's rows where they stand. */
export function* blocksOf(content: ExtractedContent): Generator<TextBlock> {
  const large = content.tables.filter((t) => t.rowBlocksAt !== undefined);
  if (large.length === 0) {
    yield* content.blocks;
    return;
  }
  let next = 0;
  for (let i = 0; i <= content.blocks.length; i++) {
    while (next < large.length && large[next].rowBlocksAt! <= i) yield* rowBlocksOf(large[next++]);
    if (i < content.blocks.length) yield content.blocks[i];
  }
}

/** A large worksheet's rows as blocks: `Sheet!A7`, the row's non-empty cells joined by a tab; empty rows left out. */
export function* rowBlocksOf(table: TextTable): Generator<TextBlock> {
  const prefix = `${table.name}!A`;
  for (let r = 0; r < table.rows.length; r++) {
    const text = rowBlockText(table.rows[r]);
    if (text !== '') yield { text, location: prefix + (r + 1) };
  }
}

/** The text of a large worksheet's row as its block carries it. */
export function rowBlockText(row: readonly string[]): string {
  let text = '';
  for (const cell of row) {
    if (cell === '' || cell === undefined) continue;
    text = text === '' ? cell : `${text}\t${cell}`;
  }
  return text;
}

/** The column of a row whose block text (rowBlockText) has `offset` in it: the cell a word found in the row stands in. */
export function columnAtOffset(row: readonly string[], offset: number): number {
  let at = 0;
  let last = 0;
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (cell === '' || cell === undefined) continue;
    last = c;
    // The cell's text and the tab after it.
    if (offset < at + cell.length + 1) return c;
    at += cell.length + 1;
  }
  return last;
}

/** The large worksheet and 0-based row when `location` is one of this content's row blocks (`Sheet!A7`), else null. */
export function rowBlockAt(content: ExtractedContent, location: string): { table: TextTable; row: number } | null {
  const bang = location.lastIndexOf('!A');
  if (bang < 0) return null;
  const name = location.slice(0, bang);
  const table = content.tables.find((t) => t.rowBlocksAt !== undefined && t.name === name);
  const row = Number(location.slice(bang + 2)) - 1;
  if (table === undefined || !Number.isInteger(row) || row < 0 || table.rows[row] === undefined) return null;
  return { table, row };
}

/** Every date of the content: the stored ones, then those in large worksheets' rows. */
export function* datesOf(content: ExtractedContent): Generator<DateMention> {
  yield* content.dates;
  for (const table of content.tables) {
    if (table.rowBlocksAt === undefined) continue;
    if (table.rowDates === undefined) {
      yield* eachDate(rowBlocksOf(table));
      continue;
    }
    const { rows, mentions, pool } = table.rowDates;
    const prefix = `${table.name}!A`;
    for (let i = 0; i < rows.length; i++) {
      const { date, precision, text } = pool[mentions[i]];
      yield { date, precision, location: prefix + (rows[i] + 1), text };
    }
  }
}

/** The dates in a large worksheet's rows, for TextTable.rowDates: each distinct date and text kept once. */
export function findRowDates(table: TextTable): NonNullable<TextTable['rowDates']> {
  const rows: number[] = [];
  const mentions: number[] = [];
  const pool: Array<Omit<DateMention, 'location'>> = [];
  const ids = new Map<string, number>();
  const found: DateMention[] = [];
  for (let r = 0; r < table.rows.length; r++) {
    const text = rowBlockText(table.rows[r]);
    if (text === '') continue;
    datesInText(text, '', found);
    for (const mention of found) {
      const key = `${mention.date}|${mention.precision}|${mention.text}`;
      let id = ids.get(key);
      if (id === undefined) {
        id = pool.length;
        ids.set(key, id);
        pool.push({ date: mention.date, precision: mention.precision, text: mention.text });
      }
      rows.push(r);
      mentions.push(id);
    }
    found.length = 0;
  }
  return { rows, mentions, pool };
}
