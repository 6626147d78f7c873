// .xlsx (and .et saved as OOXML) with exceljs: one grid per sheet; big files through the streaming reader.
import { Readable } from 'node:stream';
import type { Cell, CellValue, Workbook, Worksheet } from 'exceljs';
import type { ExtractedContent } from '../../../rules/api.js';
import { UnreadableError, type ExtractorAdapter } from './adapter.js';
import { extensionOf } from './file-name.js';
import { unreadableMessages } from './messages.js';
import { formatCellDate, formatCellNumber, gridsToContent, parseRange, type SheetGrid } from './sheet-grid.js';
import { isZip } from './sniff.js';

// Loaded on first use, once per thread (an import() per file costs a module lookup each time).
const loadExcelJs = () => import('exceljs');
let exceljsModule: ReturnType<typeof loadExcelJs> | undefined;

/** Above this the whole-workbook model costs too much memory; the streaming reader is used instead. */
export const streamingThresholdBytes = 5 * 1024 * 1024;

/** A cell's text as the clerk sees it: formula results, rich text joined, dates as YYYY-MM-DD. */
export function cellValueToText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return formatCellNumber(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return formatCellDate(value);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join('').trim();
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: unknown }).result;
      if (result !== null && typeof result === 'object' && 'error' in result) return String((result as { error: string }).error);
      return cellValueToText(result as CellValue | undefined);
    }
    if ('text' in value) return cellValueToText((value as { text: CellValue }).text);
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

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

async function readWhole(bytes: Buffer): Promise<SheetGrid[]> {
  const { default: ExcelJS } = await (exceljsModule ??= loadExcelJs());
  const wb: Workbook = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets.map(readWorksheet);
}

/** The streaming reader skips merge lists: merged values then stand only in their first cell. */
async function readStreaming(bytes: Buffer): Promise<SheetGrid[]> {
  const { default: ExcelJS } = await (exceljsModule ??= loadExcelJs());
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const grids: SheetGrid[] = [];
  for await (const sheet of reader) {
    const rows: string[][] = [];
    for await (const row of sheet) {
      const texts: string[] = [];
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        texts[colNumber - 1] = cellValueToText(cell.value);
      });
      rows[row.number - 1] = texts;
    }
    for (let r = 0; r < rows.length; r++) rows[r] ??= [];
    grids.push({ name: (sheet as unknown as { name: string }).name, rows, merges: [] });
  }
  return grids;
}

/** `streaming` forces the reader choice (tests); by default it follows the file size. */
export async function extractXlsx(bytes: Buffer, ext: string, streaming = bytes.length > streamingThresholdBytes): Promise<ExtractedContent> {
  let grids: SheetGrid[];
  try {
    grids = streaming ? await readStreaming(bytes) : await readWhole(bytes);
  } catch {
    throw new UnreadableError('corrupt', unreadableMessages.corrupt(ext));
  }
  return { format: 'xlsx', ...gridsToContent(grids), dates: [] };
}

export const xlsxAdapter: ExtractorAdapter = {
  name: 'xlsx',
  version: 1,
  extensions: ['xlsx', 'xlsm', 'xltx'],
  // WPS saves .et files as OOXML too; an .xls that is really an .xlsx is read as one.
  accepts: (head, ext) => isZip(head) && ['xlsx', 'xlsm', 'xltx', 'et', 'ett', 'xls'].includes(ext),
  extract: (bytes, fileName) => extractXlsx(bytes, extensionOf(fileName)),
};
