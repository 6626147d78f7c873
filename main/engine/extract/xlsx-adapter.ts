// .xlsx (and .et saved as OOXML): one grid per sheet. Read by the fast reader (xlsx-fast.ts), with exceljs
// behind it for the shapes the fast reader leaves alone; big files through exceljs's streaming reader.
import { Readable } from 'node:stream';
import type { Cell, Workbook, Worksheet } from 'exceljs';
import type { ExtractedContent } from '../../../rules/api.js';
import { assertOfficeZipWithinLimits } from './office-zip-limits.js';
import { UnreadableError, type ExtractorAdapter } from './adapter.js';
import { extensionOf } from './file-name.js';
import { unreadableMessages } from './messages.js';
import { gridsToContent, parseRange, type SheetGrid } from './sheet-grid.js';
import { isZip } from './sniff.js';
import { cellValueToText } from './xlsx-cell-text.js';
import { loadOnce } from './load-once.js';

export { cellValueToText };

const loadExcelJs = loadOnce(() => import('exceljs'));
const loadFastReader = loadOnce(() => import('./xlsx-fast.js'));

/**
 * Above this the streaming reader is used. The fast reader holds the unzipped XML, but the grid and one text block
 * per cell cost more than that either way: a county export of 100,000 people × 100 columns (34 MB) reads in 19 s
 * at 2.5 GB with the fast reader, and in 90 s at 3.5 GB streaming (bench:export), past the per-file time limit.
 */
export const streamingThresholdBytes = 40 * 1024 * 1024;

function readWorksheet(ws: Worksheet): SheetGrid {
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const texts: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell: Cell, colNumber) => {
      // Covered cells of a merge report the master's value; the merge list repeats it instead.
      if (cell.isMerged && cell.master !== cell) return;
      texts[colNumber - 1] = cellValueToText(cell.value);
    });
    rows[rowNumber - 1] = texts;
  });
  for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  const merges = ((ws.model as { merges?: string[] }).merges ?? []).map(parseRange).filter((m) => m !== null);
  return { name: ws.name, rows, merges };
}

/** exceljs's whole-workbook model: the reference the fast reader is held to. */
export async function readWhole(bytes: Buffer): Promise<SheetGrid[]> {
  const { default: ExcelJS } = await loadExcelJs();
  const wb: Workbook = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets.map(readWorksheet);
}

/**
 * Past this many cells a streamed workbook is read no further: a 1,000,000-row ledger (6 million cells) took 90 s and
 * 2.3 GB and then timed out, so nothing of it was checked. The first rows are checked and the report says the rest
 * was not. The largest real input, a county's export of 100,000 people × 100 columns, is under the streaming
 * threshold and read whole by the fast reader.
 */
export const maxStreamedCells = 2_000_000;

/** The streaming reader skips merge lists: merged values then stand only in their first cell. */
async function readStreaming(bytes: Buffer, maxCells = maxStreamedCells): Promise<{ grids: SheetGrid[]; truncatedAt: number | null }> {
  const { default: ExcelJS } = await loadExcelJs();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const grids: SheetGrid[] = [];
  let cells = 0;
  let rowsRead = 0;
  let truncatedAt: number | null = null;
  for await (const sheet of reader) {
    const rows: string[][] = [];
    for await (const row of sheet) {
      const texts: string[] = [];
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        texts[colNumber - 1] = cellValueToText(cell.value);
        cells++;
      });
      rows[row.number - 1] = texts;
      rowsRead++;
      if (cells >= maxCells) {
        truncatedAt = rowsRead;
        break;
      }
    }
    for (let r = 0; r < rows.length; r++) rows[r] ??= [];
    grids.push({ name: (sheet as unknown as { name: string }).name, rows, merges: [] });
    if (truncatedAt !== null) break;
  }
  return { grids, truncatedAt };
}

/**
 * The fast reader, else exceljs: the fast reader throws on any shape it does not mirror (and on anything
 * unexpected), and exceljs then gives what it always gave. Only bytes that are no zip at all skip exceljs.
 */
async function readSmall(bytes: Buffer): Promise<SheetGrid[] | null> {
  const { readXlsxFast, CorruptZipError } = await loadFastReader();
  try {
    return readXlsxFast(bytes);
  } catch (error) {
    if (error instanceof CorruptZipError) return null;
  }
  return readWhole(bytes);
}

/** `streaming` forces the reader choice (tests), `maxCells` its cell limit; by default it follows the file size. */
export async function extractXlsx(
  bytes: Buffer,
  ext: string,
  streaming = bytes.length > streamingThresholdBytes,
  maxCells = maxStreamedCells,
): Promise<ExtractedContent> {
  assertOfficeZipWithinLimits(bytes);
  let grids: SheetGrid[] | null;
  let truncatedAt: number | null = null;
  try {
    if (streaming) ({ grids, truncatedAt } = await readStreaming(bytes, maxCells));
    else grids = await readSmall(bytes);
  } catch {
    grids = null;
  }
  if (grids === null) throw new UnreadableError('corrupt', unreadableMessages.corrupt(ext));
  return { format: 'xlsx', ...gridsToContent(grids), dates: [], ...(truncatedAt !== null ? { truncated: { rowsRead: truncatedAt } } : {}) };
}

export const xlsxAdapter: ExtractorAdapter = {
  name: 'xlsx',
  // 2: read by the fast reader (same grids; the version guards against any difference it might still have).
  // 3: a streamed workbook stops at maxStreamedCells and says so.
  // 4: a sheet of over a million cells keeps its row blocks in its table (rowBlocksAt), not in the blocks.
  version: 4,
  extensions: ['xlsx', 'xlsm', 'xltx'],
  // WPS saves .et files as OOXML too; an .xls that is really an .xlsx is read as one.
  accepts: (head, ext) => isZip(head) && ['xlsx', 'xlsm', 'xltx', 'et', 'ett', 'xls'].includes(ext),
  extract: (bytes, fileName) => extractXlsx(bytes, extensionOf(fileName)),
};
