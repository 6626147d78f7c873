// The clerk's cells, as typed in Excel or WPS, turned into the ledger's fields: states written a little
// differently still count, and dates come back as whatever the spreadsheet made of them.
import type { RectificationState } from '../../../rules/api.js';

export const RECTIFICATION_STATES: RectificationState[] = ['未整改', '整改中', '已整改', '整改未到位', '已销号', '无需整改'];

/** States after which a finding is no longer the clerk's to fix: never 逾期. */
export const CLOSED_STATES: ReadonlySet<RectificationState> = new Set(['已整改', '已销号', '无需整改']);

const STATE_SYNONYMS: Record<string, RectificationState> = {
  已完成: '已整改',
  完成: '已整改',
  整改完成: '已整改',
  已整改完成: '已整改',
  正在整改: '整改中',
  整改未完成: '整改中',
  未到位: '整改未到位',
  销号: '已销号',
  已销号: '已销号',
  无需: '无需整改',
  不需整改: '无需整改',
  不需要整改: '无需整改',
  无须整改: '无需整改',
  未整改: '未整改',
  // An older ledger of this tool wrote the comparison into 整改状态.
  新增: '未整改',
};

/** The state a clerk meant, or null when the text is none we know (the caller keeps the text). */
export function readState(text: string): RectificationState | null {
  const t = text.replace(/\s+/g, '');
  if (t === '') return null;
  if ((RECTIFICATION_STATES as string[]).includes(t)) return t as RectificationState;
  return STATE_SYNONYMS[t] ?? null;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** A date as YYYY-MM-DD from a typed cell: a Date, an Excel serial, or 2024-3-1 / 2024/3/1 / 2024.3.1 / 2024年3月1日. */
export function readDate(value: unknown): string | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    // Spreadsheet dates carry no zone; exceljs hands them over as UTC midnight.
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  }
  if (typeof value === 'number' && value > 20000 && value < 80000) {
    return readDate(new Date(Math.round((value - 25569) * 86400000)));
  }
  if (typeof value !== 'string') return null;
  const m = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$/.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return `${y}-${pad(mo)}-${pad(d)}`;
}

/** The rectification of a JSON report as read from disk: only known fields, strings, known states and real dates. */
export function sanitizeRectification(raw: unknown): import('../../../rules/api.js').Rectification | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
  const out: import('../../../rules/api.js').Rectification = {};
  const measure = text(r.measure);
  const owner = text(r.owner);
  const note = text(r.note);
  const state = typeof r.state === 'string' ? readState(r.state) : null;
  const deadline = readDate(r.deadline);
  const resolvedOn = readDate(r.resolvedOn);
  if (measure) out.measure = measure;
  if (owner) out.owner = owner;
  if (deadline) out.deadline = deadline;
  if (state) out.state = state;
  if (note) out.note = note;
  if (resolvedOn) out.resolvedOn = resolvedOn;
  return Object.keys(out).length > 0 ? out : undefined;
}
