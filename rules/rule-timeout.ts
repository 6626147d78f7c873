import type { Rule, RuleSubject } from './api.js';

/** A rule that ran past the rule stage's per-item budget on one file or household (recorded by the engine). */
export interface RuleTimeout extends RuleSubject {
  rule: string;
  ruleName: string;
  seconds: number;
  /** The rule as a whole ran out of time (outside its loops over files and households). */
  whole?: boolean;
}

/**
 * Says where a check was cut short: that file or household was not (fully) checked by that rule, so a clean
 * result there proves nothing. The engine passes what it timed in the option `timeouts`.
 */
export const ruleTimeout: Rule = {
  meta: {
    id: 'rule-timeout',
    name: '检查超时',
    severity: 'warning',
    description: '某项检查在一个文件或一户上超过时限被中止，该处这项检查的结果不完整',
    messages: {
      timeout: '“{ruleName}”检查在此处用时 {seconds} 秒，超过时限被中止，这项检查在此处的结果不完整；请人工核对，或把文件拆小后重新审查',
      wholeTimeout: '“{ruleName}”检查整体用时 {seconds} 秒，超过时限被中止，这项检查的结果不完整（已报出的问题仍然有效）；请人工核对，或把很大的文件拆小后重新审查',
    },
    options: { timeouts: { name: '超时的检查（由引擎填入）', default: [] } },
  },
  check(_model, ctx) {
    for (const t of ctx.options.timeouts as RuleTimeout[]) {
      ctx.report({
        messageId: t.whole ? 'wholeTimeout' : 'timeout',
        data: { ruleName: t.ruleName, seconds: t.seconds },
        village: t.village,
        household: t.household,
        path: t.path,
        details: { rule: t.rule, seconds: t.seconds },
        keyParts: [t.rule, t.path ?? ''],
      });
    }
  },
};
