// The Chinese words the reports show for rule ids, severities and statuses: one place, so the
// ledger, the web page and the command-line summary say the same thing.
import type { Finding, Severity } from '../../../rules/api.js';

const RULE_NAMES: Record<string, string> = {
  'missing-document': '缺少资料',
  // The system lists the household, the archive has no folder for it.
  'missing-household': '缺少户档案',
  // A folder in the archive that no system export lists.
  'unlisted-household': '系统无此户',
  'unreadable-file': '文件无法读取',
  'outdated-term': '使用停用表述',
  'copied-income': '收入表照搬',
  'template-plan': '一户一策雷同',
  'incomplete-procedure': '程序不完整',
  'stale-ledger': '台账未更新',
  'elimination-doubt': '风险消除存疑',
  'data-mismatch': '数据不一致',
  'near-threshold': '收入临界',
  'single-person-assistance': '单人保',
  'personal-data-exposed': '公示泄露个人信息',
};

/** The rule's Chinese name; an id without one (a newer rule) shows as itself. */
export function ruleName(ruleId: string): string {
  return RULE_NAMES[ruleId] ?? ruleId;
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
