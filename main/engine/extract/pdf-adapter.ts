// .pdf with pdf-parse 2 (pdf.js): text per page, one block per line.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ExtractedContent, TextBlock } from '../../../rules/api.js';
import { UnreadableError, type ExtractorAdapter } from './adapter.js';
import { unreadableMessages } from './messages.js';
import { isPdf } from './sniff.js';
import { pickTitle } from './title.js';

// Loaded on first use, once per thread (an import() per file costs a module lookup each time).
let pdfParseModule: Promise<typeof import('pdf-parse')> | undefined;

/** Fewer readable characters than this per page means no real text layer: a scan. */
const minCharsPerPage = 10;

let pdfjsDataDir: string | null = null;

/**
 * pdf.js needs its CMaps to decode CJK fonts (without them Chinese PDFs come back empty) and the
 * standard fonts for the base-14 fonts. Both ship inside pdfjs-dist.
 */
function pdfjsData(): { cMapUrl: string; standardFontDataUrl: string } {
  pdfjsDataDir ??= dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  // pdf.js in Node reads these with fs when given plain paths ending in a separator.
  return { cMapUrl: join(pdfjsDataDir, 'cmaps') + '/', standardFontDataUrl: join(pdfjsDataDir, 'standard_fonts') + '/' };
}

export async function extractPdf(bytes: Buffer): Promise<ExtractedContent> {
  const { PDFParse, PasswordException } = await (pdfParseModule ??= import('pdf-parse'));
  const parser = new PDFParse({
    // pdf.js takes ownership of (and may detach) the array it is given: pass a copy.
    data: new Uint8Array(bytes),
    ...pdfjsData(),
    cMapPacked: true,
    verbosity: 0,
    isEvalSupported: false,
  });
  let pages: Array<{ num: number; text: string }>;
  try {
    const result = await parser.getText();
    pages = result.pages;
  } catch (error) {
    if (error instanceof PasswordException || (error as { name?: string })?.name === 'PasswordException') {
      throw new UnreadableError('encrypted', unreadableMessages.encrypted('pdf'));
    }
    throw new UnreadableError('corrupt', unreadableMessages.corrupt('pdf'));
  } finally {
    await parser.destroy().catch(() => undefined);
  }

  const blocks: TextBlock[] = [];
  let readable = 0;
  for (const page of pages) {
    for (const rawLine of page.text.split(/\r?\n/)) {
      const text = rawLine.trim();
      if (text === '') continue;
      readable += text.replace(/\s/g, '').length;
      blocks.push({ text, location: `第${page.num}页`, page: page.num });
    }
  }
  const pageCount = pages.length;
  const isScan = readable < minCharsPerPage * Math.max(1, pageCount);
  const firstPage = blocks.filter((b) => b.page === 1).map((b) => ({ text: b.text, isHeading: false }));
  return {
    format: 'pdf',
    title: isScan ? null : pickTitle(firstPage),
    blocks,
    tables: [],
    dates: [],
    pageCount,
    isScan,
  };
}

export const pdfAdapter: ExtractorAdapter = {
  name: 'pdf',
  version: 1,
  extensions: ['pdf'],
  accepts: (head) => isPdf(head),
  extract: (bytes) => extractPdf(bytes),
};
