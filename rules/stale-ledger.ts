import type { ArchiveFile, ChecklistItem, LedgerEntry, Rule, Village } from './api.js';
import { addMonths, monthsBetween } from './lib/months.js';

interface PlacedEntry extends LedgerEntry {
  path: string;
}

/** Ledger items to check: those the checklist gives an age limit, and any the options name. */
function ledgerItems(items: ChecklistItem[], extra: unknown): ChecklistItem[] {
  const named = Array.isArray(extra) ? extra.filter((n): n is string => typeof n === 'string') : [];
  return items.filter((i) => i.level === 'village' && (i.maxAgeMonths !== undefined || named.includes(i.name)));
}

/** Files of the item whose entries were read; a scan or an unreadable file says nothing about its dates. */
function readFiles(village: Village, item: string): Array<{ file: ArchiveFile; entries: LedgerEntry[] }> {
  return village.files
    .filter((f) => f.matches.some((m) => m.item === item && !m.step))
    .filter((f) => f.content !== null && !f.content.isScan && village.ledgers[f.path] !== undefined)
    .map((file) => ({ file, entries: village.ledgers[file.path] }));
}

export const staleLedger: Rule = {
  meta: {
    id: 'stale-ledger',
    name: '台账未更新',
    severity: 'warning',
    description: '村级台账（防返贫监测对象台账、驻村工作队工作日志）最近一条记录距审查日期过久，或找不到带日期的记录',
    messages: {
      stale: '{item}最近一条记录是 {lastEntry}，距审查日期已超过 {maxAgeMonths} 个月，未及时更新{note}',
      noEntry: '{item}中找不到带日期的记录，无法看出是否及时更新{note}',
      futureEntry: '{item}中有晚于审查日期的记录日期（{dates}），可能是笔误，未作为最近记录',
    },
    options: {
      items: { name: '要查更新的台账（空则按检查清单）', default: [] },
      maxAgeMonths: { name: '台账最长未更新月数', default: 6, threshold: 'ledgerMaxAgeMonths' },
    },
  },
  check(model, ctx) {
    const note = (future: PlacedEntry[]): string =>
      future.length === 0 ? '' : `（另有晚于审查日期的记录 ${future.map((e) => e.date).join('、')}，可能是笔误，未计入）`;
    for (const village of model.villages) {
      for (const item of ledgerItems(model.checklist.items, ctx.options.items)) {
        const files = readFiles(village, item.name);
        if (files.length === 0) continue;
        const maxAgeMonths =
          typeof item.maxAgeMonths === 'number' && item.maxAgeMonths > 0 ? item.maxAgeMonths : Number(ctx.options.maxAgeMonths);
        const entries: PlacedEntry[] = files.flatMap(({ file, entries: list }) => list.map((e) => ({ ...e, path: file.path })));
        const future = entries.filter((e) => e.date > ctx.asOf).sort((a, b) => a.date.localeCompare(b.date));
        const latest = entries.filter((e) => e.date <= ctx.asOf).sort((a, b) => b.date.localeCompare(a.date))[0];
        const futureEntries = future.map((e) => ({ date: e.date, path: e.path, location: e.location }));
        const base = { village: village.name, household: null, keyParts: [item.name] };

        if (!latest) {
          ctx.report({
            ...base,
            messageId: 'noEntry',
            data: { item: item.name, note: note(future) },
            path: files[0].file.path,
            details: { item: item.name, lastEntry: null, path: files[0].file.path, paths: files.map((f) => f.file.path), maxAgeMonths, futureEntries },
          });
          continue;
        }
        const cutoff = addMonths(ctx.asOf, -maxAgeMonths);
        if (latest.date < cutoff) {
          ctx.report({
            ...base,
            messageId: 'stale',
            data: { item: item.name, lastEntry: latest.date, maxAgeMonths, note: note(future) },
            path: latest.path,
            details: {
              item: item.name,
              lastEntry: latest.date,
              path: latest.path,
              location: latest.location,
              maxAgeMonths,
              monthsOld: monthsBetween(latest.date, ctx.asOf),
              futureEntries,
            },
          });
        } else if (future.length > 0) {
          // Fresh, but a date after the audit date is most likely a typo the clerk should fix.
          ctx.report({
            ...base,
            keyParts: [item.name, 'future'],
            severity: 'info',
            messageId: 'futureEntry',
            data: { item: item.name, dates: future.map((e) => `${e.date} ${e.location}`).join('、') },
            path: future[0].path,
            details: { item: item.name, lastEntry: latest.date, path: future[0].path, futureEntries },
          });
        }
      }
    }
  },
};
