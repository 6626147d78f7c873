// Types shared by the pipeline stages. The scanned model itself is in rules/api.ts,
// since rules read it and rules depend on nothing else.
import type { OcrMode } from './extract/ocr-plan.js';
import type {
  ExtractedContent,
  Finding,
  RequiredDocument,
  UnreadableReason,
} from '../../rules/api.js';

/** A file the scan will read: on disk, or an entry inside a zip archive. */
export interface SourceFile {
  /** Relative to the archive root, `/`-separated; zip entries continue the zip's path. */
  path: string;
  name: string;
  /** Lower-case extension without the dot (`docx`); empty when none. */
  ext: string;
  size: number;
  mtimeMs: number;
  /**
   * Change time and inode (the zip's, for zip entries): with size and mtime they tell the cache a file is unchanged.
   * `cp -p`, `touch -r` and FAT's 2-second mtimes can restore an edited file's size and mtime, but not these.
   */
  ctimeMs?: number;
  ino?: number;
  /** Absolute path on disk (the zip's own path for a zip entry). */
  absPath: string;
  /** Set for entries inside a zip archive. */
  zipEntry?: { entryName: string; compressedSize: number };
  /** Reads the file's bytes (the entry's, decompressed, for zip entries). */
  read(): Promise<Buffer>;
  /** Reads the first bytes only, where that is cheaper than `read()` (files on disk). */
  readHead?(length: number): Promise<Uint8Array>;
}

export interface ExtractOutcome {
  content: ExtractedContent | null;
  unreadable: UnreadableReason | null;
}

export interface DiscoveredHousehold {
  /** 户主姓名, read from the folder name. */
  head: string;
  /** An ID number or household number written in the folder name (may be masked). */
  idHint?: string;
  path: string;
  /** `脱贫户` / `监测户` when an enclosing folder says so. */
  category?: string;
  files: SourceFile[];
}

export interface DiscoveredVillage {
  name: string;
  path: string;
  /** Files outside household folders: ledgers and the like. */
  files: SourceFile[];
  households: DiscoveredHousehold[];
}

export interface DiscoveredArchive {
  root: string;
  villages: DiscoveredVillage[];
  /** Files above the villages (township level): system exports and the like. */
  townshipFiles: SourceFile[];
  /** Entries that cannot be read at all (zip-slip, zip bomb, corrupt zip); become `unreadable-file`. */
  problems: Array<{ path: string; village: string | null; householdPath: string | null; unreadable: UnreadableReason }>;
  /** Every file, in discovery order. */
  allFiles: SourceFile[];
  /** Links, pipes and devices, which are not followed or read. */
  skipped: Array<{ path: string; kind: string }>;
  /** Names that are not UTF-8 on disk (GBK, from old Windows copies): read as GBK, the files opened by their bytes. */
  gbkNames: string[];
}

export type ScanFormat = 'json' | 'xlsx' | 'html';

export interface ScanOptions {
  root: string;
  /** YYYY-MM-DD. */
  asOf: string;
  /** A checklist file (YAML or .xlsx) replacing the default. */
  checklistPath?: string;
  /** Monitoring-system exports given explicitly. */
  systemPaths?: string[];
  /** A county's data overrides (thresholds, monitoring lines, synonyms), YAML. */
  configPaths?: string[];
  jobs?: number;
  /** Null disables the cache. */
  cacheDir?: string | null;
  /** Re-hash every file rather than trust size, times and inode (`--verify-cache`). */
  verifyCache?: boolean;
  /** An earlier report (JSON, or the .xlsx ledger as the clerk filled it in) to compare against and carry forward. */
  previous?: ScanReport | null;
  /** Per-file extraction timeout. */
  timeoutMs?: number;
  /** Reading scans and images by OCR: `off`, `auto` (only where it pays; default) or `all`. */
  ocr?: OcrMode;
  signal?: AbortSignal;
  onProgress?: (event: ProgressEvent) => void;
}

export type ScanStage = 'discover' | 'read-system-export' | 'extract' | 'identify' | 'evaluate' | 'report';

export type ProgressEvent =
  | { type: 'stage'; stage: ScanStage }
  | {
      type: 'files';
      done: number;
      total: number;
      /** Files per second so far. */
      rate: number;
      /** Seconds left at the current rate; null until known. */
      etaSeconds: number | null;
      village: string | null;
      fromCache: number;
    }
  | {
      /** OCR, counted apart from files: a page takes a second or more. */
      type: 'ocr';
      /** Files sent to OCR so far, and of those done. */
      queued: number;
      done: number;
      /** Pages (or title regions) recognised, and per second so far. */
      pages: number;
      pagesPerSecond: number;
      /** Seconds until the queued files are read, at the rate so far; null until known. */
      etaSeconds: number | null;
    }
  | { type: 'notice'; text: string };

export interface VillageSummary {
  name: string;
  households: number;
  files: number;
  /** Share of required checklist entries present, 0..1. */
  completeness: number;
  findings: { error: number; warning: number; info: number };
  /** Of those, findings of the export logic checks (系统数据疑点). */
  exportFindings?: number;
  /** When the folder held several townships: the village's township (its name is then `乡镇/村`). */
  township?: string;
}

/** One folder's checklist standing: a village's own items (household null) or one household's. */
export interface DossierEntry {
  village: string;
  /** 户主姓名; null for the village's own items. */
  household: string | null;
  path: string | null;
  items: RequiredDocument[];
  township?: string;
}

/** The JSON report (schema `dossier-check/report@1`). */
export interface ScanReport {
  schema: 'dossier-check/report@1';
  root: string;
  asOf: string;
  generatedAt: string;
  checklist: string;
  /** `files`: the archive's documents; `exportFiles`: the system export files read beside them. */
  stats: { villages: number; households: number; files: number; unreadable: number; seconds: number; exportFiles?: number };
  villages: VillageSummary[];
  notices: string[];
  findings: Finding[];
  resolved: Finding[];
  /** What each village and household owes of the checklist and how it stands (the 资料对照表). */
  dossiers: DossierEntry[];
}
