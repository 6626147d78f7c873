// .xlsx read straight from its XML with fflate and a forward scan: about ten times faster than exceljs,
// which builds a full workbook model (jszip, saxes, a Cell object per cell) to be read once.
// It gives exactly the grids exceljs gives (readWhole + cellValueToText), exceljs's quirks included; they are
// marked "exceljs:" where they are mirrored. A file with any shape not mirrored here throws
// FastXlsxUnsupported, and the adapter reads it with exceljs, which stays the reference.
import type { CellValue } from 'exceljs';
import { unzipSync, type Unzipped } from 'fflate';
import { cellValueToText } from './xlsx-cell-text.js';
import { parseRange, type MergeRange, type SheetGrid } from './sheet-grid.js';
import { FastXlsxUnsupported, unsupported, XmlReader, type Attributes } from './xlsx-xml.js';

export { FastXlsxUnsupported };

/** The bytes are not a zip archive at all (no end-of-central-directory record): exceljs could not open it either. */
export class CorruptZipError extends Error {}

const workbookPath = 'xl/workbook.xml';
const workbookRelsPath = 'xl/_rels/workbook.xml.rels';
const sharedStringsPath = 'xl/sharedStrings.xml';
const stylesPath = 'xl/styles.xml';
// exceljs: worksheets and their rels are recognised by these unanchored name patterns, whatever the workbook's
// rels say; a sheet whose part is named otherwise (or a chartsheet) is not read at all.
const worksheetPattern = /xl\/worksheets\/sheet(\d+)[.]xml/;
const worksheetRelsPattern = /xl\/worksheets\/_rels\/sheet(\d+)[.]xml.rels/;

/** exceljs strips one leading slash from entry names. */
function entryName(name: string): string {
  return name[0] === '/' ? name.slice(1) : name;
}

function isNeededEntry(rawName: string): boolean {
  if (rawName.endsWith('/')) return false;
  const name = entryName(rawName);
  return (
    name === workbookPath || name === workbookRelsPath || name === sharedStringsPath || name === stylesPath ||
    worksheetPattern.test(name) || worksheetRelsPattern.test(name)
  );
}

/** An end-of-central-directory record within the last 64 KB + 22 bytes: without one no zip reader can start. */
function hasEndOfCentralDirectory(bytes: Uint8Array): boolean {
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) return true;
  }
  return false;
}

function unzipParts(bytes: Uint8Array): Map<string, Uint8Array> {
  let files: Unzipped;
  try {
    files = unzipSync(bytes, { filter: (f) => isNeededEntry(f.name) });
  } catch (error) {
    // jszip accepts some archives fflate refuses (bytes before the first entry, for one): only a missing
    // directory record is certain to be corrupt for both.
    if (!hasEndOfCentralDirectory(bytes)) throw new CorruptZipError('no end of central directory');
    throw unsupported(`fflate: ${(error as Error).message}`);
  }
  const parts = new Map<string, Uint8Array>();
  for (const [name, data] of Object.entries(files)) parts.set(entryName(name), data);
  return parts;
}

const utf8 = new TextDecoder('utf-8');

/** A part's text, read piece by piece: the first piece and a function giving the next (null at the end). */
interface PartPieces {
  first: string;
  more: () => string | null;
}

const rowEnd = Buffer.from('</row>');
/** Pieces of about this many bytes: a 300 MB worksheet is read as ~20 strings, never as one. */
export const pieceBytes = 16 * 1024 * 1024;

/**
 * A worksheet's XML in pieces, each ending just after a `</row>` (a `<` can stand in no attribute or text, so no
 * token is cut, nor a UTF-8 character). A part with no `</row>` past the piece size is one piece.
 */
function partPieces(data: Uint8Array, size = pieceBytes): PartPieces {
  const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  let offset = 0;
  const take = (): string | null => {
    if (offset >= buffer.length) return null;
    let end = buffer.length;
    if (buffer.length - offset > size) {
      const cut = buffer.indexOf(rowEnd, offset + size);
      if (cut >= 0) end = cut + rowEnd.length;
    }
    const text = utf8.decode(buffer.subarray(offset, end));
    offset = end;
    return text;
  };
  return { first: take() ?? '', more: take };
}

function partText(parts: Map<string, Uint8Array>, name: string): string | null {
  const data = parts.get(name);
  return data ? utf8.decode(data) : null;
}

