// What a household's files show of one procedure: the steps found (from the files' matches) with the
// dates each step carries and where they were read, and the order problems among those dates.
import type { ArchiveFile, ProcedureDefinition, ProcedureStep } from '../api.js';
import { daysBetween } from './months.js';

export interface DatedSource {
  date: string;
  path: string;
  location?: string;
}

export interface FoundStep {
  step: ProcedureStep;
  paths: string[];
  /** Every date the step's documents carry, earliest first. */
  dates: DatedSource[];
}

export interface OrderProblem {
  /** [step dated earlier, step dated later]: for a date conflict the later-ranked step comes first. */
  pair: [string, string];
  dates: [string, string];
  sources: [DatedSource | null, DatedSource | null];
  /** Set when the problem is a public notice shorter than the minimum. */
  noticeDays?: number;
  noticeEnd?: string;
}

export function collectSteps(files: ArchiveFile[], procedure: ProcedureDefinition): Map<string, FoundStep> {
  const found = new Map<string, FoundStep>();
  for (const file of files) {
    for (const match of file.matches) {
      if (match.procedure !== procedure.name || !match.step) continue;
      const step = procedure.steps.find((s) => s.name === match.step);
      if (!step) continue;
      const entry = found.get(step.name) ?? { step, paths: [], dates: [] };
      if (!entry.paths.includes(file.path)) entry.paths.push(file.path);
      for (const date of match.dates ?? []) {
        entry.dates.push({ date, path: file.path, ...(match.location ? { location: match.location } : {}) });
      }
      found.set(step.name, entry);
    }
  }
  for (const entry of found.values()) entry.dates.sort((a, b) => a.date.localeCompare(b.date));
  return found;
}

export function isNoticeStep(step: ProcedureStep): boolean {
  return [step.name, ...step.aliases].some((w) => w.includes('公示'));
}

/**
 * A later-ranked step all of whose dates precede all of an earlier-ranked step's dates is out of
 * order (a document quoting an earlier date never makes it so); equal ranks and the same day are in order.
 */
export function findDateConflicts(found: Map<string, FoundStep>): OrderProblem[] {
  const dated = [...found.values()].filter((f) => f.dates.length > 0).sort((a, b) => a.step.rank - b.step.rank);
  const problems: OrderProblem[] = [];
  for (const earlier of dated) {
    for (const later of dated) {
      if (later.step.rank <= earlier.step.rank) continue;
      const first = earlier.dates[0];
      const last = later.dates[later.dates.length - 1];
      if (last.date < first.date) {
        problems.push({ pair: [later.step.name, earlier.step.name], dates: [last.date, first.date], sources: [last, first] });
      }
    }
  }
  return problems;
}

/**
 * A notice (公示) shorter than `minDays`: counted from its start to its stated end (both days
 * included), or to the next step's date when that comes sooner or no end is written.
 */
export function findShortNotices(
  found: Map<string, FoundStep>,
  procedure: ProcedureDefinition,
  minDays: number,
): OrderProblem[] {
  const problems: OrderProblem[] = [];
  for (const notice of found.values()) {
    if (!isNoticeStep(notice.step) || notice.dates.length === 0) continue;
    const start = notice.dates[0];
    const endSource = notice.dates[notice.dates.length - 1];
    const hasEnd = endSource.date > start.date;
    let next: DatedSource | null = null;
    let nextStep: string | null = null;
    for (const other of found.values()) {
      if (other.step.rank <= notice.step.rank || other.dates.length === 0) continue;
      const last = other.dates[other.dates.length - 1];
      // Dated before the notice began: already a date conflict.
      if (last.date < start.date) continue;
      if (!next || last.date < next.date) {
        next = last;
        nextStep = other.step.name;
      }
    }
    const byEnd = hasEnd ? daysBetween(start.date, endSource.date) + 1 : Infinity;
    const byNext = next ? daysBetween(start.date, next.date) : Infinity;
    const days = Math.min(byEnd, byNext);
    if (!Number.isFinite(days) || days >= minDays) continue;
    const following =
      byNext <= byEnd
        ? nextStep!
        : [...procedure.steps].filter((s) => s.rank > notice.step.rank).sort((a, b) => a.rank - b.rank)[0]?.name ??
          notice.step.name;
    problems.push({
      pair: [notice.step.name, following],
      dates: [start.date, byNext <= byEnd ? next!.date : endSource.date],
      sources: [start, byNext <= byEnd ? next : endSource],
      noticeDays: days,
      ...(hasEnd ? { noticeEnd: endSource.date } : {}),
    });
  }
  return problems;
}
