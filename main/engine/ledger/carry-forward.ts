// The 整改台账 round trip: the previous ledger (JSON or the .xlsx the clerk filled in) + this scan's findings →
// findings with the clerk's fields carried by key, what is gone, and what was accepted as 无需整改.
// Pure: no files, no clock (the scan's date is passed in), so the CLI and the app share it.
import type { Finding, Rectification } from '../../../rules/api.js';
import { maskIdNumbers } from '../report/mask-id-numbers.js';
import { CLOSED_STATES } from './rectification-fields.js';

export interface PreviousLedger {
  findings: readonly Finding[];
  resolved: readonly Finding[];
}

export interface CarriedFindings {
  /** Every current finding, with status, rectification, suppressed and overdue set. */
  findings: Finding[];
  /** Findings gone since, with the date of the scan that saw them gone; earlier resolved ones kept (for 销号). */
  resolved: Finding[];
}

// The .xlsx shows keys with ID numbers masked; matching on the masked form works for both JSON and .xlsx.
const matchKey = (key: string): string => maskIdNumbers(key);

const hasFields = (r: Rectification | undefined): r is Rectification => r !== undefined && Object.keys(r).length > 0;

/** Whether the clerk accepted the finding as an exception: 无需整改 with a reason. */
export function isAcceptedException(r: Rectification | undefined): boolean {
  return r?.state === '无需整改' && (r.note ?? '').trim() !== '';
}

/** Past the deadline on the scan's date and not closed. */
export function isOverdue(r: Rectification | undefined, asOf: string): boolean {
  return !!r?.deadline && r.deadline < asOf && !(r.state && CLOSED_STATES.has(r.state));
}

function carryOne(finding: Finding, previous: Finding | undefined, asOf: string): Finding {
  const { rectification: _r, suppressed: _s, overdue: _o, ...bare } = finding;
  const out: Finding = { ...bare, status: previous ? 'open' : 'new' };
  let fields = previous?.rectification ? { ...previous.rectification } : undefined;
  // Marked fixed (or closed) but still seen: the fix did not take.
  if (fields?.state === '已整改' || fields?.state === '已销号') fields = { ...fields, state: '整改未到位' };
  if (fields && fields.state !== '无需整改') delete fields.resolvedOn;
  if (isAcceptedException(fields)) {
    fields = { ...fields!, resolvedOn: fields!.resolvedOn ?? asOf };
    out.suppressed = true;
  }
  if (hasFields(fields)) out.rectification = fields;
  if (isOverdue(fields, asOf)) out.overdue = true;
  return out;
}

function asResolved(finding: Finding, asOf: string): Finding {
  const { status: _status, suppressed: _s, overdue: _o, rectification, ...bare } = finding;
  const kept = rectification ?? {};
  // Gone now: 已整改 on this scan's date, unless the clerk already closed it (已销号) on an earlier one.
  const state = kept.state === '已销号' ? '已销号' : '已整改';
  return { ...bare, rectification: { ...kept, state, resolvedOn: kept.resolvedOn ?? asOf } };
}

/** Carries the previous ledger's fields onto this scan's findings. `asOf` is this scan's date (YYYY-MM-DD). */
export function carryForward(current: readonly Finding[], previous: PreviousLedger, asOf: string): CarriedFindings {
  const before = new Map<string, Finding>();
  for (const f of previous.findings) if (!before.has(matchKey(f.key))) before.set(matchKey(f.key), f);
  const findings = current.map((f) => carryOne(f, before.get(matchKey(f.key)), asOf));

  const seen = new Set(current.map((f) => matchKey(f.key)));
  const resolved: Finding[] = [];
  for (const f of previous.findings) {
    const k = matchKey(f.key);
    if (seen.has(k)) continue;
    seen.add(k);
    const { resolvedOn: _old, ...fields } = f.rectification ?? {};
    resolved.push(asResolved({ ...f, rectification: fields }, asOf));
  }
  for (const f of previous.resolved) {
    const k = matchKey(f.key);
    if (seen.has(k)) continue;
    seen.add(k);
    resolved.push(asResolved(f, asOf));
  }
  return { findings, resolved };
}
