// .doc / .wps (Word 97–2003 binary, which WPS also writes) with word-extractor.
import type { ExtractedContent, TextBlock, TextTable } from '../../../rules/api.js';
import { UnreadableError, type ExtractorAdapter } from './adapter.js';
import { extensionOf } from './file-name.js';
import { unreadableMessages } from './messages.js';
import { isEncryptedOoxml, isOle } from './sniff.js';
import { pickTitle, type TitleCandidate } from './title.js';
import { loadOnce } from './load-once.js';

const loadXlsx = loadOnce(() => import('@e965/xlsx'));
const loadWordExtractor = loadOnce(() => import('word-extractor'));

/** The FIB's fEncrypted bit (offset 0x0A, 0x0100) in the WordDocument stream. */
async function isEncryptedWordBinary(bytes: Buffer): Promise<boolean> {
  const { CFB } = await loadXlsx();
  try {
    const container = CFB.read(bytes, { type: 'buffer' });
    const stream = CFB.find(container, 'WordDocument');
    const content = stream?.content as Uint8Array | undefined;
    if (!content || content.length < 12) return false;
    return ((content[10] | (content[11] << 8)) & 0x0100) !== 0;
  } catch {
    return false;
  }
}

/**
 * word-extractor writes each table cell followed by a tab, so a table row is a line ending in a tab.
 * Consecutive such lines make one table.
 */
export function bodyToContent(body: string): Pick<ExtractedContent, 'title' | 'blocks' | 'tables'> {
  const blocks: TextBlock[] = [];
  const tables: TextTable[] = [];
  const candidates: TitleCandidate[] = [];
  let paragraphNumber = 0;
  let tableRows: string[][] | null = null;
  const closeTable = (): void => {
    if (!tableRows) return;
    const name = `表格${tables.length + 1}`;
    const width = Math.max(...tableRows.map((r) => r.length));
    for (const row of tableRows) while (row.length < width) row.push('');
    tables.push({ name, kind: 'table', rows: tableRows, location: name });
    tableRows.forEach((row, r) =>
      row.forEach((text, c) => {
        if (text !== '') blocks.push({ text, location: `${name} 第${r + 1}行第${c + 1}列` });
      }),
    );
    candidates.push({ table: tableRows });
    tableRows = null;
  };
  for (const rawLine of body.replace(/\r\n?/g, '\n').split('\n')) {
    if (rawLine.endsWith('\t')) {
      (tableRows ??= []).push(rawLine.slice(0, -1).split('\t').map((t) => t.trim()));
      continue;
    }
    closeTable();
    const text = rawLine.trim();
    if (text === '') continue;
    paragraphNumber++;
    blocks.push({ text, location: `第${paragraphNumber}段` });
    candidates.push({ text, isHeading: false });
  }
  closeTable();
  return { title: pickTitle(candidates), blocks, tables };
}

export async function extractDoc(bytes: Buffer, ext: string): Promise<ExtractedContent> {
  if (isEncryptedOoxml(bytes) || (await isEncryptedWordBinary(bytes))) {
    throw new UnreadableError('encrypted', unreadableMessages.encrypted(ext));
  }
  const { default: WordExtractor } = await loadWordExtractor();
  let body: string;
  try {
    const doc = await new WordExtractor().extract(bytes);
    body = doc.getBody();
  } catch {
    throw new UnreadableError('corrupt', unreadableMessages.corrupt(ext));
  }
  return { format: 'doc', ...bodyToContent(body), dates: [] };
}

export const docAdapter: ExtractorAdapter = {
  name: 'doc',
  version: 1,
  extensions: ['doc', 'wps', 'dot', 'wpt'],
  accepts: (head, ext) => isOle(head) && ['doc', 'wps', 'dot', 'wpt', 'docx'].includes(ext),
  extract: (bytes, fileName) => extractDoc(bytes, extensionOf(fileName)),
};
