import { performance } from 'node:perf_hooks';
import vm from 'node:vm';
import type { Finding, ReportInput, Rule, RuleSubject, ScanModel, Severity, Thresholds } from '../../../rules/api.js';
import { ruleTimeout, type RuleTimeout } from '../../../rules/index.js';

export interface RuleRunResult {
  findings: Finding[];
  notices: string[];
}

/** Fills `{name}` placeholders from data; an unknown placeholder stays as written so a typo shows. */
export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{([\p{L}\p{N}_]+)\}/gu, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(data, name) ? String(data[name]) : whole,
  );
}

export function buildFindingKey(ruleId: string, input: Pick<ReportInput, 'village' | 'household' | 'keyParts'>): string {
  return [ruleId, input.village ?? '', input.household ?? '', ...input.keyParts.map(String)].join('|');
}

/** A rule's options at their declared defaults. */
export function optionDefaults(rule: Rule): Record<string, unknown> {
  return Object.fromEntries(Object.entries(rule.meta.options ?? {}).map(([name, option]) => [name, option.default]));
}

/**
 * Each rule's options that thresholds.yaml sets (with a county's overrides applied), by rule id: what `runRules`
 * is given on top of the defaults.
 */
export function optionsFromThresholds(rules: readonly Rule[], thresholds: Partial<Thresholds>): Record<string, Record<string, unknown>> {
  const byRule: Record<string, Record<string, unknown>> = {};
  for (const rule of rules) {
    for (const [name, option] of Object.entries(rule.meta.options ?? {})) {
      const value = option.threshold === undefined ? undefined : thresholds[option.threshold];
      if (value !== undefined) (byRule[rule.meta.id] ??= {})[name] = value;
    }
  }
  return byRule;
}

/**
 * Runs each rule over the model. A rule that throws becomes a notice naming it, never a lost scan;
 * a second report with the same key is merged away (the first wins).
 */
export function runRules(
  rules: Rule[],
  model: ScanModel,
  options: Record<string, Record<string, unknown>> = {},
  budget: { itemMs: number; ruleMs?: number } = { itemMs: defaultItemBudgetMs },
): RuleRunResult {
  const ruleMs = budget.ruleMs ?? budget.itemMs * ruleBudgetItems;
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const notices: string[] = [];
  const timeouts: RuleTimeout[] = [];
  for (const rule of timeoutReportedLast(rules)) {
    if (rule === ruleTimeout) {
      if (timeouts.length === 0) continue;
      options = { ...options, [ruleTimeout.meta.id]: { timeouts } };
    }
    const ruleOptions = { ...optionDefaults(rule), ...(options[rule.meta.id] ?? {}) };
    const report = (input: ReportInput): void => {
      const template = rule.meta.messages[input.messageId];
      if (template === undefined) {
        throw new Error(`rule ${rule.meta.id} reported unknown messageId ${input.messageId}`);
      }
      const ruleId = rule.meta.reportsAs ?? rule.meta.id;
      const key = buildFindingKey(ruleId, input);
      if (seen.has(key)) return;
      const severity: Severity = input.severity ?? rule.meta.severity;
      findings.push({
        key,
        rule: ruleId,
        severity,
        village: input.village,
        household: input.household,
        path: input.path,
        message: formatMessage(template, input.data),
        details: input.details,
        ...(rule.meta.export ? { exportCategory: rule.meta.export.category } : {}),
      });
      // After the push: a run stopped in between leaves no key without its finding.
      seen.add(key);
    };
    const notice = (text: string): void => {
      if (!notices.includes(text)) notices.push(text);
    };
    const each = <T>(items: Iterable<T>, subjectOf: (item: T) => RuleSubject, check: (item: T) => void): void => {
      const list = Array.isArray(items) ? (items as T[]) : [...items];
      // Items are checked in runs under a watchdog of one item's budget. A run cut short while a later item was going
      // starts again at that item; one cut short on its first item spent the whole budget there: that item is dropped
      // and named, and the run goes on after it. Nested loops run inside their caller's watchdog.
      if (eachDepth > 0) {
        for (const item of list) check(item);
        return;
      }
      let next = 0;
      let before = findings.length;
      const run = (): void => {
        for (; next < list.length; next++) {
          before = findings.length;
          check(list[next]!);
        }
      };
      while (next < list.length) {
        const first = next;
        const started = performance.now();
        eachDepth++;
        try {
          runGuarded(run, budget.itemMs);
        } catch (error) {
          if (!isWatchdogTimeout(error)) throw error;
          for (const dropped of findings.splice(before)) seen.delete(dropped.key);
          if (next === first) {
            timeouts.push({ rule: rule.meta.id, ruleName: rule.meta.name, seconds: secondsSince(started), ...subjectOf(list[next]!) });
            next++;
          }
        } finally {
          eachDepth--;
        }
      }
    };
    // The whole rule runs under a watchdog too, for work outside its loops over files and households: past its budget
    // it is stopped, what it reported so far stands, and the stage goes on with the next rule.
    const started = performance.now();
    try {
      runGuarded(() => rule.check(model, { asOf: model.asOf, options: ruleOptions, report, notice, each }), ruleMs);
    } catch (error) {
      if (isWatchdogTimeout(error)) {
        timeouts.push({ rule: rule.meta.id, ruleName: rule.meta.name, seconds: secondsSince(started), village: null, household: null, path: null, whole: true });
      } else {
        notice(`检查规则 ${rule.meta.id} 运行出错，其结果不完整：${(error as Error).message}`);
      }
    } finally {
      // A rule stopped inside one of its loops leaves that loop's count behind (V8 runs no finally when it stops a script).
      eachDepth = 0;
    }
  }
  return { findings, notices };
}

// The watchdog: V8 stops a script run past its timeout even inside functions of this context, and vm turns that
// into an ordinary error here, with the rule's own stack above it intact. Starting one costs ~90 µs, so a loop runs
// many items per watchdog, not one.
const guardScript = new vm.Script('run()');
const guardContext = vm.createContext({ run: (): void => undefined });
/** Loops over items running inside another loop's watchdog (they need no watchdog of their own). */
let eachDepth = 0;

function isWatchdogTimeout(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT';
}

/** Tenths of a second, as the rule-timeout message states them. */
function secondsSince(started: number): number {
  return Math.round((performance.now() - started) / 100) / 10;
}

function runGuarded(run: () => void, timeoutMs: number): void {
  guardContext.run = run;
  try {
    guardScript.runInContext(guardContext, { timeout: Math.max(1, Math.round(timeoutMs)) });
  } finally {
    guardContext.run = (): void => undefined;
  }
}

/** Per file or household; the whole rule stage of a 5,000-household township takes a few seconds. */
const defaultItemBudgetMs = 20_000;
/** A whole rule gets this many item budgets (2 minutes by default); the slowest takes ~6 s on a 1,000,000-row ledger. */
const ruleBudgetItems = 6;

/** The timeout rule runs after every other, on what they ran out of time on. */
function timeoutReportedLast(rules: Rule[]): Rule[] {
  return [...rules.filter((r) => r !== ruleTimeout), ...(rules.includes(ruleTimeout) ? [ruleTimeout] : [])];
}
