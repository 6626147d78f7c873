// Worksheets of an .xlsx, read in pieces (a 300 MB sheet is never one string, nor, inflated as it is read, one
// buffer), into the grids exceljs gives: cells, merges, hyperlinks, exceljs's quirks mirrored. Part of the fast reader
// (xlsx-fast.ts).
import type { CellValue } from 'exceljs';
import { Inflate } from 'fflate';
import { cellValueToText } from './xlsx-cell-text.js';
import { parseRange, type MergeRange } from './sheet-grid.js';
import { decodeEscapes, type SharedString } from './xlsx-shared-strings.js';
import type { StyleTable } from './xlsx-styles.js';
import { unsupported, XmlReader, type Attributes } from './xlsx-xml.js';

const utf8 = new TextDecoder('utf-8');

/** A part's text, read piece by piece: the first piece and a function giving the next (null at the end). */
export interface PartPieces {
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
export function partPieces(data: Uint8Array, size = pieceBytes): PartPieces {
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

/**
 * A deflated worksheet inflated as it is read, in pieces of about `size` bytes each ending after a `</row>` as
 * partPieces cuts them: a 1,000,000-row sheet (300 MB of XML) is never held inflated whole.
 */
export function inflatedPieces(compressed: Uint8Array, size = pieceBytes): PartPieces {
  const chunks: Uint8Array[] = [];
  let held = 0;
  let fed = 0;
  let ended = false;
  const inflate = new Inflate((chunk, final) => {
    if (chunk.length > 0) {
      chunks.push(chunk);
      held += chunk.length;
    }
    if (final) ended = true;
  });
  const feedBytes = 1 << 20;
  const feed = (): boolean => {
    if (fed >= compressed.length) {
      // The stream's end was not in the data: a truncated part, which exceljs cannot read either.
      if (!ended) throw new Error('deflate stream ends early');
      return false;
    }
    const end = Math.min(compressed.length, fed + feedBytes);
    inflate.push(compressed.subarray(fed, end), end === compressed.length);
    fed = end;
    return true;
  };
  const take = (): string | null => {
    while (held < size && !ended && feed()) {
      // inflate up to a piece
    }
    for (;;) {
      if (held === 0 && ended) return null;
      const joined = join(chunks, held);
      const buffer = Buffer.from(joined.buffer, joined.byteOffset, joined.byteLength);
      let end = buffer.length;
      if (!ended) {
        const cut = buffer.lastIndexOf(rowEnd);
        // No row ends in what is inflated so far: inflate more rather than cut a token.
        if (cut < 0) {
          chunks.length = 0;
          chunks.push(joined);
          feed();
          continue;
        }
        end = cut + rowEnd.length;
      }
      chunks.length = 0;
      held = buffer.length - end;
      if (held > 0) chunks.push(joined.subarray(end));
      return utf8.decode(buffer.subarray(0, end));
    }
  };
  return { first: take() ?? '', more: take };
}

function join(chunks: Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const joined = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    joined.set(chunk, at);
    at += chunk.length;
  }
  return joined;
}

/** exceljs's utils.xmlDecode, applied a second time to some already decoded values (sheet names, `str` cells). */
export function xmlDecodeAgain(text: string): string {
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


/** exceljs's utils.excelToDate. */
function excelToDate(value: unknown, date1904: boolean): Date {
  return new Date(Math.round((Number(value) - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

const maxRows = 1048576;
const maxColumns = 16384;
/** Distinct short texts a sheet's reader keeps to share (a sheet's own numbering would fill it to no use). */
const maxInterned = 50_000;
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
  return ownCopy(cellValueToText(value as CellValue));
}

/**
 * The text as a string of its own. V8 cuts a substring of 13 characters or more as a view into its parent: a cell's
 * text would keep its whole 16 MB piece of the sheet's XML alive, and a 1,000,000-row sheet all of its pieces (a
 * 300 MB worksheet held twice over, as UTF-16). Joining makes a new string, and slicing that keeps only the join.
 */
function ownCopy(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
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
export class SheetReader {
  /**
   * Row number - 1 → its slots, each row cut to its size when it closes; finishRows turns them into texts in place
   * (a 1,000,000-row sheet's rows are not built twice, nor kept in a map).
   */
  private readonly rows: Array<Slot[] | undefined> = [];
  private readonly merges: string[] = [];
  /** exceljs: shared formula index → the master cell's address, in document order. */
  private readonly sharedFormulaMasters = new Map<string, string | undefined>();
  private rowNumber = 0;
  private slots: Slot[] = [];
  private previousColumn = 0;
  /** The sheet lists hyperlinks (a reader given none must read it again with them). */
  hasHyperlinks = false;

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
        // A row number seen before replaces that row (as exceljs's model does).
        if (section === 'sheetData' && depth === 2) this.rows[this.rowNumber - 1] = this.slots.slice();
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
        // Read beforehand by readHyperlinks; a sheet read without them is read again with them.
        this.hasHyperlinks = true;
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
    this.slots[column - 1] = text === null ? text : this.intern(text);
  }

  /** Repeated short texts (是/否, 脱贫户, a village's name, a date) held once: a ledger repeats them down its rows. */
  private readonly interned = new Map<string, string>();

  private intern(text: string): string {
    if (text.length > 12) return text;
    const known = this.interned.get(text);
    if (known !== undefined) return known;
    if (this.interned.size < maxInterned) this.interned.set(text, text);
    return text;
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

  /**
   * exceljs's eachRow/eachCell: rows with any non-Null cell (covered cells count), texts of the others, holes where
   * a cell has none. Turns the slots into texts in place.
   */
  private finishRows(): string[][] {
    const rows = this.rows;
    let count = 0;
    for (let r = 0; r < rows.length; r++) {
      const slots = rows[r];
      if (slots === undefined) continue;
      let hasValues = false;
      let length = 0;
      for (let c = 0; c < slots.length; c++) {
        if (!(c in slots)) continue;
        const slot = slots[c];
        if (slot === styledEmpty) {
          delete slots[c];
          continue;
        }
        hasValues = true;
        if (slot === coveredByMerge) delete slots[c];
        else length = c + 1;
      }
      if (!hasValues) {
        delete rows[r];
        continue;
      }
      slots.length = length;
      count = r + 1;
    }
    rows.length = count;
    for (let r = 0; r < rows.length; r++) rows[r] ??= [];
    return rows as string[][];
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
        let slots = this.rows[r];
        if (!slots) this.rows[r] = slots = [];
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
export function readHyperlinks(xml: PartPieces, loadRels: () => Map<string, string | undefined>): Map<string, string | undefined> {
  const links = new Map<string, string | undefined>();
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
