// .txt and .csv: decoded from UTF-8 or GBK, one block per line; a CSV also as a sheet.
import type { ExtractedContent, TextBlock } from '../../../rules/api.js';
import { UnreadableError, type ExtractorAdapter } from './adapter.js';
import { unreadableMessages } from './messages.js';
import { parseCsv } from './csv-parse.js';
import { decodeText, isGarbageText } from './decode-text.js';
import { extensionOf } from './file-name.js';
import { gridsToContent } from './sheet-grid.js';
import { isOle, isPdf, isZip } from './sniff.js';
import { pickTitle } from './title.js';

export async function extractText(bytes: Buffer, fileName: string): Promise<ExtractedContent> {
  const text = decodeText(bytes);
  const ext = extensionOf(fileName);
  if (isGarbageText(text)) throw new UnreadableError('corrupt', unreadableMessages.notText(ext));
  if (ext === 'csv') {
    const rows = parseCsv(text).map((r) => r.map((c) => c.trim()));
    const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || 'csv';
    const { tables } = gridsToContent([{ name: base, rows, merges: [] }]);
    const blocks: TextBlock[] = rows
      .map((r, i) => ({ text: r.filter((c) => c !== '').join(' '), location: `第${i + 1}行` }))
      .filter((b) => b.text !== '');
    return { format: 'text', title: null, blocks, tables, dates: [] };
  }
  const blocks: TextBlock[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    const trimmed = line.trim();
    if (trimmed !== '') blocks.push({ text: trimmed, location: `第${i + 1}行` });
  });
  const title = pickTitle(blocks.slice(0, 3).map((b) => ({ text: b.text, isHeading: false })));
  return { format: 'text', title, blocks, tables: [], dates: [] };
}

export const textAdapter: ExtractorAdapter = {
  name: 'text',
  // 2: random bytes are a damaged file, not text.
  version: 2,
  extensions: ['txt', 'csv', 'text', 'md', 'log'],
  // Any bytes under a text name except a binary document that was renamed.
  accepts: (head, ext) => ['txt', 'csv', 'text', 'md', 'log'].includes(ext) && !isOle(head) && !isZip(head) && !isPdf(head),
  extract: (bytes, fileName) => extractText(bytes, fileName),
};
