// When a document was written, as far as its own dates tell. Birth dates say nothing about that (a
// 家庭基本情况表 lists members born in 1965 and 2015 and may carry no other date), so they are left out.
import type { ArchiveFile, DateMention, TextTable } from '../api.js';
import { latestDayOfMention } from './latest-day.js';

const BIRTH_LABEL = /出生|生日|生于/;
const BIRTH_BEFORE = /(?:出生|生日|生于)[^\d]{0,6}$/;
const BIRTH_AFTER = /^\s*(?:出生|生人|生)/;

/** The latest day the document's own dates (birth dates aside) can mean; null when it has none. */
export function latestDocumentDate(file: ArchiveFile): string | null {
  let latest: string | null = null;
  for (const mention of file.content?.dates ?? []) {
    if (isBirthDate(file, mention)) continue;
    const day = latestDayOfMention(mention);
    if (latest === null || day > latest) latest = day;
  }
  return latest;
}

/** Written as a birth date: `出生日期：1965-03-15`, `1965年3月出生`, or in a column or row headed 出生…. */
export function isBirthDate(file: ArchiveFile, mention: DateMention): boolean {
  const content = file.content;
  if (content === null) return false;
  for (const block of content.blocks) {
    if (block.location !== mention.location) continue;
    const at = block.text.indexOf(mention.text);
    if (at === -1) continue;
    if (BIRTH_BEFORE.test(block.text.slice(0, at)) || BIRTH_AFTER.test(block.text.slice(at + mention.text.length))) return true;
  }
  return content.tables.some((table) => isInBirthColumnOrRow(table, mention.location));
}

/** The cell's header: the nearest text above it without digits (a column title), or the nearest text to its left. */
function isInBirthColumnOrRow(table: TextTable, location: string): boolean {
  const cell = parseCellLocation(table, location);
  if (cell === null) return false;
  const { row, column } = cell;
  for (let r = row - 1; r >= 0; r--) {
    const text = (table.rows[r]?.[column] ?? '').trim();
    if (text === '' || /\d/.test(text)) continue;
    if (BIRTH_LABEL.test(text)) return true;
    break;
  }
  const cells = table.rows[row] ?? [];
  for (let c = column - 1; c >= 0; c--) {
    const text = (cells[c] ?? '').trim();
    if (text === '') continue;
    return BIRTH_LABEL.test(text);
  }
  return false;
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
