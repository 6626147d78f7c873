// .ofd, the national fixed-layout format: a zip of XML. Text objects are read page by page in
// reading order; pages made only of images (a scanned OFD) are read by OCR when planned.
import type { ExtractedContent, TextBlock } from '../../../rules/api.js';
import { UnreadableError, type ExtractOptions, type ExtractorAdapter } from './adapter.js';
import { loadOnce } from './load-once.js';
import { unreadableMessages } from './messages.js';
import { ocrContent } from './ocr-content.js';
import type { ScannedPage } from './ocr-read.js';
import { readDocRoot, readDocument, readMedia, readPageContent, readingOrder } from './ofd-xml.js';
import { isZip } from './sniff.js';
import { pickTitle } from './title.js';
import { defaultZipLimits } from '../discover/zip-source.js';

const loadFflate = loadOnce(() => import('fflate'));
const minCharsPerPage = 10;

function join(base: string, relative: string): string {
  if (relative.startsWith('/')) return relative.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const part of relative.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

async function unzip(bytes: Buffer): Promise<Record<string, Uint8Array>> {
  const { unzipSync } = await loadFflate();
  let total = 0;
  try {
    return unzipSync(bytes, {
      // The same limits as any zip in the archive: an entry or a sum too large is refused, not inflated.
      filter: (f) => {
        total += f.originalSize;
        if (f.originalSize > defaultZipLimits.maxEntryBytes || total > defaultZipLimits.maxTotalBytes) {
          throw new UnreadableError('zip-bomb', unreadableMessages.zipBomb());
        }
        return true;
      },
    });
  } catch (error) {
    if (error instanceof UnreadableError) throw error;
    throw new UnreadableError('corrupt', unreadableMessages.corrupt('ofd'));
  }
}

export async function extractOfd(bytes: Buffer, options: ExtractOptions = {}): Promise<ExtractedContent> {
  const files = await unzip(bytes);
  const text = (name: string): string | null => (files[name] ? new TextDecoder('utf-8').decode(files[name]) : null);
  const ofdXml = text('OFD.xml');
  const docRoot = ofdXml ? readDocRoot(ofdXml) : null;
  const documentXml = docRoot ? text(docRoot) : null;
  if (!docRoot || documentXml === null) throw new UnreadableError('corrupt', unreadableMessages.corrupt('ofd'));
  const document = readDocument(documentXml);
  const media = new Map<string, string>();
  for (const res of document.resources) {
    const resPath = join(docRoot, res);
    const xml = text(resPath);
    if (xml) for (const [id, file] of readMedia(xml)) media.set(id, join(resPath, file));
  }

  const blocks: TextBlock[] = [];
  const scanPages: number[] = [];
  const scanned: ScannedPage[] = [];
  document.pages.forEach((pagePath, index) => {
    const page = index + 1;
    const xml = text(join(docRoot, pagePath));
    const content = xml ? readPageContent(xml) : { texts: [], images: [] };
    const lines = readingOrder(content.texts);
    for (const line of lines) blocks.push({ text: line, location: `第${page}页`, page });
    if (lines.join('').replace(/\s/g, '').length < minCharsPerPage) {
      scanPages.push(page);
      const imagePath = content.images.map((i) => media.get(i.resourceId)).find((p) => p && files[p]);
      if (imagePath) scanned.push({ page, image: async () => Buffer.from(files[imagePath]!) });
    }
  });
  const pageCount = document.pages.length;
  const isScan = scanPages.length === pageCount;
  let ocr: ExtractedContent['ocr'];
  if (options.ocr && scanned.length > 0) {
    try {
      if (isScan) return { ...(await ocrContent('ofd', scanned, options.ocr, pageCount)), scanPages };
      // Text pages identify a mixed document; its image pages are read in full.
      const read = await ocrContent('ofd', scanned, { ...options.ocr, mode: 'full' });
      blocks.push(...read.blocks);
      blocks.sort((a, b) => (a.page ?? 0) - (b.page ?? 0));
      ocr = read.ocr;
    } catch {
      // OCR is a bonus: the OFD stays as its text objects read.
    }
  }
  const firstPage = blocks.filter((b) => b.page === 1).map((b) => ({ text: b.text, isHeading: false }));
  return {
    format: 'ofd',
    title: isScan ? null : pickTitle(firstPage),
    blocks,
    tables: [],
    dates: [],
    pageCount,
    isScan,
    ...(scanPages.length > 0 ? { scanPages } : {}),
    ...(ocr ? { ocr } : {}),
  };
}

export const ofdAdapter: ExtractorAdapter = {
  name: 'ofd',
  version: 1,
  extensions: ['ofd'],
  accepts: (head, ext) => ext === 'ofd' && isZip(head),
  extract: (bytes, _fileName, options) => extractOfd(bytes, options),
};
