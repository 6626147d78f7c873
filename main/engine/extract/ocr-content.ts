// The content of a document whose pages were all scans, read by OCR.
import type { ExtractedContent } from '../../../rules/api.js';
import type { OcrPlan } from './ocr-plan.js';
import { readScannedPages, type ScannedPage } from './ocr-read.js';
import { pickTitle } from './title.js';

/** Fewer recognised characters than this means the image holds no text (a photo). */
const minOcrChars = 6;

export async function ocrContent(format: string, pages: readonly ScannedPage[], plan: OcrPlan, pageCount?: number): Promise<ExtractedContent> {
  const read = await readScannedPages(pages, plan);
  const chars = read.blocks.reduce((n, b) => n + b.text.replace(/\s/g, '').length, 0);
  const hasText = chars >= minOcrChars;
  return {
    format,
    title: hasText ? pickTitle(read.firstLines.map((text) => ({ text, isHeading: false }))) : null,
    blocks: hasText ? read.blocks : [],
    tables: [],
    dates: [],
    ...(pageCount !== undefined ? { pageCount } : {}),
    isScan: !hasText,
    ocr: { pages: read.pagesRead, confidence: read.confidence, titleOnly: read.titleOnly },
  };
}
