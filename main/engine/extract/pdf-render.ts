// Draws PDF pages to bitmaps with PDFium compiled to WebAssembly (no native build, no canvas), for
// OCR of pages without a text layer. Text extraction itself stays on pdf-parse.
import type { Bitmap } from './bitmap.js';
import { loadOnce } from './load-once.js';

const loadLibrary = loadOnce(async () => {
  const { PDFiumLibrary } = await import('@hyzyla/pdfium');
  return PDFiumLibrary.init();
});

/**
 * Renders the given 1-based pages at `dpi`, one at a time through `each` (a page's bitmap is
 * released before the next is drawn). A page PDFium cannot open is skipped.
 */
export async function renderPdfPages(
  bytes: Uint8Array,
  pages: readonly number[],
  dpi: number,
  each: (page: number, bitmap: Bitmap) => Promise<boolean | void>,
): Promise<void> {
  const library = await loadLibrary();
  const document = await library.loadDocument(new Uint8Array(bytes));
  try {
    for (const page of pages) {
      if (page < 1 || page > document.getPageCount()) continue;
      const rendered = await document.getPage(page - 1).render({ scale: dpi / 72, render: 'bitmap' });
      const stop = await each(page, { width: rendered.width, height: rendered.height, data: rendered.data });
      if (stop === true) break;
    }
  } finally {
    document.destroy();
  }
}
