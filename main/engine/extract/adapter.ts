// The contract every format reader meets, and the error it throws for a file that cannot be read.
import type { ExtractedContent } from '../../../rules/api.js';
import type { OcrPlan } from './ocr-plan.js';

/** What the main thread decided for this file beyond its bytes. */
export interface ExtractOptions {
  /** Read pages without text (and images) by OCR; null or absent: by name only. */
  ocr?: OcrPlan | null;
}

/** Reads one document format. Libraries are imported inside `extract`, so the registry stays cheap to load. */
export interface ExtractorAdapter {
  /** Also the cache key part and `ExtractedContent.format` unless the adapter says otherwise. */
  name: string;
  /** Bump when the output for the same bytes changes: cached results of older versions are ignored. */
  version: number;
  /** Lower-case extensions (without the dot) this adapter is the first choice for. */
  extensions: string[];
  /** Whether these first bytes (and extension) are something this adapter can read. */
  accepts(head: Uint8Array, ext: string): boolean;
  extract(bytes: Buffer, fileName: string, options?: ExtractOptions): Promise<ExtractedContent>;
}

export type UnreadableKind =
  | 'corrupt'
  | 'encrypted'
  | 'empty'
  | 'unsupported'
  | 'timeout'
  | 'crashed'
  | 'zip-slip'
  | 'zip-bomb'
  | 'too-large'
  | 'too-deep'
  | 'permission';

/** A file that cannot be read; `message` is shown to the clerk as is. */
export class UnreadableError extends Error {
  readonly reason: UnreadableKind;

  constructor(reason: UnreadableKind, message: string) {
    super(message);
    this.name = 'UnreadableError';
    this.reason = reason;
  }
}

