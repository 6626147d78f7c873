// .xls / .et (BIFF, inside an OLE container) with SheetJS; also the HTML or CSV tables that
// web systems export under an .xls name.
import type { CellObject, WorkSheet } from '@e965/xlsx';
import type { ExtractedContent } from '../../../rules/api.js';
import { excelSerialToDate } from '../../../rules/index.js';
import { UnreadableError, type ExtractorAdapter } from './adapter.js';
import { decodeText, isGarbageText } from './decode-text.js';
import { extensionOf } from './file-name.js';
import { unreadableMessages } from './messages.js';
import { formatCellNumber, gridsToContent, type SheetGrid } from './sheet-grid.js';
import { isEncryptedOoxml, isOle, looksLikeText } from './sniff.js';
import { loadOnce } from './load-once.js';

const loadXlsx = loadOnce(() => import('@e965/xlsx'));

const spreadsheetExts = ['xls', 'xlt', 'et', 'ett', 'xlsx', 'xlsm'];

function cellText(cell: CellObject | undefined, date1904: boolean, isDate: (format: string) => boolean): string {
  if (!cell || cell.v === undefined || cell.v === null) return '';
  if (cell.t === 'n' && typeof cell.v === 'number') {
    // Dates come as serial numbers: converting them ourselves avoids SheetJS's local-time dates.
    if (cell.z && isDate(String(cell.z))) return excelSerialToDate(cell.v, date1904) ?? formatCellNumber(cell.v);
    return formatCellNumber(cell.v);
  }
  if (cell.t === 'b') return cell.v ? 'TRUE' : 'FALSE';
  if (cell.t === 'e') return cell.w ?? '#ERROR';
  if (cell.v instanceof Date) return cell.v.toISOString().slice(0, 10);
  return String(cell.v).trim();
}

function readSheet(name: string, ws: WorkSheet, date1904: boolean, isDate: (f: string) => boolean): SheetGrid {
  const rows: string[][] = [];
  const dense = (ws as { '!data'?: CellObject[][] })['!data'];
  if (dense) {
    dense.forEach((row, r) => {
      rows[r] = (row ?? []).map((cell) => cellText(cell, date1904, isDate));
    });
  } else {
    for (const [address, cell] of Object.entries(ws)) {
      if (address.startsWith('!')) continue;
      const m = /^([A-Z]+)(\d+)$/.exec(address);
      if (!m) continue;
      let col = 0;
      for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
      const r = Number(m[2]) - 1;
      (rows[r] ??= [])[col - 1] = cellText(cell as CellObject, date1904, isDate);
    }
  }
  for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  const merges = (ws['!merges'] ?? []).map((m) => ({ r1: m.s.r, c1: m.s.c, r2: m.e.r, c2: m.e.c }));
  return { name, rows, merges };
}

export async function extractXls(bytes: Buffer, ext: string): Promise<ExtractedContent> {
  if (isEncryptedOoxml(bytes)) throw new UnreadableError('encrypted', unreadableMessages.encrypted(ext));
  // An HTML or CSV export under an .xls name is text: decoded as every text file is (SheetJS would take UTF-8 or
  // GBK for Latin-1); random bytes are not text, though SheetJS reads them as CSV.
  const text = isOle(bytes) ? null : decodeText(bytes);
  if (text !== null && isGarbageText(text)) throw new UnreadableError('corrupt', unreadableMessages.corrupt(ext));
  const XLSX = await loadXlsx();
  let grids: SheetGrid[];
  try {
    const options = { cellDates: false, cellNF: true, cellHTML: false, dense: true } as const;
    const wb = text === null ? XLSX.read(bytes, { type: 'buffer', ...options }) : XLSX.read(text, { type: 'string', ...options });
    const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
    const isDate = (format: string): boolean => Boolean(XLSX.SSF.is_date(format));
    grids = wb.SheetNames.map((name) => readSheet(name, wb.Sheets[name], date1904, isDate));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/password|encrypt/i.test(message)) throw new UnreadableError('encrypted', unreadableMessages.encrypted(ext));
    throw new UnreadableError('corrupt', unreadableMessages.corrupt(ext));
  }
  if (grids.length === 0) throw new UnreadableError('corrupt', unreadableMessages.corrupt(ext));
  return { format: 'xls', ...gridsToContent(grids), dates: [] };
}

export const xlsAdapter: ExtractorAdapter = {
  name: 'xls',
  // 2: random bytes are a damaged file, not text.
  // 3: a sheet of over a million cells keeps its row blocks in its table (rowBlocksAt), not in the blocks.
  version: 3,
  extensions: ['xls', 'xlt', 'et', 'ett'],
  // An OLE workbook under any spreadsheet name; a text file under an .xls/.et name (HTML or CSV export).
  accepts: (head, ext) =>
    spreadsheetExts.includes(ext) && (isOle(head) || (['xls', 'et'].includes(ext) && looksLikeText(head))),
  extract: (bytes, fileName) => extractXls(bytes, extensionOf(fileName)),
};
