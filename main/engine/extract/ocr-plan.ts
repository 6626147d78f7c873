// What the OCR step should do with one file: decided in the main thread from the file's name and
// place (cheap), carried to the worker with the bytes, and part of the cache key.

/** `off`: never OCR (names only, as before); `auto`: only where it pays; `all`: every scan and image. */
export type OcrMode = 'off' | 'auto' | 'all';

export const ocrModes: readonly OcrMode[] = ['off', 'auto', 'all'];

export interface OcrPlan {
  /**
   * `full`: read every page without a text layer. `title-first`: read the title region of page 1,
   * and stop there when its text contains one of `stopWords` (the document is then identified and
   * no check needs more of it).
   */
  mode: 'full' | 'title-first';
  /** Normalised words that identify a document whose full text no check needs. */
  stopWords: string[];
  /** Normalised words that mean a check needs the full text even when the title identified it. */
  fullTextWords: string[];
  /** Resolution PDF and OFD pages are rendered at. */
  dpi: number;
  /** Share of page 1's height read first for the title. */
  titleRegion: number;
  /** Pages read at most per file; the rest of a long scan stays unread. */
  maxPages: number;
}

/** OCR settings from rules/data/ocr.yaml. */
export interface OcrSettings {
  /** Names (or folders) that say a file is a photo: no text to read in auto mode. */
  photoWords: string[];
  /** Documents whose content a check needs (a procedure step's date, a 公示's personal data, a notice's wording). */
  fullTextWords: string[];
  /** Mean word confidence (0–100) below which OCR text alone never gives an error finding. */
  confidenceFloor: number;
  /** Share of page 1's height read first to find the title. */
  titleRegion: number;
  /** Resolution PDF pages are rendered at for OCR. */
  renderDpi: number;
  /** Pages read at most per file. */
  maxPages: number;
  /** Images smaller than this many bytes hold no readable text (icons, thumbnails, placeholders). */
  minImageBytes: number;
}

export interface PlanInput {
  /** The file name and its folders' names, already normalised (numbering and punctuation removed). */
  nameParts: string[];
  /** Whether this format can hold pages without text (images, PDF, OFD). */
  canScan: boolean;
}

/**
 * The plan for one file, or null for no OCR. In `auto` a file named as a photo kind, or as a
 * checklist item whose content no check needs, is left to its name; a file whose name says a check
 * needs its content is read whole; anything else gets its title read first.
 */
export function planOcr(mode: OcrMode, input: PlanInput, settings: OcrSettings, itemWords: readonly string[]): OcrPlan | null {
  if (mode === 'off' || !input.canScan) return null;
  const fullTextWords = settings.fullTextWords;
  const stopWords = itemWords.filter((w) => !fullTextWords.some((f) => w.includes(f)));
  const plan = (planMode: OcrPlan['mode']): OcrPlan => ({
    mode: planMode,
    stopWords,
    fullTextWords,
    dpi: settings.renderDpi,
    titleRegion: settings.titleRegion,
    maxPages: settings.maxPages,
  });
  if (mode === 'all') return plan('full');
  const has = (words: readonly string[]): boolean => input.nameParts.some((part) => words.some((w) => w !== '' && part.includes(w)));
  if (has(fullTextWords)) return plan('full');
  if (has(settings.photoWords) || has(itemWords)) return null;
  return plan('title-first');
}

/** Whether a title read by OCR is enough: it names a document none of whose content a check needs. */
export function titleSuffices(plan: OcrPlan, normalizedTitle: string): boolean {
  if (plan.mode !== 'title-first' || normalizedTitle === '') return false;
  if (plan.fullTextWords.some((w) => normalizedTitle.includes(w))) return false;
  return plan.stopWords.some((w) => normalizedTitle.includes(w));
}
