// The app's 整改台账 per archive, in the user's application-data folder (never the archive): the clerk's fields by
// finding key, and what is gone, so every later scan of the same folder carries them forward. Written atomically.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { carryForward, isAcceptedException, isOverdue, type PreviousLedger } from '../engine/ledger/carry-forward.js';
import { sanitizeRectification } from '../engine/ledger/rectification-fields.js';
import { writeFileAtomically } from '../engine/report/outputs.js';
import type { ScanReport } from '../engine/types.js';
import type { Finding } from '../../rules/api.js';

export class LedgerStore {
  constructor(private readonly dir: string) {}

  private fileFor(root: string): string {
    return path.join(this.dir, `${createHash('sha256').update(path.resolve(root)).digest('hex').slice(0, 24)}.json`);
  }

  async load(root: string): Promise<PreviousLedger | null> {
    try {
      return JSON.parse(await readFile(this.fileFor(root), 'utf8')) as PreviousLedger;
    } catch {
      return null;
    }
  }

  async save(root: string, report: PreviousLedger): Promise<void> {
    const ledger: PreviousLedger = { findings: report.findings, resolved: report.resolved };
    await writeFileAtomically(this.fileFor(root), Buffer.from(JSON.stringify(ledger), 'utf8'));
  }

  /** This scan with the stored (or imported) ledger carried forward by key, and stored again. */
  async apply(root: string, report: ScanReport, previous: PreviousLedger | null = null): Promise<ScanReport> {
    const ledger = previous ?? (await this.load(root));
    if (ledger === null) {
      await this.save(root, report);
      return report;
    }
    const carried = carryForward(report.findings, ledger, report.asOf);
    const next = { ...report, ...carried };
    await this.save(root, next);
    return next;
  }

  /**
   * A report opened from 历史 with the clerk's fields as they stand now, by key: what that scan saw is kept (no
   * comparison, nothing moved to 已整改), only the fields are current. Nothing is written.
   */
  async overlay(root: string, report: ScanReport): Promise<ScanReport> {
    const ledger = await this.load(root);
    if (ledger === null) return report;
    const byKey = new Map(ledger.findings.map((f) => [f.key, f]));
    const findings = report.findings.map((f) => {
      const stored = byKey.get(f.key);
      return stored ? withFields(f, stored.rectification, report.asOf) : f;
    });
    return { ...report, findings };
  }

  /** One finding's fields as the clerk edited them in the app; returns the finding as it now stands. */
  async update(root: string, report: ScanReport, key: string, raw: unknown): Promise<Finding> {
    const index = report.findings.findIndex((f) => f.key === key);
    if (index < 0) throw new Error('找不到这个问题（报告可能已经更新）');
    const updated = withFields(report.findings[index], sanitizeRectification(raw), report.asOf);
    report.findings[index] = updated;
    // Into the stored ledger by key: a report opened from 历史 may be older than the ledger, whose other entries stay.
    const stored = await this.load(root);
    if (stored === null) await this.save(root, report);
    else {
      const others = stored.findings.filter((f) => f.key !== key);
      await this.save(root, { findings: [...others, updated], resolved: [...(stored.resolved ?? [])] });
    }
    return updated;
  }
}

/** A finding with these clerk fields (or none), and 逾期 / 无需整改 as they follow from them on `asOf`. */
function withFields(finding: Finding, rectification: Finding['rectification'] | null | undefined, asOf: string): Finding {
  const { rectification: _r, overdue: _o, suppressed: _s, ...bare } = finding;
  return {
    ...bare,
    ...(rectification ? { rectification } : {}),
    ...(isOverdue(rectification ?? undefined, asOf) ? { overdue: true } : {}),
    ...(isAcceptedException(rectification ?? undefined) ? { suppressed: true } : {}),
  };
}
