// Lists the files inside a .zip so the scan can read them like files on disk, without extracting
// anything to disk. Chinese Windows writes entry names in GBK without saying so; hostile or broken
// archives (paths escaping the archive, decompression bombs) are refused entry by entry.
import { stat } from 'node:fs/promises';
import { decodeFileName } from './archive-names.js';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import type { UnreadableReason } from '../../../rules/api.js';
import { UnreadableError } from '../extract/adapter.js';
import { extensionOf } from '../extract/file-name.js';
import { unreadableMessages } from '../extract/messages.js';
import type { SourceFile } from '../types.js';

export interface ZipLimits {
  /** Largest decompressed entry. */
  maxEntryBytes: number;
  /** Largest sum of decompressed entries of one archive (nested ones included). */
  maxTotalBytes: number;
  /** Highest decompressed/compressed ratio accepted for entries above `ratioMinBytes`. */
  maxRatio: number;
  ratioMinBytes: number;
  /** How deep zips inside zips are opened. */
  maxNesting: number;
  /** Largest inner zip read into memory to list it. */
  maxNestedZipBytes: number;
}

export const defaultZipLimits: ZipLimits = {
  maxEntryBytes: 512 * 1024 * 1024,
  maxTotalBytes: 2 * 1024 * 1024 * 1024,
  maxRatio: 200,
  ratioMinBytes: 64 * 1024 * 1024,
  maxNesting: 2,
  maxNestedZipBytes: 256 * 1024 * 1024,
};

export interface ZipProblem {
  path: string;
  unreadable: UnreadableReason;
}

export interface ZipListingResult {
  files: SourceFile[];
  problems: ZipProblem[];
}

type Opener = () => Promise<ZipFile>;

const openOptions = { lazyEntries: true, decodeStrings: false, autoClose: false, validateEntrySizes: true } as const;

/** Info-ZIP's Unicode Path field wins; then the UTF-8 flag; then UTF-8 if valid; else GBK (GB18030). */
export function decodeEntryName(raw: Buffer, flags: number, extraFields: ReadonlyArray<{ id: number; data: Buffer }> = []): string {
  const unicodePath = extraFields.find((f) => f.id === 0x7075 && f.data.length > 5 && f.data[0] === 1);
  if (unicodePath) return unicodePath.data.subarray(5).toString('utf8');
  if (flags & 0x800) return raw.toString('utf8');
  return decodeFileName(raw).name;
}

/** A name that would land outside the folder it is extracted into: `../x`, `/etc/x`, `C:\x`. */
export function isUnsafeEntryName(name: string): boolean {
  const normalized = name.replace(/\\/g, '/');
  return /^\//.test(normalized) || /^[a-zA-Z]:/.test(normalized) || normalized.split('/').includes('..') || normalized.includes('\0');
}

function problem(path: string, reason: UnreadableError['reason'], message: string): ZipProblem {
  return { path, unreadable: { reason, message } };
}

function nextEntry(zip: ZipFile): Promise<Entry | null> {
  return new Promise((resolve, reject) => {
    const onEntry = (entry: Entry): void => {
      cleanup();
      resolve(entry);
    };
    const onEnd = (): void => {
      cleanup();
      resolve(null);
    };
    const onError = (error: Error): void => {
      cleanup();
      reject(error);
    };
    const cleanup = (): void => {
      zip.off('entry', onEntry);
      zip.off('end', onEnd);
      zip.off('error', onError);
    };
    zip.on('entry', onEntry);
    zip.on('end', onEnd);
    zip.on('error', onError);
    zip.readEntry();
  });
}

/** Inflates one entry, stopping as soon as it passes the limit whatever its header claimed. */
async function inflateEntry(zip: ZipFile, entry: Entry, maxBytes: number): Promise<Buffer> {
  let stream: NodeJS.ReadableStream & { destroy(): void };
  try {
    stream = (await zip.openReadStreamPromise(entry)) as typeof stream;
  } catch {
    throw new UnreadableError('corrupt', unreadableMessages.zipCorrupt());
  }
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > maxBytes) {
        stream.destroy();
        throw new UnreadableError('zip-bomb', unreadableMessages.zipBomb());
      }
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof UnreadableError) throw error;
    // yauzl stops an entry that inflates past its declared size: a lying header.
    if (/too many bytes/i.test(String((error as Error).message))) throw new UnreadableError('zip-bomb', unreadableMessages.zipBomb());
    throw new UnreadableError('corrupt', unreadableMessages.corrupt(extensionOf(String(entry.fileName))));
  }
  return Buffer.concat(chunks, total);
}

async function readEntry(open: Opener, entry: Entry, maxBytes: number): Promise<Buffer> {
  let zip: ZipFile;
  try {
    zip = await open();
  } catch {
    throw new UnreadableError('corrupt', unreadableMessages.zipCorrupt());
  }
  try {
    return await inflateEntry(zip, entry, maxBytes);
  } finally {
    zip.close();
  }
}

interface ListContext {
  absPath: string;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  limits: ZipLimits;
  /** Decompressed bytes accepted so far in this top-level archive. */
  total: number;
}

