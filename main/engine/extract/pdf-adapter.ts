// .pdf with pdf-parse 2 (pdf.js): text per page, one block per line.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ExtractedContent, TextBlock } from '../../../rules/api.js';
import { UnreadableError, type ExtractOptions, type ExtractorAdapter } from './adapter.js';
import { readTextlessPages } from './pdf-ocr.js';
import { unreadableMessages } from './messages.js';
import { isPdf } from './sniff.js';
import { pickTitle } from './title.js';
import { loadOnce } from './load-once.js';

const loadPdfParse = loadOnce(() => import('pdf-parse'));

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

/**
 * pdf.js reads a CMap or font file from disk again for every document; a township has thousands of
 * PDFs using the same two or three. Each thread keeps them in memory and hands pdf.js a copy (it may
 * transfer what it gets).
 */
const pdfjsFiles = new Map<string, Promise<Uint8Array>>();

function readPdfjsFile(url: string): Promise<Uint8Array> {
  let data = pdfjsFiles.get(url);
  if (!data) {
    data = readFile(url).then((buffer) => new Uint8Array(buffer));
    data.catch(() => pdfjsFiles.delete(url));
    pdfjsFiles.set(url, data);
  }
  return data.then((bytes) => bytes.slice());
}

/** pdf.js's CMap reader interface (`BaseCMapReaderFactory`), served from memory. */
class CachedCMapReaderFactory {
  private readonly baseUrl: string | null;
  private readonly isCompressed: boolean;

  constructor({ baseUrl = null, isCompressed = true }: { baseUrl?: string | null; isCompressed?: boolean }) {
    this.baseUrl = baseUrl;
    this.isCompressed = isCompressed;
  }

  async fetch({ name }: { name: string }): Promise<{ cMapData: Uint8Array; isCompressed: boolean }> {
    if (!this.baseUrl || !name) throw new Error('CMap base URL and name are required');
    const cMapData = await readPdfjsFile(this.baseUrl + name + (this.isCompressed ? '.bcmap' : ''));
    return { cMapData, isCompressed: this.isCompressed };
  }
}

/** pdf.js's standard font reader interface (`BaseStandardFontDataFactory`), served from memory. */
class CachedStandardFontDataFactory {
  private readonly baseUrl: string | null;

  constructor({ baseUrl = null }: { baseUrl?: string | null }) {
    this.baseUrl = baseUrl;
  }

  fetch({ filename }: { filename: string }): Promise<Uint8Array> {
    if (!this.baseUrl || !filename) return Promise.reject(new Error('font base URL and file name are required'));
    return readPdfjsFile(this.baseUrl + filename);
  }
}

export async function extractPdf(bytes: Buffer, options: ExtractOptions = {}): Promise<ExtractedContent> {
  const { PDFParse, PasswordException } = await loadPdfParse();
  const parser = new PDFParse({
    // pdf.js takes ownership of (and may detach) the array it is given: pass a copy.
    data: new Uint8Array(bytes),
    ...pdfjsData(),
    CMapReaderFactory: CachedCMapReaderFactory,
    StandardFontDataFactory: CachedStandardFontDataFactory,
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
  const scanPages: number[] = [];
  for (const page of pages) {
    let pageChars = 0;
    for (const rawLine of page.text.split(/\r?\n/)) {
      const text = rawLine.trim();
      if (text === '') continue;
      pageChars += text.replace(/\s/g, '').length;
      blocks.push({ text, location: `第${page.num}页`, page: page.num });
    }
    readable += pageChars;
    if (pageChars < minCharsPerPage) scanPages.push(page.num);
  }
  const pageCount = pages.length;
  const isScan = readable < minCharsPerPage * Math.max(1, pageCount);
  if (options.ocr && scanPages.length > 0) {
    try {
      return await readTextlessPages(bytes, { blocks, pageCount, scanPages, isScan }, options.ocr);
    } catch {
      // OCR is a bonus: a page PDFium or tesseract cannot handle leaves the document as pdf-parse read it.
    }
  }
  const firstPage = blocks.filter((b) => b.page === 1).map((b) => ({ text: b.text, isHeading: false }));
  return {
    format: 'pdf',
    title: isScan ? null : pickTitle(firstPage),
    blocks,
    tables: [],
    dates: [],
    pageCount,
    isScan,
    ...(scanPages.length > 0 && scanPages.length < pageCount ? { scanPages } : {}),
  };
}

export const pdfAdapter: ExtractorAdapter = {
  // 2: records the pages without a text layer (scanPages), which OCR reads.
  name: 'pdf',
  version: 2,
  extensions: ['pdf'],
  accepts: (head) => isPdf(head),
  extract: (bytes, _fileName, options) => extractPdf(bytes, options),
};