/** exceljs's utils.xmlDecode, applied a second time to some already decoded values (sheet names, `str` cells). */
function xmlDecodeAgain(text: string): string {
  return text.replace(/&([a-z]*);/g, (c) => {
    switch (c) {
      case '&lt;': return '<';
      case '&gt;': return '>';
      case '&amp;': return '&';
      case '&apos;': return "'";
      case '&quot;': return '"';
      default: return c;
    }
  });
}

// ---------------------------------------------------------------------------------------------------------
// Relationships and workbook

/** Relationship Id → Target (exceljs keys a plain object, so a missing Id is the key "undefined"). */
function readRelationships(xml: string): Map<string, string | undefined> {
  const targets = new Map<string, string | undefined>();
  const reader = new XmlReader(xml);
  while (reader.next()) {
    if (reader.kind !== 'open') continue;
    if (reader.depth === 1 && reader.name === 'Relationships') continue;
    // exceljs throws on anything else; a Relationship with children would confuse its list.
    if (reader.depth !== 2 || reader.name !== 'Relationship' || !reader.selfClosing) throw unsupported(`rels <${reader.name}>`);
    const attributes = reader.readAttributes();
    targets.set(String(attributes.get('Id')), attributes.get('Target'));
  }
  return targets;
}

interface SheetEntry {
  name: string;
  id: number;
  rId: string | undefined;
}

interface WorkbookPart {
  /** undefined without a `<sheets>` element. */
  sheets: SheetEntry[] | undefined;
  date1904: boolean;
}

function readWorkbook(xml: string): WorkbookPart {
  const reader = new XmlReader(xml);
  let sheets: SheetEntry[] | undefined;
  let date1904 = false;
  let inSheets = false;
  while (reader.next()) {
    if (reader.kind === 'close') {
      if (reader.depth === 1 && reader.name === 'sheets') inSheets = false;
      continue;
    }
    if (reader.kind !== 'open') continue;
    const { name, depth } = reader;
    if (depth === 1) {
      if (name !== 'workbook') throw unsupported(`workbook root <${name}>`);
    } else if (inSheets) {
      if (depth !== 3 || name !== 'sheet') throw unsupported(`<${name}> in <sheets>`);
      const attributes = reader.readAttributes();
      const sheetName = attributes.get('name');
      if (sheetName === undefined) throw unsupported('sheet without a name');
      sheets!.push({
        name: xmlDecodeAgain(sheetName),
        id: parseInt(attributes.get('sheetId') as string, 10),
        rId: attributes.get('r:id'),
      });
    } else if (name === 'sheets' || name === 'workbookPr') {
      // exceljs would find these at other depths too, and a second <sheets> replaces the first.
      if (depth !== 2) throw unsupported(`<${name}> at depth ${depth}`);
      if (name === 'workbookPr') {
        // exceljs: only "1" counts, not "true".
        date1904 = reader.readAttributes().get('date1904') === '1';
      } else {
        if (sheets) throw unsupported('two <sheets>');
        sheets = [];
        inSheets = !reader.selfClosing;
      }
    }
  }
  return { sheets, date1904 };
}

// ---------------------------------------------------------------------------------------------------------
// Shared strings

/** exceljs's shared string models: text, rich text runs, or `{}` for an `<si>` with neither. */
type SharedString = string | { richText: Array<{ text: string | undefined }> } | Record<string, never>;

