import type { RequiredDocument, Rule } from './api.js';

export const missingDocument: Rule = {
  meta: {
    id: 'missing-document',
    name: '缺少资料',
    severity: 'error',
    description: '资料目录要求的资料在村或户的档案中找不到',
    messages: {
      missing: '缺少{item}',
      missingYear: '缺少 {year} 年{item}',
    },
  },
  // What is owed is decided once by the engine (`required` on villages and households); this rule only reports the gaps.
  check(model, ctx) {
    const report = (entry: RequiredDocument, village: string, household: string | null, path: string): void => {
      if (entry.status !== 'missing') return;
      ctx.report({
        messageId: entry.year === null ? 'missing' : 'missingYear',
        data: { item: entry.item, ...(entry.year === null ? {} : { year: entry.year }) },
        village,
        household,
        path,
        details: { item: entry.item, level: household === null ? 'village' : 'household', ...(entry.year === null ? {} : { year: entry.year }) },
        keyParts: entry.year === null ? [entry.item] : [entry.item, entry.year],
      });
    };
    for (const village of model.villages) {
      for (const entry of village.required) report(entry, village.name, null, village.path);
      for (const household of village.households) {
        if (household.path === null) continue;
        for (const entry of household.required) report(entry, village.name, household.head, household.path);
      }
    }
  },
};
