// The extract stage: every file's text, from the cache when unchanged, else read in worker threads.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { UnreadableError } from './adapter.js';
import { imageContent, isImageExtension, ocrImageExtensions } from './image-adapter.js';
import type { OcrPlan } from './ocr-plan.js';
import { unreadableMessages } from './messages.js';
import { readFailure } from './read-failure.js';
import { adapterByName, isSupportedExtension, pickAdapter } from './registry.js';
import { headLength, imageHeadLength, isImage } from './sniff.js';
import { contentKey, defaultCacheDir, ExtractionCache, sha256 } from './extraction-cache.js';
import type { ExtractOutcome, SourceFile } from '../types.js';
import { WorkerPool } from './worker-pool.js';

export interface ExtractProgress {
  done: number;
  total: number;
  fromCache: number;
  current: SourceFile;
}

export interface OcrProgress {
  /** Files handed to OCR so far (the cache answered for the others). */
  queued: number;
  /** Of those, files done. */
  done: number;
  /** Pages (or title regions) recognised so far. */
  pages: number;
}

export interface ExtractAllOptions {
  /** Which files to read by OCR and how; absent: none (names only). */
  ocrPlan?: (file: SourceFile) => OcrPlan | null;
  /** OCR engine and language data versions, part of the cache key of OCR'd outcomes. */
  ocrEngineId?: string;
  onOcrProgress?: (progress: OcrProgress) => void;
  /** Worker threads; default the number of CPU cores. */
  jobs?: number;
  /** Cache folder (outcomes go to its `extraction/` subfolder); null disables; default the user's cache folder. */
  cacheDir?: string | null;
  /** Per-file limit; default 60 s. */
  timeoutMs?: number;
  /** Hash every file again instead of trusting the path index (size, times, inode): outcomes still come from the cache. */
  verifyCache?: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: ExtractProgress) => void;
  /** Tests only: lets files named `…__hang__…` / `…__crash__…` hang or crash their worker. */
  testHooks?: boolean;
  /** Files above this are not read (`too-large`); default 512 MiB. */
  maxFileBytes?: number;
}

const defaultTimeoutMs = 60_000;
const defaultMaxFileBytes = 512 * 1024 * 1024;
const maxTextBytes = 64 * 1024 * 1024;
const textExtensions = new Set(['txt', 'csv', 'text', 'md', 'log']);
/** Outcomes that depend on the moment, not the bytes, and must be retried next scan. */
const transientReasons = new Set(['timeout', 'crashed']);

/**
 * A workbook's cells cost the worker about twenty times the file's size in heap (a 38 MB, 1,000,000-row ledger:
 * ~830 MB). Past this size it would run the modest heap out after reading most of the file (~20 s lost) and be tried
 * again in the large-heap worker: it goes there at once.
 */
const largeHeapSheetBytes = 16 * 1024 * 1024;

function needsLargeHeap(adapter: string, size: number): boolean {
  return (adapter === 'xlsx' || adapter === 'xls') && size > largeHeapSheetBytes;
}

function unreadable(reason: UnreadableError['reason'], message: string): ExtractOutcome {
  return { content: null, unreadable: { reason, message } };
}

function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  return new DOMException('扫描已取消', 'AbortError');
}

/**
 * Outcome per file path, in the order of `files`. Never rejects for a bad file (it becomes an
 * `unreadable` outcome); rejects with an AbortError when `signal` aborts. Writes nothing next to
 * the files: the cache lives in `cacheDir`.
 */
