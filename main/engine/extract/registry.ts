// Chooses the reader for a file by its extension and its first bytes, and runs it.
import type { ExtractedContent } from '../../../rules/api.js';
import type { ExtractOutcome } from '../types.js';
import { findDates, findRowDates } from '../../../rules/index.js';
import { UnreadableError, type ExtractOptions, type ExtractorAdapter } from './adapter.js';
import { docAdapter } from './doc-adapter.js';
import { docxAdapter } from './docx-adapter.js';
import { extensionOf } from './file-name.js';
import { htmlAdapter } from './html-adapter.js';
import { imageAdapter, isImageExtension } from './image-adapter.js';
import { unreadableMessages } from './messages.js';
import { ofdAdapter } from './ofd-adapter.js';
import { pdfAdapter } from './pdf-adapter.js';
import { isRtf } from './sniff.js';
import { textAdapter } from './text-adapter.js';
import { xlsAdapter } from './xls-adapter.js';
import { xlsxAdapter } from './xlsx-adapter.js';

export const adapters: readonly ExtractorAdapter[] = [
  docxAdapter,
  xlsxAdapter,
  pdfAdapter,
  ofdAdapter,
  docAdapter,
  xlsAdapter,
  textAdapter,
  htmlAdapter,
  imageAdapter,
];

const byName = new Map(adapters.map((a) => [a.name, a]));

export function adapterByName(name: string): ExtractorAdapter | undefined {
  return byName.get(name);
}

/** Whether any reader is meant for files with this extension (others are `unsupported` unread). */
export function isSupportedExtension(ext: string): boolean {
  return adapters.some((a) => a.extensions.includes(ext));
}

export { isImageExtension };

/**
 * The adapter for these bytes: first one that lists the extension and accepts the head, then any
 * other that recognises the bytes (a `.xlsx` that is an OLE workbook goes to `xls`). Throws
 * UnreadableError: `empty` for 0 bytes, `corrupt` when the bytes are not what the name says.
 */
export function pickAdapter(head: Uint8Array, ext: string, size = head.length): ExtractorAdapter {
  if (isImageExtension(ext)) return imageAdapter;
  if (size === 0) throw new UnreadableError('empty', unreadableMessages.empty());
  const primary = adapters.filter((a) => a.extensions.includes(ext));
  const chosen =
    primary.find((a) => a.accepts(head, ext)) ??
    adapters.find((a) => !primary.includes(a) && a !== imageAdapter && a.accepts(head, ext));
  if (chosen) return chosen;
  if (isRtf(head)) throw new UnreadableError('unsupported', unreadableMessages.rtf());
  if (primary.length > 0) throw new UnreadableError('corrupt', unreadableMessages.corrupt(ext));
  throw new UnreadableError('unsupported', unreadableMessages.unsupported(ext));
}

/** Runs the adapter and adds what every format shares: the dates found in its blocks. */
export async function runAdapter(
  adapter: ExtractorAdapter,
  bytes: Buffer,
  fileName: string,
  options: ExtractOptions = {},
): Promise<ExtractedContent> {
  const content = await adapter.extract(bytes, fileName, options);
  // A large worksheet's dates are found here once, as its row blocks are made only when read (TextTable.rowBlocksAt).
  for (const table of content.tables) if (table.rowBlocksAt !== undefined) table.rowDates = findRowDates(table);
  return { ...content, dates: content.dates.length > 0 ? content.dates : findDates(content.blocks) };
}

/** An adapter's failure as an outcome; an unexpected library error means the file is damaged. */
export function failureOutcome(error: unknown, fileName: string): ExtractOutcome {
  if (error instanceof UnreadableError) return { content: null, unreadable: { reason: error.reason, message: error.message } };
  return { content: null, unreadable: { reason: 'corrupt', message: unreadableMessages.corrupt(extensionOf(fileName)) } };
}

/** Picks and runs the adapter in this thread (the worker uses the same steps). */
export async function extractBytes(bytes: Buffer, fileName: string): Promise<ExtractOutcome> {
  try {
    const adapter = pickAdapter(bytes.subarray(0, 1024), extensionOf(fileName), bytes.length);
    return { content: await runAdapter(adapter, bytes, fileName), unreadable: null };
  } catch (error) {
    return failureOutcome(error, fileName);
  }
}
