import type { Finding, ReportInput, Rule, ScanModel, Severity } from '../../rules/api.js';

export interface RuleRunResult {
  findings: Finding[];
  notices: string[];
}

/** Fills `{name}` placeholders from data; an unknown placeholder stays as written so a typo shows. */
export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(data, name) ? String(data[name]) : whole,
  );
}

export function buildFindingKey(ruleId: string, input: Pick<ReportInput, 'village' | 'household' | 'keyParts'>): string {
  return [ruleId, input.village ?? '', input.household ?? '', ...input.keyParts.map(String)].join('|');
}

/**
 * Runs each rule over the model. A rule that throws becomes a notice naming it, never a lost scan;
 * a second report with the same key is merged away (the first wins).
 */
export function runRules(
  rules: Rule[],
  model: ScanModel,
  options: Record<string, Record<string, unknown>> = {},
): RuleRunResult {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const notices: string[] = [];
  for (const rule of rules) {
    const ruleOptions = { ...(rule.meta.defaultOptions ?? {}), ...(options[rule.meta.id] ?? {}) };
    const report = (input: ReportInput): void => {
      const template = rule.meta.messages[input.messageId];
      if (template === undefined) {
        throw new Error(`rule ${rule.meta.id} reported unknown messageId ${input.messageId}`);
      }
      const key = buildFindingKey(rule.meta.id, input);
      if (seen.has(key)) return;
      seen.add(key);
      const severity: Severity = input.severity ?? rule.meta.severity;
      findings.push({
        key,
        rule: rule.meta.id,
        severity,
        village: input.village,
        household: input.household,
        path: input.path,
        message: formatMessage(template, input.data),
        details: input.details,
      });
    };
    const notice = (text: string): void => {
      if (!notices.includes(text)) notices.push(text);
    };
    try {
      rule.check(model, { asOf: model.asOf, options: ruleOptions, report, notice });
    } catch (error) {
      notice(`检查规则 ${rule.meta.id} 运行出错，其结果不完整：${(error as Error).message}`);
    }
  }
  return { findings, notices };
}