/** exceljs's TextXform (shared strings and rich text runs, not plain inline strings) decodes `_xHHHH_`. */
function decodeEscapes(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

function readSharedStrings(xml: string): SharedString[] {
  const values: SharedString[] = [];
  const reader = new XmlReader(xml);
  let current: SharedString = {};
  let runs: Array<{ text: string | undefined }> | null = null;
  let run: { text: string | undefined } | null = null;
  let phoneticDepth = 0;
  let textParts: string[] | null = null;
  while (reader.next()) {
    const { kind, name, depth } = reader;
    if (kind === 'text') {
      if (textParts && phoneticDepth === 0) textParts.push(reader.text);
      continue;
    }
    if (phoneticDepth > 0) {
      // exceljs reads phonetic runs (rPh) into a model it then drops.
      if (kind === 'close' && depth === phoneticDepth - 1) phoneticDepth = 0;
      continue;
    }
    if (kind === 'open') {
      if (depth === 1) {
        if (name !== 'sst') throw unsupported(`shared strings root <${name}>`);
      } else if (depth === 2) {
        // exceljs throws on anything but <si> here.
        if (name !== 'si') throw unsupported(`<${name}> in <sst>`);
        current = {};
        runs = null;
      } else if (depth === 3) {
        if (name === 't') textParts = [];
        else if (name === 'r') run = { text: undefined };
        else if (name === 'rPh') phoneticDepth = depth;
        else if (name !== 'phoneticPr') throw unsupported(`<${name}> in <si>`);
      } else if (run && depth === 4) {
        if (name === 't') textParts = [];
        else if (name !== 'rPr') throw unsupported(`<${name}> in <r>`);
      } else if (!run || name === 't' || name === 'r') {
        // Only the run properties (fonts) nest deeper.
        throw unsupported(`<${name}> in <si>`);
      }
      continue;
    }
    // close
    if (depth === 1 && name === 'si') {
      values.push(current);
    } else if (name === 't' && textParts) {
      const text = decodeEscapes(textParts.join(''));
      textParts = null;
      // exceljs: a second <t> replaces the first; a run keeps its last <t>.
      if (run && depth === 3) run.text = text;
      else current = text;
    } else if (depth === 2 && name === 'r' && run) {
      // exceljs: runs after a plain <t> fail (it sets a property on a string).
      if (typeof current === 'string') throw unsupported('rich text after plain text');
      if (!runs) current = { richText: (runs = []) };
      runs.push(run);
      run = null;
    }
  }
  return values;
}

// ---------------------------------------------------------------------------------------------------------
// Styles: only what decides whether exceljs turns a number into a Date

// exceljs's built-in formats (defaultnumformats.js entries with an `f`); the CJK ids 27–36 and 50–58 have
// none there, so exceljs never reads them as dates.
const builtInFormats: Record<number, string> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?',
  13: '# ??/??', 14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM',
  20: 'h:mm', 21: 'h:mm:ss', 22: 'm/d/yy "h":mm', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)', 40: '#,##0.00 ;[Red](#,##0.00)', 45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0',
  48: '##0.0E+0', 49: '@',
};

/** exceljs's utils.isDateFmt: any of y m d h M s b outside quotes and brackets. */
function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

class StyleTable {
  private readonly dates: boolean[];

  /** `xfNumberFormats` null: a styles part exceljs could not index (it then fails on the first styled cell). */
  constructor(private readonly xfNumberFormats: number[] | null, customFormats: Map<number, string>) {
    this.dates = (xfNumberFormats ?? []).map((id) => Boolean(id) && isDateFormat(customFormats.get(id) || builtInFormats[id]));
  }

  /** exceljs: getStyleModel(id) then isDateFmt(style.numFmt); a numFmtId of 0 (or none) has no numFmt. */
  isDate(styleId: number): boolean {
    if (this.xfNumberFormats === null) throw unsupported('cell style without cellXfs');
    return this.dates[styleId] ?? false;
  }
}

function readStyles(xml: string): StyleTable {
  const reader = new XmlReader(xml);
  const customFormats = new Map<number, string>();
  let xfNumberFormats: number[] | null = null;
  let list: 'numFmts' | 'cellXfs' | null = null;
  let seenNumFmts = false;
  while (reader.next()) {
    const { kind, name, depth } = reader;
    if (kind === 'close') {
      if (depth === 1 && name === list) list = null;
      continue;
    }
    if (kind !== 'open') continue;
    if (depth === 1) {
      if (name !== 'styleSheet') throw unsupported(`styles root <${name}>`);
    } else if (depth === 2) {
      if (name === 'numFmts' || name === 'cellXfs') {
        if (name === 'numFmts' ? seenNumFmts : xfNumberFormats !== null) throw unsupported(`two <${name}>`);
        if (name === 'numFmts') seenNumFmts = true;
        else xfNumberFormats = [];
        list = reader.selfClosing ? null : name;
      }
    } else if (depth === 3 && list === 'numFmts') {
      if (name !== 'numFmt') throw unsupported(`<${name}> in <numFmts>`);
      const attributes = reader.readAttributes();
      const code = attributes.get('formatCode');
      if (code === undefined) throw unsupported('numFmt without formatCode');
      // exceljs drops the backslash of escaped characters.
      customFormats.set(parseInt(attributes.get('numFmtId') as string, 10), code.replace(/[\\](.)/g, '$1'));
    } else if (depth === 3 && list === 'cellXfs') {
      if (name !== 'xf') throw unsupported(`<${name}> in <cellXfs>`);
      xfNumberFormats!.push(parseInt(reader.readAttributes().get('numFmtId') as string, 10));
    } else if (list !== null && depth > 3 && name === 'xf') {
      throw unsupported('nested <xf>');
    } else if (depth > 2 && (name === 'numFmts' || name === 'cellXfs')) {
      throw unsupported(`<${name}> at depth ${depth}`);
    }
  }
  // exceljs keeps no cellXfs list when it is empty, and then fails on any styled cell.
  return new StyleTable(xfNumberFormats && xfNumberFormats.length > 0 ? xfNumberFormats : null, customFormats);
}

