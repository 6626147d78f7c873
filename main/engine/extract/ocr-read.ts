// Turns scanned pages into text blocks: the title region of page 1 first when the plan allows
// stopping there, else every page. Shared by the image, PDF and OFD readers.
import type { TextBlock } from '../../../rules/api.js';
import { normalizeName } from '../discover/archive-names.js';
import { recognizeImage, type OcrLine } from './ocr-engine.js';
import { titleSuffices, type OcrPlan } from './ocr-plan.js';

export interface ScannedPage {
  /** 1-based. */
  page: number;
  /** The whole page as an image file tesseract decodes. */
  image: () => Promise<Buffer>;
  /** The title region only; absent, or null, when the page cannot be cropped (an image that does not decode). */
  titleImage?: () => Promise<Buffer | null>;
}

export interface ScannedText {
  blocks: TextBlock[];
  /** Page 1's first lines, for the title. */
  firstLines: string[];
  /** Pages (or title regions) OCR read. */
  pagesRead: number;
  /** Mean line confidence 0–100 over what was read; 0 when nothing was. */
  confidence: number;
  /** Only the title region was read: it identified a document no check needs the content of. */
  titleOnly: boolean;
}

function toBlocks(page: number, lines: OcrLine[]): TextBlock[] {
  return lines.map((line) => ({ text: line.text, location: `第${page}页`, page, ocrConfidence: line.confidence }));
}

export async function readScannedPages(pages: readonly ScannedPage[], plan: OcrPlan): Promise<ScannedText> {
  let pagesRead = 0;
  const first = pages[0];
  const region = plan.mode === 'title-first' && first?.titleImage ? await first.titleImage() : null;
  if (region && first) {
    const title = await recognizeImage(region);
    pagesRead++;
    const titleText = normalizeName(title.lines.slice(0, 3).map((l) => l.text).join(''));
    if (titleSuffices(plan, titleText)) {
      return { blocks: toBlocks(first.page, title.lines), firstLines: title.lines.map((l) => l.text), pagesRead, confidence: mean(title.lines), titleOnly: true };
    }
  }
  const blocks: TextBlock[] = [];
  const allLines: OcrLine[] = [];
  let firstLines: string[] = [];
  for (const page of pages.slice(0, plan.maxPages)) {
    const result = await recognizeImage(await page.image());
    pagesRead++;
    if (page === first) firstLines = result.lines.map((l) => l.text);
    blocks.push(...toBlocks(page.page, result.lines));
    allLines.push(...result.lines);
  }
  return { blocks, firstLines, pagesRead, confidence: mean(allLines), titleOnly: false };
}

function mean(lines: readonly OcrLine[]): number {
  if (lines.length === 0) return 0;
  return Math.round(lines.reduce((sum, l) => sum + l.confidence, 0) / lines.length);
}
