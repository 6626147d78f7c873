// .docx: paragraphs and tables of word/document.xml, read with fflate and a hand-written scan.
import type { ExtractedContent, TextBlock, TextTable } from '../../../rules/api.js';
import { assertOfficeZipWithinLimits } from './office-zip-limits.js';
import { UnreadableError, type ExtractorAdapter } from './adapter.js';
import { findHeadingStyles, scanDocumentXml, type DocxTable } from './docx-xml.js';
import { unreadableMessages } from './messages.js';
import { isZip } from './sniff.js';
import { extensionOf } from './file-name.js';
import { decodeText } from './decode-text.js';
import { pickTitle } from './title.js';
import { loadOnce } from './load-once.js';

const loadFflate = loadOnce(() => import('fflate'));

/** Turns Word's merged cells into a plain grid: spans and vertical merges repeat the value. */
export function docxTableToGrid(table: DocxTable): { rows: string[][]; origins: Array<[number, number]> } {
  const rows: string[][] = [];
  const origins: Array<[number, number]> = [];
  for (const cells of table.rows) {
    const row: string[] = [];
    for (const cell of cells) {
      const column = row.length;
      const above = rows[rows.length - 1]?.[column];
      const isContinuation = cell.verticalMerge === 'continue' && above !== undefined;
      const text = isContinuation ? above : cell.text;
      if (!isContinuation && text !== '') origins.push([rows.length, column]);
      for (let i = 0; i < cell.span; i++) row.push(text);
    }
    rows.push(row);
  }
  const width = Math.max(0, ...rows.map((r) => r.length));
  for (const row of rows) while (row.length < width) row.push('');
  return { rows, origins };
}

function readXmlEntry(files: Record<string, Uint8Array>, name: string): string | null {
  const data = files[name];
  return data ? new TextDecoder('utf-8').decode(data) : null;
}

/** Word 2003 XML ("WordML", saved as .doc or .xml): the same paragraph and table tags in one file. */
export function isWordXml(head: Uint8Array): boolean {
  const text = Buffer.from(head.buffer, head.byteOffset, Math.min(head.length, 1024)).toString('latin1');
  return text.includes('<?xml') && /w:wordDocument|Word\.Document/.test(text);
}

async function readParts(bytes: Buffer, ext: string): Promise<{ documentXml: string; stylesXml: string }> {
  if (isWordXml(bytes.subarray(0, 1024))) {
    const xml = decodeText(bytes);
    return { documentXml: xml, stylesXml: xml };
  }
  assertOfficeZipWithinLimits(bytes);
  const { unzipSync } = await loadFflate();
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' || f.name === 'word/styles.xml' });
  } catch {
    throw new UnreadableError('corrupt', unreadableMessages.corrupt(ext));
  }
  const documentXml = readXmlEntry(files, 'word/document.xml');
  if (documentXml === null) throw new UnreadableError('corrupt', unreadableMessages.corrupt(ext));
  return { documentXml, stylesXml: readXmlEntry(files, 'word/styles.xml') ?? '' };
}

export async function extractDocx(bytes: Buffer, ext: string): Promise<ExtractedContent> {
  const { documentXml, stylesXml } = await readParts(bytes, ext);
  const headingStyles = findHeadingStyles(stylesXml);

  const blocks: TextBlock[] = [];
  const tables: TextTable[] = [];
  const titleCandidates: Array<{ text: string; isHeading: boolean } | { table: string[][] }> = [];
  let paragraphNumber = 0;
  for (const item of scanDocumentXml(documentXml)) {
    if (item.kind === 'paragraph') {
      const text = item.paragraph.text.trim();
      if (text === '') continue;
      paragraphNumber++;
      blocks.push({ text, location: `第${paragraphNumber}段` });
      const style = item.paragraph.styleId;
      const isHeading =
        item.paragraph.outlineLevel !== null ||
        (style !== null && (headingStyles.has(style) || /^(heading\d|title)$/i.test(style)));
      titleCandidates.push({ text, isHeading });
      continue;
    }
    const name = `表格${tables.length + 1}`;
    const { rows, origins } = docxTableToGrid(item.table);
    tables.push({ name, kind: 'table', rows, location: name });
    for (const [r, c] of origins) blocks.push({ text: rows[r][c], location: `${name} 第${r + 1}行第${c + 1}列` });
    titleCandidates.push({ table: rows });
  }
  return { format: 'docx', title: pickTitle(titleCandidates), blocks, tables, dates: [] };
}

export const docxAdapter: ExtractorAdapter = {
  name: 'docx',
  version: 1,
  extensions: ['docx', 'docm', 'dotx'],
  // A .doc or .wps that is really a .docx (saved with the wrong name) is read as one.
  accepts: (head, ext) =>
    ['docx', 'docm', 'dotx', 'doc', 'wps', 'wpt', 'dot', 'xml'].includes(ext) && (isZip(head) || isWordXml(head)),
  extract: (bytes, fileName) => extractDocx(bytes, extensionOf(fileName)),
};

