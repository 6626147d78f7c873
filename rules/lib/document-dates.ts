// When a document was written, as far as its own dates tell. Birth dates say nothing about that (a
// 家庭基本情况表 lists members born in 1965 and 2015 and may carry no other date), so they are left out.
import type { ArchiveFile, DateMention, TextBlock, TextTable } from '../api.js';
import { datesOf, rowBlockAt, rowBlockText } from './content-blocks.js';
import { cellLocation } from './file-texts.js';
import { latestDayOfMention } from './latest-day.js';

const BIRTH_LABEL = /出生|生日|生于/;
const BIRTH_BEFORE = /(?:出生|生日|生于)[^\d]{0,6}$/;
const BIRTH_AFTER = /^\s*(?:出生|生人|生)/;

/** The latest day the document's own dates (birth dates aside) can mean; null when it has none. */
export function latestDocumentDate(file: ArchiveFile): string | null {
  let latest: string | null = null;
  if (file.content === null) return null;
  const index = indexFile(file);
  for (const mention of datesOf(file.content)) {
    if (isBirthDate(file, mention, index)) continue;
    const day = latestDayOfMention(mention);
    if (latest === null || day > latest) latest = day;
  }
  return latest;
}

/**
 * What the birth-date test looks up, built once per file: scanning every block, or walking up a column of dates
 * to its header, for each date made long documents (a 3,000-page work log, a large dated sheet) quadratic.
 */
interface FileIndex {
  blocksAt: Map<string, TextBlock[]>;
  /** Per table and column: for each row, whether the nearest text above without digits is a birth label. */
  birthAbove: Map<TextTable, Map<number, boolean[]>>;
}

function indexFile(file: ArchiveFile): FileIndex {
  const blocksAt = new Map<string, TextBlock[]>();
  // Only the blocks a stored date stands in are looked up (a sheet's 600,000 cells hold 100,000 dates).
  const dated = new Set((file.content?.dates ?? []).map((d) => d.location));
  for (const block of file.content?.blocks ?? []) {
    if (!dated.has(block.location)) continue;
    const list = blocksAt.get(block.location);
    if (list) list.push(block);
    else blocksAt.set(block.location, [block]);
  }
  return { blocksAt, birthAbove: new Map() };
}

/** Written as a birth date: `出生日期：1965-03-15`, `1965年3月出生`, or in a column or row headed 出生…. */
function isBirthDate(file: ArchiveFile, mention: DateMention, index: FileIndex): boolean {
  const content = file.content;
  if (content === null) return false;
  // A date in a large worksheet's row block (`Sheet!A7`, the whole row) stands in the first cell holding its text.
  const inRow = rowBlockAt(content, mention.location);
  const texts = inRow === null ? (index.blocksAt.get(mention.location) ?? []).map((b) => b.text) : [rowBlockText(inRow.table.rows[inRow.row])];
  for (const text of texts) {
    const at = text.indexOf(mention.text);
    if (at === -1) continue;
    if (BIRTH_BEFORE.test(text.slice(0, at)) || BIRTH_AFTER.test(text.slice(at + mention.text.length))) return true;
  }
  const column = inRow === null ? -1 : inRow.table.rows[inRow.row].findIndex((cell) => cell.includes(mention.text));
  const cell = column <= 0 ? mention.location : cellLocation(inRow!.table, inRow!.row, column);
  return content.tables.some((table) => isInBirthColumnOrRow(table, cell, index));
}

/** The cell's header: the nearest text above it without digits (a column title), or the nearest text to its left. */
function isInBirthColumnOrRow(table: TextTable, location: string, index: FileIndex): boolean {
  const cell = parseCellLocation(table, location);
  if (cell === null) return false;
  const { row, column } = cell;
  if (birthAboveOf(table, column, index)[row] === true) return true;
  const cells = table.rows[row] ?? [];
  for (let c = column - 1; c >= 0; c--) {
    const text = (cells[c] ?? '').trim();
    if (text === '') continue;
    return BIRTH_LABEL.test(text);
  }
  return false;
}

/** One pass down a column: for each row, the verdict of the nearest digit-free text above it (undefined: none). */
function birthAboveOf(table: TextTable, column: number, index: FileIndex): boolean[] {
  let byColumn = index.birthAbove.get(table);
  if (!byColumn) index.birthAbove.set(table, (byColumn = new Map()));
  let above = byColumn.get(column);
  if (above) return above;
  above = new Array<boolean>(table.rows.length);
  let verdict: boolean | undefined;
  table.rows.forEach((cells, r) => {
    if (verdict !== undefined) above![r] = verdict;
    const text = (cells[column] ?? '').trim();
    if (text !== '' && !/\d/.test(text)) verdict = BIRTH_LABEL.test(text);
  });
  byColumn.set(column, above);
  return above;
}

/** Row and column (0-based) of `Sheet1!B7` or `表格1 第2行第3列` when it names a cell of this table. */
function parseCellLocation(table: TextTable, location: string): { row: number; column: number } | null {
  if (table.kind === 'sheet') {
    const m = /^(.*)!([A-Z]+)(\d+)$/.exec(location);
    if (m === null || m[1] !== table.name) return null;
    const column = [...m[2]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    return { row: Number(m[3]) - 1, column };
  }
  const m = /^(.*) 第(\d+)行第(\d+)列$/.exec(location);
  if (m === null || m[1] !== (table.location || table.name)) return null;
  return { row: Number(m[2]) - 1, column: Number(m[3]) - 1 };
}