export async function extractAll(files: readonly SourceFile[], options: ExtractAllOptions = {}): Promise<Map<string, ExtractOutcome>> {
  const { signal, onProgress } = options;
  if (signal?.aborted) throw abortError(signal);
  const jobs = Math.max(1, options.jobs ?? availableParallelism());
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  const maxFileBytes = options.maxFileBytes ?? defaultMaxFileBytes;
  const cacheRoot = options.cacheDir === undefined ? defaultCacheDir() : options.cacheDir;
  const cache = cacheRoot === null ? null : ExtractionCache.open(join(cacheRoot, 'extraction'));
  let pool: WorkerPool | null = null;
  const getPool = (): WorkerPool => (pool ??= new WorkerPool({ size: jobs, timeoutMs, testHooks: options.testHooks }));

  const outcomes: ExtractOutcome[] = new Array(files.length);
  let done = 0;
  let fromCache = 0;
  let next = 0;

  const ocr: OcrProgress = { queued: 0, done: 0, pages: 0 };

  const readOne = async (file: SourceFile): Promise<{ outcome: ExtractOutcome; cached: boolean }> => {
    const plan = options.ocrPlan?.(file) ?? null;
    // The key remembered for this path while its size, times and inode are unchanged.
    const knownKey = options.verifyCache ? null : (cache?.keyForPath(file) ?? null);
    if (isImageExtension(file.ext)) {
      // A photo is known by its name, but only if it is a photo: look at its first bytes, not the whole file. A file
      // unchanged since a scan found it an image (any key remembered for it) is not opened again: a township has some
      // 40,000 photos, and opening each one took seconds off every re-scan.
      if (knownKey === null) {
        const verdict = await sniffImage(file);
        if (verdict) return { outcome: verdict, cached: false };
      }
      if (!plan || !ocrImageExtensions.includes(file.ext)) {
        if (knownKey === null) cache?.rememberPath(file, sniffedImageKey);
        return { outcome: { content: imageContent(), unreadable: null }, cached: false };
      }
    }
    if (!isSupportedExtension(file.ext)) return { outcome: unreadable('unsupported', unreadableMessages.unsupported(file.ext)), cached: false };
    if (file.size > maxFileBytes) return { outcome: unreadable('too-large', unreadableMessages.tooLarge(Math.round(maxFileBytes / 1048576))), cached: false };
    // A text file becomes a string of twice its size and a block per line: past this it is no clerk's document
    // (a log or a dump) and would take the scan past its memory budget.
    if (textExtensions.has(file.ext) && file.size > maxTextBytes) {
      return { outcome: unreadable('too-large', unreadableMessages.tooLarge(Math.round(maxTextBytes / 1048576))), cached: false };
    }

    const ocrSuffix = plan ? ocrKeySuffix(plan, options.ocrEngineId ?? '') : '';
    if (knownKey && isCurrentVersion(knownKey) && keyFitsPlan(knownKey, ocrSuffix)) {
      const hit = cache!.get(knownKey);
      if (hit && (knownKey.endsWith(ocrSuffix) || !needsOcr(hit))) return { outcome: hit, cached: true };
    }

    let bytes: Buffer;
    try {
      bytes = await file.read();
    } catch (error) {
      if (error instanceof UnreadableError) return { outcome: unreadable(error.reason, error.message), cached: false };
      return { outcome: { content: null, unreadable: readFailure(error) }, cached: false };
    }
    let adapter;
    try {
      adapter = pickAdapter(bytes.subarray(0, headLength), file.ext, bytes.length);
    } catch (error) {
      if (error instanceof UnreadableError) return { outcome: unreadable(error.reason, error.message), cached: false };
      throw error;
    }
    const key = cache ? contentKey(sha256(bytes), adapter) : '';
    // An outcome read with OCR is kept under its own key (plan and engine in it); a plain one still
    // serves when it has no page OCR would read.
    for (const candidate of plan ? [key + ocrSuffix, key] : [key]) {
      const hit = cache?.get(candidate);
      if (hit && (candidate !== key || !plan || !needsOcr(hit))) {
        cache!.rememberPath(file, candidate);
        return { outcome: hit, cached: true };
      }
    }
    if (plan) {
      ocr.queued++;
      options.onOcrProgress?.({ ...ocr });
    }
    let outcome = await getPool().run({
      adapter: adapter.name,
      fileName: file.name,
      bytes,
      ocr: plan,
      // A scan read by OCR may take minutes (plan.maxPages pages at a second or more each), not a hang.
      ...(plan ? { timeoutMs: Math.max(timeoutMs, plan.maxPages * 20_000) } : {}),
      largeHeap: needsLargeHeap(adapter.name, bytes.length),
    });
    if (plan && transientReasons.has(outcome.unreadable?.reason ?? '')) {
      // OCR ran out of time or memory (a huge photo): the file is still what its name says, read
      // without OCR, never an unreadable file because of OCR.
      outcome = isImageExtension(file.ext)
        ? { content: imageContent(), unreadable: null }
        : await getPool().run({ adapter: adapter.name, fileName: file.name, bytes });
    }
    if (plan) {
      ocr.done++;
      ocr.pages += outcome.content?.ocr?.pages ?? 0;
      options.onOcrProgress?.({ ...ocr });
    }
    const storeKey = outcome.content?.ocr ? key + ocrSuffix : key;
    if (cache && !transientReasons.has(outcome.unreadable?.reason ?? '')) cache.put(file, storeKey, outcome);
    return { outcome, cached: false };
  };

  const runner = async (): Promise<void> => {
    while (next < files.length) {
      if (signal?.aborted) throw abortError(signal);
      const index = next++;
      const file = files[index];
      const { outcome, cached } = await readOne(file);
      if (signal?.aborted) throw abortError(signal);
      outcomes[index] = outcome;
      done++;
      if (cached) fromCache++;
      onProgress?.({ done, total: files.length, fromCache, current: file });
    }
  };

  const onAbort = (): void => void (pool as WorkerPool | null)?.close();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    // At most two files per worker are in flight (read, queued or running): bytes are read just
    // before they are needed, so memory stays bounded however large the archive.
    await Promise.all(Array.from({ length: Math.min(files.length, jobs * 2) }, runner));
  } catch (error) {
    if (signal?.aborted) throw abortError(signal);
    throw error;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await (pool as WorkerPool | null)?.close();
    cache?.close();
  }
  return new Map(files.map((file, i) => [file.path, outcomes[i]]));
}

