import type { Rule } from './api.js';
import { listRequiredDocuments } from './lib/required-documents.js';

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
  check(model, ctx) {
    for (const entry of listRequiredDocuments(model)) {
      if (entry.present) continue;
      const level = entry.household ? 'household' : 'village';
      ctx.report({
        messageId: entry.year === null ? 'missing' : 'missingYear',
        data: { item: entry.item.name, ...(entry.year === null ? {} : { year: entry.year }) },
        village: entry.village.name,
        household: entry.household?.head ?? null,
        path: entry.path,
        details: { item: entry.item.name, level, ...(entry.year === null ? {} : { year: entry.year }) },
        keyParts: entry.year === null ? [entry.item.name] : [entry.item.name, entry.year],
      });
    }
  },
};
