import type { Rule } from './api.js';
import { createHeadLookup } from './lib/file-household.js';

export const unreadableFile: Rule = {
  meta: {
    id: 'unreadable-file',
    name: '文件无法读取',
    severity: 'error',
    description: '文件无法打开或解析（已损坏、加密、空文件或格式不符），其内容未能检查',
    messages: {
      unreadable: '文件无法读取：{reason}',
    },
  },
  check(model, ctx) {
    const headOf = createHeadLookup(model);
    for (const file of model.files) {
      if (!file.unreadable) continue;
      ctx.report({
        messageId: 'unreadable',
        data: { reason: file.unreadable.message },
        village: file.village,
        household: headOf(file),
        path: file.path,
        details: { reason: file.unreadable.reason, message: file.unreadable.message },
        keyParts: [file.path],
      });
    }
  },
};
