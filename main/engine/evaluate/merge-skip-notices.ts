// Export checks skipped for the same missing columns share one notice (export-checks.md §3), so an export
// without, say, the insurance columns says so once, naming every check it held back, not once per check.
const SKIPPED = /^本次导出缺少(.+)列，以下检查未执行：(.+)$/;

export function mergeSkipNotices(notices: readonly string[]): string[] {
  const merged: string[] = [];
  const byColumns = new Map<string, number>();
  for (const notice of notices) {
    const m = SKIPPED.exec(notice);
    if (!m) {
      merged.push(notice);
      continue;
    }
    const at = byColumns.get(m[1]);
    if (at === undefined) {
      byColumns.set(m[1], merged.length);
      merged.push(notice);
    } else merged[at] = `${merged[at]}、${m[2]}`;
  }
  return merged;
}
