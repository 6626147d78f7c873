// The Chinese words the reports show for severities and statuses (a rule's name is in its meta): one place, so the
// ledger, the web page and the command-line summary say the same thing.
import type { Finding, Severity } from '../../../rules/api.js';
import { rules } from '../../../rules/index.js';

const dataRuleNames = new Map<string, string>();

/** Names of checks written as data (loaded with the rule data, not in the rules index), for the reports. */
export function rememberRuleNames(extra: ReadonlyArray<{ meta: { id: string; name: string } }>): void {
  for (const r of extra) dataRuleNames.set(r.meta.id, r.meta.name);
}

/** The rule's Chinese name, as the rule declares it; an id no rule has (an old report's) shows as itself. */
export function ruleName(ruleId: string): string {
  return rules[ruleId]?.meta.name ?? dataRuleNames.get(ruleId) ?? ruleId;
}

export const SEVERITY_NAMES: Record<Severity, string> = {
  error: '错误',
  warning: '警告',
  info: '提示',
};

export const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'info'];

/** 整改状态 as the clerk reads it: a finding first seen now is 新增, one seen before is 未整改. */
export function statusName(status: Finding['status']): string {
  if (status === 'new') return '新增';
  if (status === 'open') return '未整改';
  return '';
}

export const RESOLVED_STATUS_NAME = '已整改';

/** Shown where a finding belongs to no village or household. */
export const TOWNSHIP_LEVEL = '乡镇级';
export const VILLAGE_LEVEL = '村级';
