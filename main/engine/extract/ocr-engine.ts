// Chinese OCR with tesseract.js, entirely offline: the engine, its WebAssembly core and the chi_sim
// language data all come from installed npm packages. Nothing is fetched and nothing is written
// (tesseract.js would otherwise cache the language file in the current folder, which may be the archive).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { loadOnce } from './load-once.js';

const require = createRequire(import.meta.url);
const language = 'chi_sim';

/**
 * The LSTM-only model (`4.0.0_best_int`, 1.7 MB) before the full one (`4.0.0`, 20 MB, which also
 * carries the legacy engine's data): same speed and text on our samples, 130 MB instead of 280 MB
 * per OCR engine, and there is one engine per extraction thread.
 */
const dataVariants = ['4.0.0_best_int', '4.0.0'];

/** Folder holding `chi_sim.traineddata.gz` from @tesseract.js-data/chi_sim, or null when the package is missing. */
export function languageDataDir(): string | null {
  try {
    const root = dirname(require.resolve(`@tesseract.js-data/${language}/package.json`));
    const dir = dataVariants.map((v) => join(root, v)).find((d) => existsSync(join(d, `${language}.traineddata.gz`)));
    return dir ?? null;
  } catch {
    return null;
  }
}

/** Engine and language data versions: part of the cache key, so a new engine or data reads scans again. */
export function ocrEngineId(): string {
  const version = (name: string): string => {
    try {
      return (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
    } catch {
      return 'none';
    }
  };
  const variant = languageDataDir()?.split(/[\\/]/).pop() ?? 'none';
  return `tesseract.js@${version('tesseract.js')}+${language}@${version(`@tesseract.js-data/${language}`)}/${variant}`;
}

export interface OcrLine {
  /** CJK spaces removed (tesseract puts a space between every Chinese character). */
  text: string;
  /** 0–100, tesseract's mean word confidence for the line. */
  confidence: number;
}

export interface OcrResult {
  lines: OcrLine[];
  confidence: number;
}

interface TesseractLine {
  text: string;
  confidence: number;
}
interface TesseractBlock {
  paragraphs?: Array<{ lines?: TesseractLine[] }>;
}

const cjkOrMark = '\\u3000-\\u303f\\u3400-\\u4dbf\\u4e00-\\u9fff\\uff01-\\uff60:;,.()';
const spaceBesideCjk = new RegExp(`(?<=[${cjkOrMark}])\\s+|\\s+(?=[${cjkOrMark}])`, 'g');

/**
 * tesseract separates every Chinese character and every number by a space (`2023 年 4 月`): spaces
 * next to a Chinese character or punctuation go, so words, dates and ID numbers read as written.
 */
export function joinOcrSpaces(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim().replace(spaceBesideCjk, '');
}

// One tesseract worker per extraction thread, started on first use (about a second) and kept.
const loadWorker = loadOnce(async () => {
  const langPath = languageDataDir();
  if (!langPath) throw new Error('chi_sim language data is not installed');
  const { createWorker, OEM } = await import('tesseract.js');
  return createWorker(language, OEM.LSTM_ONLY, {
    langPath,
    gzip: true,
    cacheMethod: 'none',
    logger: () => undefined,
    errorHandler: () => undefined,
  });
});

/** Reads the text of one image (any format leptonica decodes: JPEG, PNG, TIFF, BMP). */
export async function recognizeImage(image: Buffer): Promise<OcrResult> {
  const worker = await loadWorker();
  const { data } = await worker.recognize(image, {}, { text: true, blocks: true });
  const lines: OcrLine[] = [];
  for (const block of (data.blocks ?? []) as TesseractBlock[]) {
    for (const paragraph of block.paragraphs ?? []) {
      for (const line of paragraph.lines ?? []) {
        const text = joinOcrSpaces(line.text);
        // Specks and table rules come back as one or two stray symbols: not text.
        if (text.replace(/[^\p{L}\p{N}]/gu, '').length < 2) continue;
        lines.push({ text, confidence: Math.round(line.confidence) });
      }
    }
  }
  return { lines, confidence: Math.round(data.confidence ?? 0) };
}
