// The pages of a PDF that have no text layer, drawn by PDFium and read by OCR; pages with text keep
// what pdf-parse read.
import type { ExtractedContent, TextBlock } from '../../../rules/api.js';
import { cropTop, toPng, type Bitmap } from './bitmap.js';
import { ocrContent } from './ocr-content.js';
import type { OcrPlan } from './ocr-plan.js';
import type { ScannedPage } from './ocr-read.js';
import { renderPdfPages } from './pdf-render.js';
import { pickTitle } from './title.js';

interface TextLayer {
  blocks: TextBlock[];
  pageCount: number;
  scanPages: number[];
  isScan: boolean;
}

/** Pages rendered on demand, one at a time (a 200 dpi A4 page is 15 MB as a bitmap). */
async function renderedPages(bytes: Uint8Array, pages: readonly number[], plan: OcrPlan): Promise<ScannedPage[]> {
  const render = async (page: number): Promise<Bitmap> => {
    let bitmap: Bitmap | null = null;
    await renderPdfPages(bytes, [page], plan.dpi, async (_n, b) => {
      bitmap = { width: b.width, height: b.height, data: new Uint8Array(b.data) };
    });
    if (!bitmap) throw new Error(`page ${page} could not be rendered`);
    return bitmap;
  };
  return pages.map((page) => ({
    page,
    image: async () => toPng(await render(page), plan.dpi),
    titleImage: async () => toPng(cropTop(await render(page), plan.titleRegion), plan.dpi),
  }));
}

export async function readTextlessPages(bytes: Uint8Array, layer: TextLayer, plan: OcrPlan): Promise<ExtractedContent> {
  const pages = await renderedPages(bytes, layer.scanPages, plan);
  if (layer.isScan && layer.scanPages.length === layer.pageCount) {
    const content = await ocrContent('pdf', pages, plan, layer.pageCount);
    return { ...content, scanPages: layer.scanPages };
  }
  // A mixed document: its text pages identify it; OCR fills in the scanned pages in full.
  const read = await ocrContent('pdf', pages, { ...plan, mode: 'full' });
  const blocks = [...layer.blocks, ...read.blocks].sort((a, b) => (a.page ?? 0) - (b.page ?? 0));
  const firstPage = blocks.filter((b) => b.page === 1).map((b) => ({ text: b.text, isHeading: false }));
  return {
    format: 'pdf',
    title: pickTitle(firstPage),
    blocks,
    tables: [],
    dates: [],
    pageCount: layer.pageCount,
    isScan: layer.isScan && read.isScan === true,
    scanPages: layer.scanPages,
    ...(read.ocr ? { ocr: read.ocr } : {}),
  };
}
