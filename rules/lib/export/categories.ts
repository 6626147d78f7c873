// The catalogue's eight categories, in its order (export-checks.md §1): reports group export findings by them.
export const EXPORT_CATEGORIES = [
  '三保障和饮水安全',
  '兜底保障',
  '劳动力、务工、公益性岗位',
  '收入',
  '风险类型',
  '识别纳入、风险消除',
  '证件、年龄、关系、户主',
  '帮扶措施',
] as const;

/** A category's place in the catalogue; an unknown one (a county's own check) comes last. */
export function categoryRank(category: string | undefined): number {
  const i = EXPORT_CATEGORIES.indexOf(category as (typeof EXPORT_CATEGORIES)[number]);
  return i < 0 ? EXPORT_CATEGORIES.length : i;
}

/** `在校生状况：非在校生；义务教育阶段未上学原因：（空）` — the values a finding read, for 系统中的值. */
export function formatExportValues(values: unknown): string {
  if (typeof values !== 'object' || values === null) return '';
  return Object.entries(values as Record<string, unknown>)
    .map(([column, value]) => `${column}：${value === null || value === undefined || value === '' ? '（空）' : String(value)}`)
    .join('；');
}

/** A notice that an export check (or part of one) did not run for want of a column or a county parameter. */
export function isExportSkip(notice: string): boolean {
  return /export\//.test(notice) && /未执行|未查这些列/.test(notice);
}
