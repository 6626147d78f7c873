// Earlier scans, in the user's application-data folder (never the archive): one JSON report per scan and an
// index, each written atomically, so a crash mid-save leaves the previous history readable.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomically } from '../engine/report/outputs.js';
import { writeJsonReport } from '../engine/report/write-json-report.js';
import type { ScanReport } from '../engine/types.js';
import type { HistoryEntry } from './contract.js';

const ID = /^\d{8}T\d{6}-\d{3}$/;

export class HistoryStore {
  constructor(private readonly dir: string) {}

  async list(): Promise<HistoryEntry[]> {
    try {
      return JSON.parse(await readFile(path.join(this.dir, 'index.json'), 'utf8')) as HistoryEntry[];
    } catch {
      return [];
    }
  }

  async add(report: ScanReport, scannedRoot: string): Promise<HistoryEntry> {
    // `20261205T014512-123`: sortable, and safe as a file name.
    const id = new Date().toISOString().replace(/[-:]/g, '').replace('.', '-').slice(0, 19);
    const entry: HistoryEntry = {
      id,
      root: scannedRoot,
      asOf: report.asOf,
      generatedAt: report.generatedAt,
      findings: report.findings.length,
      errors: report.findings.filter((f) => f.severity === 'error').length,
      households: report.stats.households,
    };
    await writeFileAtomically(path.join(this.dir, `${entry.id}.json`), Buffer.from(writeJsonReport(report), 'utf8'));
    const entries = [entry, ...(await this.list()).filter((e) => e.id !== entry.id)].slice(0, 200);
    await writeFileAtomically(path.join(this.dir, 'index.json'), Buffer.from(JSON.stringify(entries, null, 2), 'utf8'));
    return entry;
  }

  async open(id: string): Promise<ScanReport> {
    if (!ID.test(id)) throw new Error('历史记录编号无效');
    return JSON.parse(await readFile(path.join(this.dir, `${id}.json`), 'utf8')) as ScanReport;
  }
}
