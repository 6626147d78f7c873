// Remembers extraction outcomes between scans, outside the archive. Outcomes are keyed by the
// content's SHA-256 plus the adapter and its version, so a copied folder still hits and a changed
// reader misses. A path + size + mtime + ctime + inode index skips reading unchanged files at all.
// Layout: append-only JSON-lines packs (one per scan) and one index written atomically at the end,
// so a warm scan of 100,000 files opens a handful of files, not 100,000.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { ExtractOutcome, SourceFile } from '../types.js';

const indexFormat = 'dossier-check/extraction-cache@1';
/** Packs no index refers to are removed once this old (younger ones may belong to a running scan). */
const orphanAgeMs = 24 * 60 * 60 * 1000;

/**
 * Arrays longer than this are written a slice at a time, and the text is written out every `flushLength` characters.
 * Both keep each string under V8's large-object size (~128 KB), so the pieces die young and are freed at once: a
 * megabyte's flush left ~270 MB of spent text waiting for a full collection on a 1,000,000-row workbook.
 */
const sliceLength = 256;
const flushLength = 32 * 1024;

/**
 * Writes `value` as one line of JSON (what `JSON.stringify(value) + '\n'` gives) a piece at a time, never the whole text
 * at once: the outcome of a 1,000,000-row workbook is ~150 million characters, which as one string and then one
 * buffer held ~500 MB on top of the outcome itself. Returns the bytes written.
 */
export function writeJsonLine(fd: number, value: unknown): number {
  let pending: string[] = [];
  let pendingLength = 0;
  let written = 0;
  const flush = (): void => {
    if (pending.length === 0) return;
    const bytes = Buffer.from(pending.join(''), 'utf8');
    pending = [];
    pendingLength = 0;
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset);
    written += bytes.length;
  };
  for (const text of jsonPieces(value)) {
    pending.push(text);
    pendingLength += text.length;
    if (pendingLength >= flushLength) flush();
  }
  pending.push('\n');
  flush();
  return written;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
}

/**
 * JSON.stringify's text of `value` in pieces: plain objects field by field, arrays that hold objects element by
 * element (a content's tables, and so each table's rows), long arrays `sliceLength` elements at a time.
 */
export function* jsonPieces(v: unknown): Generator<string> {
  if (Array.isArray(v) && v.length > sliceLength) {
    yield '[';
    for (let i = 0; i < v.length; i += sliceLength) {
      const text = JSON.stringify(v.slice(i, i + sliceLength));
      yield i === 0 ? text.slice(1, -1) : `,${text.slice(1, -1)}`;
    }
    yield ']';
  } else if (Array.isArray(v) && v.some(isPlainObject)) {
    yield '[';
    for (let i = 0; i < v.length; i++) {
      if (i > 0) yield ',';
      const element: unknown = v[i];
      if (element === undefined || typeof element === 'function' || typeof element === 'symbol') yield 'null';
      else yield* jsonPieces(element);
    }
    yield ']';
  } else if (isPlainObject(v)) {
    yield '{';
    let first = true;
    for (const [name, field] of Object.entries(v)) {
      if (field === undefined || typeof field === 'function' || typeof field === 'symbol') continue;
      yield `${first ? '' : ','}${JSON.stringify(name)}:`;
      first = false;
      yield* jsonPieces(field);
    }
    yield '}';
  } else {
    yield JSON.stringify(v) ?? 'null';
  }
}

/** The user's cache folder for this app, by platform convention. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'dossier-check', 'Cache');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'dossier-check');
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'dossier-check');
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The cache key of an outcome: what was read, by which reader, in which version. */
export function contentKey(hash: string, adapter: { name: string; version: number }): string {
  return `${hash}:${adapter.name}:${adapter.version}`;
}

type StampedFile = Pick<SourceFile, 'absPath' | 'zipEntry' | 'size' | 'mtimeMs' | 'ctimeMs' | 'ino'>;

function pathKey(file: Pick<SourceFile, 'absPath' | 'zipEntry'>): string {
  return `${file.absPath}\0${file.zipEntry?.entryName ?? ''}`;
}

interface IndexFile {
  format: string;
  /** path key → [size, mtimeMs, content key, ctimeMs, inode] */
  paths: Record<string, [number, number, string, number?, number?]>;
  /** content key → [pack file, byte offset, byte length] */
  contents: Record<string, [string, number, number]>;
}