async function listFrom(open: Opener, relPath: string, entryPrefix: string, ctx: ListContext, depth: number): Promise<ZipListingResult> {
  const files: SourceFile[] = [];
  const problems: ZipProblem[] = [];
  let zip: ZipFile;
  try {
    zip = await open();
  } catch {
    return { files, problems: [problem(relPath, 'corrupt', unreadableMessages.zipCorrupt())] };
  }
  const { limits } = ctx;
  try {
    for (let entry = await nextEntry(zip); entry; entry = await nextEntry(zip)) {
      const rawName = entry.fileName as unknown as Buffer;
      const name = decodeEntryName(rawName, entry.generalPurposeBitFlag, entry.extraFields).replace(/\\/g, '/');
      const path = `${relPath}/${name.replace(/\/+$/, '')}`;
      if (isUnsafeEntryName(name)) {
        problems.push(problem(path, 'zip-slip', unreadableMessages.zipSlip()));
        continue;
      }
      if (name.endsWith('/')) continue;
      const size = entry.uncompressedSize;
      const ratio = size / Math.max(1, entry.compressedSize);
      if (size > limits.maxEntryBytes || ctx.total + size > limits.maxTotalBytes || (size >= limits.ratioMinBytes && ratio > limits.maxRatio)) {
        problems.push(problem(path, 'zip-bomb', unreadableMessages.zipBomb()));
        continue;
      }
      if (entry.isEncrypted()) {
        problems.push(problem(path, 'encrypted', unreadableMessages.encrypted(extensionOf(name))));
        continue;
      }
      ctx.total += size;
      const fileName = name.slice(name.lastIndexOf('/') + 1);
      const ext = extensionOf(fileName);
      const found = entry;
      const read = (): Promise<Buffer> => readEntry(open, found, Math.min(limits.maxEntryBytes, size));
      if (ext === 'zip') {
        if (depth >= limits.maxNesting) problems.push(problem(path, 'too-deep', unreadableMessages.zipTooDeep(limits.maxNesting + 1)));
        else if (size > limits.maxNestedZipBytes) {
          problems.push(problem(path, 'too-large', unreadableMessages.tooLarge(Math.round(limits.maxNestedZipBytes / 1048576))));
        } else {
          const inner = await listNested(read, path, `${entryPrefix}${name}/`, ctx, depth + 1);
          files.push(...inner.files);
          problems.push(...inner.problems);
        }
        continue;
      }
      files.push({
        path,
        name: fileName,
        ext,
        size,
        mtimeMs: ctx.mtimeMs,
        ctimeMs: ctx.ctimeMs,
        ino: ctx.ino,
        absPath: ctx.absPath,
        zipEntry: { entryName: entryPrefix + name, compressedSize: entry.compressedSize },
        read,
      });
    }
  } catch {
    problems.push(problem(relPath, 'corrupt', unreadableMessages.zipCorrupt()));
  } finally {
    zip.close();
  }
  return { files, problems };
}

async function listNested(read: () => Promise<Buffer>, relPath: string, entryPrefix: string, ctx: ListContext, depth: number): Promise<ZipListingResult> {
  let bytes: Buffer;
  try {
    bytes = await read();
  } catch (error) {
    const reason = error instanceof UnreadableError ? error : new UnreadableError('corrupt', unreadableMessages.zipCorrupt());
    return { files: [], problems: [problem(relPath, reason.reason, reason.message)] };
  }
  // The listing opens the bytes already read; every later open (an entry's read, at any depth) re-reads the inner
  // zip from its parent, so nothing stays in memory. Each entry keeps the read it was listed with: pointing a
  // deeper zip's entries at this zip made a valid file two zips deep 压缩包已损坏.
  let first: Buffer | null = bytes;
  const open: Opener = async () => {
    const buffer = first ?? (await read());
    first = null;
    return yauzl.fromBufferPromise(buffer, openOptions);
  };
  return listFrom(open, relPath, entryPrefix, ctx, depth);
}

/**
 * The files inside the zip at `absZipPath` (relative path `relZipPath`), each reading its own entry
 * on demand, and the entries refused (`zip-slip`, `zip-bomb`, `encrypted`) or a `corrupt` archive.
 * Zips inside the zip are listed too, their entries under `relZipPath/inner.zip/…`.
 */
export async function listZip(
  absZipPath: string,
  relZipPath: string,
  options: Partial<ZipLimits> & { /** The path as bytes, when the zip's name (or a folder's) is not UTF-8. */ rawPath?: Buffer } = {},
): Promise<ZipListingResult> {
  const { rawPath, ...limits } = options;
  const onDisk = rawPath ?? absZipPath;
  let mtimeMs = 0;
  let ctimeMs = 0;
  let ino = 0;
  try {
    ({ mtimeMs, ctimeMs, ino } = await stat(onDisk));
  } catch {
    return { files: [], problems: [problem(relZipPath, 'corrupt', unreadableMessages.zipCorrupt())] };
  }
  const ctx: ListContext = { absPath: absZipPath, mtimeMs, ctimeMs, ino, limits: { ...defaultZipLimits, ...limits }, total: 0 };
  return listFrom(() => yauzl.openPromise(onDisk as string, openOptions), relZipPath, '', ctx, 0);
}
