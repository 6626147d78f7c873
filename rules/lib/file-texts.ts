import type { ArchiveFile, TextTable } from '../api.js';
import { blocksOf, columnAtOffset, rowBlockAt } from './content-blocks.js';

export interface TextPiece {
  text: string;
  location: string;
  page?: number;
  /** For a large worksheet's row (one piece, `Sheet!A7`): the cell an offset in the text stands in, `Sheet!D7`. */
  cellAt?: (offset: number) => string;
}

/**
 * A file's text in reading order: its blocks, then table cells whose text no block already carries
 * (extractors differ on whether a table's cells also come as blocks; a cell is read once either way).
 */
export function textPiecesOf(file: ArchiveFile): TextPiece[] {
  return [...eachTextPiece(file)];
}

/** textPiecesOf one piece at a time: a 1,000,000-row ledger's rows are never all held as pieces at once. */
export function* eachTextPiece(file: ArchiveFile): Generator<TextPiece> {
  const content = file.content;
  if (content === null) return;
  const hasRowBlocks = content.tables.some((t) => t.rowBlocksAt !== undefined);
  for (const b of blocksOf(content)) {
    const piece: TextPiece = { text: b.text, location: b.location, ...(b.page !== undefined ? { page: b.page } : {}) };
    const at = hasRowBlocks ? rowBlockAt(content, b.location) : null;
    if (at !== null) piece.cellAt = (offset) => cellLocation(at.table, at.row, columnAtOffset(at.table.rows[at.row], offset));
    yield piece;
  }
  // A worksheet whose cells the blocks carry (a block per cell, or per row of a large sheet, located `Sheet!A7`) adds
  // nothing: its table is skipped whole rather than looked up cell by cell (6 million lookups on a 1,000,000-row ledger).
  const sheetsInBlocks = new Set<string>();
  for (const table of content.tables) if (table.rowBlocksAt !== undefined) sheetsInBlocks.add(table.name);
  for (const block of content.blocks) {
    const bang = block.location.lastIndexOf('!');
    if (bang > 0) sheetsInBlocks.add(block.location.slice(0, bang));
  }
  let isInBlocks: ((text: string) => boolean) | null = null;
  for (const table of content.tables) {
    if (table.kind === 'sheet' && sheetsInBlocks.has(table.name)) continue;
    isInBlocks ??= blockTextIndex(content.blocks.map((b) => b.text));
    const inBlocks = isInBlocks;
    for (let r = 0; r < table.rows.length; r++) {
      const row = table.rows[r];
      for (let c = 0; c < row.length; c++) {
        const text = row[c].trim();
        // Merged cells repeat their value in every covered cell: count it once.
        const isRepeat = (c > 0 && row[c - 1].trim() === text) || (r > 0 && table.rows[r - 1][c]?.trim() === text);
        if (text === '' || isRepeat || inBlocks(text)) continue;
        yield { text, location: cellLocation(table, r, c), ...(table.page !== undefined ? { page: table.page } : {}) };
      }
    }
  }
}

/** Beyond this much block text a cell is looked up whole or by its separated parts only, never by substring search. */
const SUBSTRING_SEARCH_LIMIT = 200_000;

/**
 * Whether a cell's text already stands in the blocks. Most adapters emit every cell as a block, so a set answers
 * at once; a row written as one block (`a\tb`, `a,b`) is split on its separators. Substring search over all the
 * text is kept for small files only: for every cell of a large sheet it made the rule stage quadratic
 * (a 965k-row workbook never finished).
 */
function blockTextIndex(texts: string[]): (text: string) => boolean {
  const whole = new Set<string>();
  let length = 0;
  for (const text of texts) {
    length += text.length + 1;
    whole.add(text.trim());
    for (const part of text.split(/[\t,，;；|\s]+/)) if (part !== '') whole.add(part);
  }
  const joined = length <= SUBSTRING_SEARCH_LIMIT ? texts.join('\n') : null;
  return (text) => whole.has(text) || (joined !== null && joined.includes(text));
}

/** `Sheet1!B7` for a worksheet cell, `表格1 第2行第3列` for a document table's. */
export function cellLocation(table: TextTable, row: number, column: number): string {
  if (table.kind === 'sheet') return `${table.name}!${columnName(column)}${row + 1}`;
  return `${table.location || table.name} 第${row + 1}行第${column + 1}列`;
}

function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