export class ExtractionCache {
  private readonly packsDir: string;
  private readonly indexPath: string;
  private readonly index: IndexFile;
  private readonly fds = new Map<string, number>();
  private readonly packName = `${Date.now().toString(36)}-${process.pid}-${randomBytes(4).toString('hex')}.jsonl`;
  private packFd: number | null = null;
  private packSize = 0;
  private dirty = false;
  /** Set after a write failed (disk full, read-only): the scan goes on without the cache. */
  private broken = false;

  private constructor(readonly dir: string) {
    this.packsDir = join(dir, 'packs');
    this.indexPath = join(dir, 'index.json');
    this.index = this.readIndex();
  }

  /** Opens (creating) the cache in `dir`; a damaged index is ignored and rebuilt. */
  static open(dir: string): ExtractionCache {
    return new ExtractionCache(dir);
  }

  private readIndex(): IndexFile {
    try {
      const parsed = JSON.parse(readFileSync(this.indexPath, 'utf8')) as IndexFile;
      if (parsed.format === indexFormat && parsed.paths && parsed.contents) return parsed;
    } catch {
      // Missing or damaged: start empty.
    }
    return { format: indexFormat, paths: Object.create(null), contents: Object.create(null) };
  }

  /** The content key recorded for this path when size, mtime, ctime and inode are unchanged. */
  keyForPath(file: StampedFile): string | null {
    const entry = this.index.paths[pathKey(file)];
    const isSame =
      entry !== undefined &&
      entry[0] === file.size &&
      entry[1] === file.mtimeMs &&
      entry[3] === (file.ctimeMs ?? 0) &&
      entry[4] === (file.ino ?? 0);
    return isSame ? entry[2] : null;
  }

  /** The stored outcome for a content key, or null (also when its pack is gone or damaged). */
  get(key: string): ExtractOutcome | null {
    const location = this.index.contents[key];
    if (!location) return null;
    const [pack, offset, length] = location;
    try {
      let fd = this.fds.get(pack);
      if (fd === undefined) {
        fd = openSync(join(this.packsDir, pack), 'r');
        this.fds.set(pack, fd);
      }
      const buffer = Buffer.allocUnsafe(length);
      if (readSync(fd, buffer, 0, length, offset) !== length) return null;
      const record = JSON.parse(buffer.toString('utf8')) as { k: string; o: ExtractOutcome };
      return record.k === key ? record.o : null;
    } catch {
      return null;
    }
  }

  /** Records that this path (at this size and mtime) holds the content of `key`. */
  rememberPath(file: StampedFile, key: string): void {
    this.index.paths[pathKey(file)] = [file.size, file.mtimeMs, key, file.ctimeMs ?? 0, file.ino ?? 0];
    this.dirty = true;
  }

  /** Stores an outcome under its content key and remembers the path. */
  put(file: StampedFile, key: string, outcome: ExtractOutcome): void {
    if (this.broken) return;
    try {
      if (this.packFd === null) {
        mkdirSync(this.packsDir, { recursive: true });
        this.packFd = openSync(join(this.packsDir, this.packName), 'a');
      }
      const length = writeJsonLine(this.packFd, { k: key, o: outcome });
      this.index.contents[key] = [this.packName, this.packSize, length - 1];
      this.packSize += length;
      this.rememberPath(file, key);
    } catch {
      this.broken = true;
    }
  }

  /** Writes the index atomically (temp file + rename) and closes the packs. Never throws. */
  close(): void {
    for (const fd of this.fds.values()) safely(() => closeSync(fd));
    this.fds.clear();
    if (this.packFd !== null) safely(() => closeSync(this.packFd!));
    this.packFd = null;
    if (!this.dirty || this.broken) return;
    this.dirty = false;
    safely(() => {
      mkdirSync(this.dir, { recursive: true });
      const temp = `${this.indexPath}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
      writeFileSync(temp, JSON.stringify(this.index));
      renameSync(temp, this.indexPath);
    });
    safely(() => this.removeOrphanPacks());
  }

  private removeOrphanPacks(): void {
    const used = new Set(Object.values(this.index.contents).map(([pack]) => pack));
    for (const name of readdirSync(this.packsDir)) {
      if (used.has(name)) continue;
      const path = join(this.packsDir, name);
      if (Date.now() - statSync(path).mtimeMs > orphanAgeMs) unlinkSync(path);
    }
  }
}

function safely(action: () => void): void {
  try {
    action();
  } catch {
    // The cache is an optimisation: failing to write it must not fail the scan.
  }
}
