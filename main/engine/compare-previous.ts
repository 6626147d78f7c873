// `--previous`: which findings are new since the earlier report, which are still open, which are gone.
// Written as small `findings → findings` steps (textlint's post-processing chain) so each is tested alone.
import type { Finding } from '../../rules/api.js';
import type { ScanReport } from './types.js';

export type FindingsStep = (findings: readonly Finding[]) => Finding[];

/** Runs the steps left to right. */
export function pipeFindings(findings: readonly Finding[], ...steps: FindingsStep[]): Finding[] {
  return steps.reduce<Finding[]>((current, step) => step(current), [...findings]);
}

/** Marks each finding `open` when its key was in the earlier report, `new` otherwise. */
export function markStatus(previousKeys: ReadonlySet<string>): FindingsStep {
  return (findings) =>
    findings.map((f) => ({ ...f, status: previousKeys.has(f.key) ? ('open' as const) : ('new' as const) }));
}

/** The earlier findings whose key no longer appears: resolved since. Their old status is dropped. */
export function collectResolved(previous: readonly Finding[], current: readonly Finding[]): Finding[] {
  const currentKeys = new Set(current.map((f) => f.key));
  const seen = new Set<string>();
  const resolved: Finding[] = [];
  for (const f of previous) {
    if (currentKeys.has(f.key) || seen.has(f.key)) continue;
    seen.add(f.key);
    const { status: _status, ...rest } = f;
    resolved.push(rest);
  }
  return resolved;
}

export function applyPrevious(
  findings: readonly Finding[],
  previous: Pick<ScanReport, 'findings'>,
): { findings: Finding[]; resolved: Finding[] } {
  const previousKeys = new Set(previous.findings.map((f) => f.key));
  return {
    findings: pipeFindings(findings, markStatus(previousKeys)),
    resolved: collectResolved(previous.findings, findings),
  };
}