// ---------------------------------------------------------------------------------------------------------
// Worksheets

/** exceljs's utils.excelToDate. */
function excelToDate(value: unknown, date1904: boolean): Date {
  return new Date(Math.round((Number(value) - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

const maxRows = 1048576;
const maxColumns = 16384;
/** Merges covering more cells than this are left to exceljs (which builds a cell for each). */
const maxMergedCells = 2_000_000;

/** `B7` → 2 (exceljs reads only the column of a cell's r; the row comes from <row r>). */
function columnOf(address: string): number {
  const m = /^([A-Z]+)[0-9]+$/.exec(address);
  if (!m) throw unsupported(`cell address ${address}`);
  let col = 0;
  for (let i = 0; i < m[1].length; i++) col = col * 26 + (m[1].charCodeAt(i) - 64);
  if (col > maxColumns) throw unsupported(`column of ${address}`);
  return col;
}

interface SheetContext {
  sharedStrings: SharedString[] | null;
  styles: StyleTable | null;
  date1904: boolean;
  /** Cell address (as written in r) → hyperlink target. */
  hyperlinks: Map<string, string | undefined>;
}

/** cellValueToText for the values exceljs builds at run time, which its typings do not all allow (a link without text). */
function textOf(value: unknown): string {
  return cellValueToText(value as CellValue);
}

/** One `<c>` as exceljs's CellXform collects it. */
interface CellDraft {
  /** The r attribute as written (exceljs looks hyperlinks up by it). */
  address: string | undefined;
  type: string | undefined;
  styleId: number | undefined;
  formula: string | undefined;
  shareType: string | undefined;
  sharedIndex: string | undefined;
  ref: string | undefined;
  /** Text of <v> and of <t> outside runs, concatenated. */
  value: string | undefined;
  runs: Array<{ text: string | undefined }> | null;
}

/** A row slot exceljs keeps as a Null cell (styled, no value): row iteration skips it. */
const styledEmpty = null;
/** A cell covered by a merge (not its top-left): exceljs replaces its value and readWorksheet skips it. */
const coveredByMerge = false;
type Slot = string | typeof styledEmpty | typeof coveredByMerge;
/** exceljs drops a cell with neither value nor style before it reaches the row (type "Merge" in its parser). */
const droppedCell = Symbol('dropped cell');

type Capture = 'value' | 'formula' | 'run' | null;

/** Reads one worksheet part into rows of texts and merges, as readWorksheet reads exceljs's Worksheet. */
class SheetReader {
  private readonly rows = new Map<number, Slot[]>();
  private readonly merges: string[] = [];
  /** exceljs: shared formula index → the master cell's address, in document order. */
  private readonly sharedFormulaMasters = new Map<string, string | undefined>();
  private rowNumber = 0;
  private slots: Slot[] = [];
  private previousColumn = 0;

  constructor(private readonly context: SheetContext) {}

  read(xml: PartPieces): { rows: string[][]; merges: MergeRange[] } {
    const reader = new XmlReader(xml.first, xml.more);
    const seenSections = new Set<string>();
    let section: string | null = null;
    let cell: CellDraft | null = null;
    let capture: Capture = null;
    let run: { text: string | undefined } | null = null;
    let runDepth = 0;
    let fontDepth = 0;
    let runText: string[] = [];
    while (reader.next()) {
      const { kind, name, depth } = reader;
      if (kind === 'text') {
        if (capture === 'value') {
          if (cell!.runs) throw unsupported('text after rich text in a cell');
          cell!.value = cell!.value === undefined ? reader.text : cell!.value + reader.text;
        } else if (capture === 'formula') {
          cell!.formula = cell!.formula === undefined ? reader.text : cell!.formula + reader.text;
        } else if (capture === 'run') {
          runText.push(reader.text);
        }
        continue;
      }
      if (cell) {
        if (kind === 'open') {
          if (capture !== null) throw unsupported(`<${name}> inside cell text`);
          if (fontDepth > 0) {
            if (name === 'r' || name === 't') throw unsupported(`<${name}> in run properties`);
          } else if (run) {
            // exceljs's rich text run: <t> holds the text, <rPr> the font.
            if (depth !== runDepth + 1 || (name !== 't' && name !== 'rPr')) throw unsupported(`<${name}> in <r>`);
            if (name === 't') {
              capture = 'run';
              runText = [];
            } else if (!reader.selfClosing) {
              fontDepth = depth;
            }
          } else {
            switch (name) {
              case 'f': {
                const attributes = reader.readAttributes();
                cell.shareType = attributes.get('t');
                cell.sharedIndex = attributes.get('si');
                cell.ref = attributes.get('ref');
                capture = 'formula';
                break;
              }
              case 'v':
              case 't':
                capture = 'value';
                break;
              case 'is':
                break;
              case 'r':
                // exceljs fails on runs after plain text (it sets a property on a string).
                if (cell.value !== undefined) throw unsupported('rich text after plain text in a cell');
                run = { text: undefined };
                runDepth = depth;
                break;
              default:
                // exceljs's cell parser loses its place on other elements (phonetic runs, extLst).
                throw unsupported(`<${name}> in <c>`);
            }
          }
          continue;
        }
        // close inside a cell
        if (fontDepth > 0) {
          if (depth === fontDepth - 1) fontDepth = 0;
        } else if (run) {
          if (capture === 'run') {
            run.text = decodeEscapes(runText.join(''));
            capture = null;
          } else if (depth === runDepth - 1) {
            (cell.runs ??= []).push(run);
            run = null;
          }
        } else if (depth === 3) {
          this.placeCell(cell);
          cell = null;
        } else {
          capture = null;
        }
        continue;
      }
      if (kind === 'close') {
        if (section === 'sheetData' && depth === 2) this.rows.set(this.rowNumber, this.slots);
        else if (depth === 1 && name === section) section = null;
        continue;
      }
      // open, outside cells
      if (depth === 1) {
        if (name !== 'worksheet') throw unsupported(`worksheet root <${name}>`);
      } else if (section === 'sheetData') {
        if (depth === 3 && name === 'row') this.startRow(reader.readAttributes());
        else if (depth === 4 && name === 'c') cell = this.startCell(reader.readAttributes());
        else throw unsupported(`<${name}> in <sheetData>`);
      } else if (section === 'mergeCells') {
        if (depth !== 3 || name !== 'mergeCell') throw unsupported(`<${name}> in <mergeCells>`);
        const ref = reader.readAttributes().get('ref');
        if (ref === undefined) throw unsupported('mergeCell without ref');
        this.merges.push(ref);
      } else if (section === 'hyperlinks') {
        // Read beforehand by readHyperlinks.
      } else if (name === 'sheetData' || name === 'mergeCells' || name === 'hyperlinks') {
        // exceljs would find these lists at any depth, and a second one replaces the first.
        if (depth !== 2) throw unsupported(`<${name}> at depth ${depth}`);
        if (seenSections.has(name)) throw unsupported(`two <${name}>`);
        seenSections.add(name);
        section = reader.selfClosing ? null : name;
      }
    }
    // Merges first: their covered cells create rows that finishRows then lists.
    const merges = this.applyMerges();
    return { rows: this.finishRows(), merges };
  }

  private startRow(attributes: Attributes): void {
    const r = attributes.get('r');
    this.rowNumber = parseInt(r as string, 10);
    // exceljs fails on a row without r ("Invalid row number in model").
    if (!(this.rowNumber >= 1 && this.rowNumber <= maxRows)) throw unsupported(`row number ${r}`);
    // exceljs looks a styled row's style up, which fails where a cell's would.
    const style = attributes.get('s');
    if (style && parseInt(style, 10)) {
      if (!this.context.styles) throw unsupported('row style without a styles part');
      this.context.styles.isDate(parseInt(style, 10));
    }
    this.slots = [];
    this.previousColumn = 0;
  }

  private startCell(attributes: Attributes): CellDraft {
    const style = attributes.get('s');
    return {
      address: attributes.get('r'),
      type: attributes.get('t'),
      styleId: style ? parseInt(style, 10) : undefined,
      formula: undefined,
      shareType: undefined,
      sharedIndex: undefined,
      ref: undefined,
      value: undefined,
      runs: null,
    };
  }

  /** exceljs's Row model setter: a cell without r follows the previous placed cell. */
  private placeCell(cell: CellDraft): void {
    const text = this.cellText(cell);
    if (text === droppedCell) return;
    let column: number;
    if (cell.address) column = columnOf(cell.address);
    else if (this.previousColumn > 0 && this.previousColumn < maxColumns) column = this.previousColumn + 1;
    else throw unsupported('cell without r and no cell before it');
    this.previousColumn = column;
    // A second cell in the same column replaces the first.
    this.slots[column - 1] = text;
  }

  /** The cell's text, following exceljs's CellXform (parseClose, reconcile), Cell values and cellValueToText. */
  private cellText(cell: CellDraft): string | typeof styledEmpty | typeof droppedCell {
    const { context } = this;
    const isFormula = Boolean(cell.formula) || Boolean(cell.shareType);
    if (cell.runs && (isFormula || cell.type !== 'inlineStr')) throw unsupported('rich text outside an inline string');
    // exceljs looks the style of every styled cell up, valued or not.
    const isDate = cell.styleId ? (context.styles?.isDate(cell.styleId) ?? false) : false;
    const raw = cell.value;
    let value: unknown;
    if (isFormula) {
      let result: unknown;
      if (raw !== undefined) {
        if (cell.type === 'str') result = xmlDecodeAgain(raw);
        else if (cell.type === 'b') result = parseInt(raw, 10) !== 0;
        else if (cell.type === 'e') result = { error: raw };
        else result = parseFloat(raw);
      }
      // exceljs converts any result of a date-formatted formula cell, even text (which becomes an invalid Date).
      if (result !== undefined && isDate) result = excelToDate(result, context.date1904);
      let shareType = cell.shareType;
      let sharedFormula: string | undefined;
      if (shareType === 'shared') {
        if (cell.ref) {
          this.sharedFormulaMasters.set(String(cell.sharedIndex), cell.address);
        } else {
          sharedFormula = this.sharedFormulaMasters.get(String(cell.sharedIndex));
          shareType = undefined;
        }
      }
      const target = this.hyperlinkOf(cell);
      if (target) return textOf({ text: result, hyperlink: target });
      // exceljs's FormulaValue keeps only truthy fields: a result of 0 or FALSE reads as no result, and a cell
      // with neither formula text nor a found shared master reads as an object.
      const formulaValue: Record<string, unknown> = {};
      if (cell.formula) formulaValue.formula = cell.formula;
      if (result) formulaValue.result = result;
      if (cell.ref) formulaValue.ref = cell.ref;
      if (shareType) formulaValue.shareType = shareType;
      if (sharedFormula) formulaValue.sharedFormula = sharedFormula;
      return textOf(formulaValue);
    }
    if (raw !== undefined || cell.runs) {
      switch (cell.type) {
        case 's': {
          const index = parseInt(raw!, 10);
          if (context.sharedStrings) {
            value = context.sharedStrings[index];
            // exceljs fails reading `.richText` of the missing string.
            if (value === undefined) throw unsupported(`shared string ${raw} out of range`);
          } else {
            value = index;
          }
          break;
        }
        case 'str':
          value = xmlDecodeAgain(raw!);
          break;
        case 'inlineStr':
          value = cell.runs ? { richText: cell.runs } : raw;
          break;
        case 'b':
          value = parseInt(raw!, 10) !== 0;
          break;
        case 'e':
          value = { error: raw };
          break;
        default:
          value = parseFloat(raw!);
          if (isDate) value = excelToDate(value, context.date1904);
          break;
      }
    } else {
      const target = this.hyperlinkOf(cell);
      if (target) return textOf({ text: undefined, hyperlink: target });
      return cell.styleId ? styledEmpty : droppedCell;
    }
    const target = this.hyperlinkOf(cell);
    if (target) return textOf({ text: value, hyperlink: target });
    return textOf(value);
  }

  private hyperlinkOf(cell: CellDraft): string | undefined {
    return this.context.hyperlinks.size === 0 ? undefined : this.context.hyperlinks.get(String(cell.address));
  }

  /** exceljs's eachRow/eachCell: rows with any non-Null cell (covered cells count), texts of the others. */
  private finishRows(): string[][] {
    const rows: string[][] = [];
    const numbers = [...this.rows.keys()].sort((a, b) => a - b);
    for (const number of numbers) {
      const texts: string[] = [];
      let hasValues = false;
      this.rows.get(number)!.forEach((slot, index) => {
        if (slot === styledEmpty) return;
        hasValues = true;
        if (slot !== coveredByMerge) texts[index] = slot;
      });
      if (hasValues) rows[number - 1] = texts;
    }
    for (let r = 0; r < rows.length; r++) rows[r] ??= [];
    return rows;
  }

  /**
   * exceljs's _mergeCellsInternal: overlapping merges fail; every cell of a merge but its top-left one becomes
   * a Merge cell, creating its row. Runs before finishRows reads the slots.
   */
  private applyMerges(): MergeRange[] {
    const ranges: MergeRange[] = [];
    let mergedCells = 0;
    for (const ref of this.merges) {
      if (!/^[A-Z]+[1-9][0-9]*(:[A-Z]+[1-9][0-9]*)?$/.test(ref)) throw unsupported(`merge ${ref}`);
      const range = parseRange(ref);
      if (!range || range.c2 >= maxColumns || range.r2 >= maxRows) throw unsupported(`merge ${ref}`);
      for (const other of ranges) {
        if (range.r1 <= other.r2 && range.r2 >= other.r1 && range.c1 <= other.c2 && range.c2 >= other.c1) {
          throw unsupported(`overlapping merges ${ref}`);
        }
      }
      mergedCells += (range.r2 - range.r1 + 1) * (range.c2 - range.c1 + 1);
      if (mergedCells > maxMergedCells) throw unsupported('very large merges');
      ranges.push(range);
    }
    for (const range of ranges) {
      for (let r = range.r1; r <= range.r2; r++) {
        let slots = this.rows.get(r + 1);
        if (!slots) this.rows.set(r + 1, (slots = []));
        for (let c = range.c1; c <= range.c2; c++) {
          if (r === range.r1 && c === range.c1) slots[c] ??= styledEmpty;
          else slots[c] = coveredByMerge;
        }
      }
    }
    return ranges;
  }
}

/** Hyperlinks of a worksheet by cell address, resolved through the sheet's rels as exceljs does. */
function readHyperlinks(data: Uint8Array, loadRels: () => Map<string, string | undefined>): Map<string, string | undefined> {
  const links = new Map<string, string | undefined>();
  if (Buffer.from(data.buffer, data.byteOffset, data.byteLength).indexOf('<hyperlink') < 0) return links;
  const xml = partPieces(data);
  const reader = new XmlReader(xml.first, xml.more);
  let inList = false;
  let rels: Map<string, string | undefined> | null = null;
  while (reader.next()) {
    const { kind, name, depth } = reader;
    if (kind === 'close') {
      if (depth === 1 && name === 'hyperlinks') inList = false;
      continue;
    }
    if (kind !== 'open') continue;
    if (name === 'hyperlinks') {
      if (depth !== 2) throw unsupported(`<hyperlinks> at depth ${depth}`);
      inList = !reader.selfClosing;
      continue;
    }
    if (!inList) continue;
    if (depth !== 3 || name !== 'hyperlink') throw unsupported(`<${name}> in <hyperlinks>`);
    const attributes = reader.readAttributes();
    const rId = attributes.get('r:id');
    // exceljs keeps only links to a relationship (not those to a place in the workbook).
    if (!rId) continue;
    rels ??= loadRels();
    // exceljs fails reading the Target of a missing relationship.
    if (!rels.has(rId)) throw unsupported(`hyperlink ${rId} without a relationship`);
    links.set(String(attributes.get('ref')), rels.get(rId));
  }
  return links;
}

interface WorksheetPart {
  path: string;
  name: string;
  id: number;
}

/** exceljs's Worksheet name setter fails on these, which fails the whole workbook. */
function checkSheetName(name: string, others: readonly (WorksheetPart | undefined)[]): void {
  if (name === '' || name === 'History' || /[*?:/\\[\]]/.test(name) || /(^')|('$)/.test(name)) {
    throw unsupported(`sheet name ${name}`);
  }
  // exceljs truncates a longer name, and then finds the truncated name taken by the sheet itself.
  if (name.length > 31) throw unsupported(`sheet name ${name} longer than 31`);
  const lower = name.toLowerCase();
  if (others.some((other) => other && other.name.toLowerCase() === lower)) throw unsupported(`duplicate sheet name ${name}`);
}

/**
 * The worksheets exceljs's wb.worksheets lists, in its order: workbook sheets whose rel target is a parsed
 * worksheet part (chartsheets are not), placed at their sheetId, ordered as in the workbook. Hidden sheets count.
 */
function resolveWorksheets(
  parts: Map<string, Uint8Array>,
  sheets: SheetEntry[] | undefined,
  rels: Map<string, string | undefined>,
): WorksheetPart[] {
  const worksheetPaths = [...parts.keys()].filter((name) => worksheetPattern.test(name));
  const assigned = new Map<string, SheetEntry>();
  for (const sheet of sheets ?? []) {
    const key = String(sheet.rId);
    if (!rels.has(key)) continue;
    const target = rels.get(key);
    if (target === undefined) throw unsupported('workbook relationship without Target');
    const path = `xl/${target.replace(/^(\s|\/xl\/)+/, '')}`;
    // A later sheet pointing at the same part renames it.
    if (parts.has(path) && worksheetPattern.test(path)) assigned.set(path, sheet);
  }
  // exceljs's Workbook model setter: in zip order, each part becomes _worksheets[sheetId].
  const byId: Array<WorksheetPart | undefined> = [];
  for (const path of worksheetPaths) {
    const sheet = assigned.get(path);
    const name = sheet ? sheet.name : 'sheetundefined';
    checkSheetName(name, byId);
    const id = sheet?.id;
    if (id === undefined || !Number.isInteger(id) || id < 0) continue;
    if (id > 100_000) throw unsupported(`sheetId ${id}`);
    byId[id] = { path, name, id };
  }
  // exceljs: worksheets getter, _worksheets.slice(1) (a sheetId of 0 is lost) sorted by position in <sheets>.
  return byId
    .slice(1)
    .filter((part): part is WorksheetPart => part !== undefined)
    .map((part) => ({ part, order: sheets!.findIndex((s) => s.id === part.id) }))
    .sort((a, b) => a.order - b.order)
    .map(({ part }) => part);
}

/** The rels of a worksheet part: exceljs pairs them by the number in the names (the last such part wins). */
function worksheetRels(parts: Map<string, Uint8Array>, worksheetPath: string): Map<string, string | undefined> {
  const sheetNo = worksheetPattern.exec(worksheetPath)![1];
  let relsPath: string | undefined;
  for (const name of parts.keys()) if (worksheetRelsPattern.exec(name)?.[1] === sheetNo) relsPath = name;
  const xml = relsPath === undefined ? null : partText(parts, relsPath);
  return xml === null ? new Map() : readRelationships(xml);
}

/**
 * The workbook's sheets as exceljs's readWhole gives them. Throws CorruptZipError for bytes that are no zip,
 * FastXlsxUnsupported (or any error) for what it leaves to exceljs.
 */
/** `pieceSize` is for tests: how large the pieces a worksheet is read in may grow. */
export function readXlsxFast(bytes: Uint8Array, pieceSize = pieceBytes): SheetGrid[] {
  const parts = unzipParts(bytes);
  const workbookXml = partText(parts, workbookPath);
  // exceljs reads a package without xl/workbook.xml as a workbook without sheets.
  const workbook = workbookXml === null ? { sheets: undefined, date1904: false } : readWorkbook(workbookXml);
  const relsXml = partText(parts, workbookRelsPath);
  const rels = relsXml === null ? new Map<string, string | undefined>() : readRelationships(relsXml);
  const sharedStringsXml = partText(parts, sharedStringsPath);
  const stylesXml = partText(parts, stylesPath);
  const sharedStrings = sharedStringsXml === null ? null : readSharedStrings(sharedStringsXml);
  const styles = stylesXml === null ? null : readStyles(stylesXml);
  const listed = resolveWorksheets(parts, workbook.sheets, rels);
  // exceljs builds every worksheet part, listed or not, and fails on a bad one either way.
  const grids = new Map<string, ReturnType<SheetReader['read']>>();
  for (const path of parts.keys()) {
    if (!worksheetPattern.test(path)) continue;
    const data = parts.get(path)!;
    const hyperlinks = readHyperlinks(data, () => worksheetRels(parts, path));
    grids.set(path, new SheetReader({ sharedStrings, styles, date1904: workbook.date1904, hyperlinks }).read(partPieces(data, pieceSize)));
  }
  return listed.map(({ path, name }) => ({ name, ...grids.get(path)! }));
}
