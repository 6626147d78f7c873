// .xlsx read straight from its XML with fflate and a forward scan: about ten times faster than exceljs,
// which builds a full workbook model (jszip, saxes, a Cell object per cell) to be read once.
// It gives exactly the grids exceljs gives (readWhole + cellValueToText), exceljs's quirks included; they are
// marked "exceljs:" where they are mirrored. A file with any shape not mirrored here throws
// FastXlsxUnsupported, and the adapter reads it with exceljs, which stays the reference.
// Split by concept: this file the package (zip parts, workbook, relationships, which sheets); xlsx-shared-strings.ts,
// xlsx-styles.ts, xlsx-sheet.ts (cells, merges, hyperlinks, read in pieces) and xlsx-xml.ts (the scanner). Kept,
// rather than read through SheetJS, because it is 2.3× faster on the same grids (bench/xlsx-readers-results.json).
import { unzipSync, type Unzipped } from 'fflate';
import type { SheetGrid } from './sheet-grid.js';
import { inflatedPieces, partPieces, pieceBytes, readHyperlinks, SheetReader, xmlDecodeAgain, type PartPieces } from './xlsx-sheet.js';
import { readSharedStrings } from './xlsx-shared-strings.js';
import { readStyles } from './xlsx-styles.js';
import { FastXlsxUnsupported, unsupported, XmlReader } from './xlsx-xml.js';

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

/**
 * Where the end-of-central-directory record starts, within the last 64 KB + 22 bytes, or -1: without one no zip
 * reader can start.
 */
function endOfCentralDirectory(bytes: Uint8Array): number {
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) return i;
  }
  return -1;
}

/** Worksheets larger than this (inflated) are inflated as they are read, never whole. */
export const streamPartBytes = 16 * 1024 * 1024;

/** A part not inflated with the others: a large worksheet, opened (inflated piece by piece) each time it is read. */
interface StreamedPart {
  open(pieceSize: number): PartPieces;
}

type Part = Uint8Array | StreamedPart;

function unzipParts(bytes: Uint8Array, streamAbove: number): Map<string, Part> {
  let files: Unzipped;
  const streamed: string[] = [];
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (!isNeededEntry(f.name)) return false;
        if (f.originalSize <= streamAbove || !worksheetPattern.test(entryName(f.name))) return true;
        streamed.push(f.name);
        return false;
      },
    });
  } catch (error) {
    // jszip accepts some archives fflate refuses (bytes before the first entry, for one): only a missing
    // directory record is certain to be corrupt for both.
    if (endOfCentralDirectory(bytes) < 0) throw new CorruptZipError('no end of central directory');
    throw unsupported(`fflate: ${(error as Error).message}`);
  }
  const parts = new Map<string, Part>();
  for (const [name, data] of Object.entries(files)) parts.set(entryName(name), data);
  for (const name of streamed) parts.set(entryName(name), streamedPart(bytes, name));
  return parts;
}

/** The entry's data as stored, from the zip's central directory and the entry's local header. */
function streamedPart(bytes: Uint8Array, name: string): StreamedPart {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = endOfCentralDirectory(bytes);
  if (eocd < 0) throw unsupported('no end of central directory');
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  let found: { method: number; size: number; offset: number } | null = null;
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw unsupported('central directory');
    const nameLength = view.getUint16(at + 28, true);
    const entry = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    // The last entry of a name is the one unzipSync keeps.
    if (entry === name) found = { method: view.getUint16(at + 10, true), size: view.getUint32(at + 20, true), offset: view.getUint32(at + 42, true) };
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  if (found === null || found.size === 0xffffffff || found.offset === 0xffffffff) throw unsupported(`streamed part ${name}`);
  const local = found.offset;
  if (view.getUint32(local, true) !== 0x04034b50) throw unsupported(`local header of ${name}`);
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const data = bytes.subarray(start, start + found.size);
  if (data.length !== found.size) throw unsupported(`data of ${name}`);
  const method = found.method;
  if (method !== 0 && method !== 8) throw unsupported(`compression ${method} of ${name}`);
  return { open: (pieceSize) => (method === 0 ? partPieces(data, pieceSize) : inflatedPieces(data, pieceSize)) };
}

function isStreamed(part: Part): part is StreamedPart {
  return !(part instanceof Uint8Array);
}

const utf8 = new TextDecoder('utf-8');

function partText(parts: Map<string, Part>, name: string): string | null {
  const data = parts.get(name);
  if (data === undefined) return null;
  if (isStreamed(data)) throw unsupported(`${name} read whole`);
  return utf8.decode(data);
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
  parts: Map<string, Part>,
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
function worksheetRels(parts: Map<string, Part>, worksheetPath: string): Map<string, string | undefined> {
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
/**
 * `pieceSize` and `streamAbove` are for tests: how large the pieces a worksheet is read in may grow, and above which
 * inflated size a worksheet is inflated as it is read.
 */
export function readXlsxFast(bytes: Uint8Array, pieceSize = pieceBytes, streamAbove = streamPartBytes): SheetGrid[] {
  const parts = unzipParts(bytes, streamAbove);
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
    const part = parts.get(path)!;
    const context = { sharedStrings, styles, date1904: workbook.date1904 };
    const loadRels = () => worksheetRels(parts, path);
    if (isStreamed(part)) {
      // Read without hyperlinks first (a large sheet seldom has any), and again with them if it lists some.
      const reader = new SheetReader({ ...context, hyperlinks: new Map() });
      grids.set(path, reader.read(part.open(pieceSize)));
      if (reader.hasHyperlinks) {
        const hyperlinks = readHyperlinks(part.open(pieceSize), loadRels);
        if (hyperlinks.size > 0) {
          grids.delete(path);
          grids.set(path, new SheetReader({ ...context, hyperlinks }).read(part.open(pieceSize)));
        }
      }
      continue;
    }
    const buffer = Buffer.from(part.buffer, part.byteOffset, part.byteLength);
    const hyperlinks = buffer.indexOf('<hyperlink') < 0 ? new Map<string, string | undefined>() : readHyperlinks(partPieces(part), loadRels);
    grids.set(path, new SheetReader({ ...context, hyperlinks }).read(partPieces(part, pieceSize)));
  }
  return listed.map(({ path, name }) => ({ name, ...grids.get(path)! }));
}