/** The cache key part of an OCR'd outcome: the plan (mode, words, resolution) and the engine's versions. */
export function ocrKeySuffix(plan: OcrPlan, engineId: string): string {
  return `:ocr-${sha256(new TextEncoder().encode(engineId + JSON.stringify(plan))).slice(0, 16)}`;
}

/** A remembered key serves this scan if it was read with this OCR plan, or without OCR at all. */
function keyFitsPlan(key: string, ocrSuffix: string): boolean {
  return !key.includes(':ocr-') || (ocrSuffix !== '' && key.endsWith(ocrSuffix));
}

/** An outcome read without OCR that has pages (or an image) OCR would read. */
function needsOcr(outcome: ExtractOutcome): boolean {
  const content = outcome.content;
  return content !== null && !content.ocr && (content.isScan === true || (content.scanPages?.length ?? 0) > 0);
}

/** Remembered for a photo that was looked at and is an image; no outcome is stored under it. */
const sniffedImageKey = 'sniffed:image:0';

/** A cached outcome made by an older version of its adapter is read again. */
function isCurrentVersion(key: string): boolean {
  const [, name, version] = key.split(':');
  return adapterByName(name)?.version === Number(version);
}

/** An empty or non-image `.jpg` as an unreadable outcome; null for a real image. Reads the head only. */
async function sniffImage(file: SourceFile): Promise<ExtractOutcome | null> {
  if (file.size === 0) return unreadable('empty', unreadableMessages.emptyImage());
  let head: Uint8Array;
  try {
    head = file.readHead ? await file.readHead(imageHeadLength) : (await file.read()).subarray(0, imageHeadLength);
  } catch (error) {
    if (error instanceof UnreadableError) return unreadable(error.reason, error.message);
    return { content: null, unreadable: readFailure(error) };
  }
  return isImage(head) ? null : unreadable('corrupt', unreadableMessages.notImage());
}
