import type { Rule } from './api.js';
import { createHeadLookup } from './lib/file-household.js';

/** PDFs without a text layer: recognised by name only until OCR reads them. */
export const scannedDocument: Rule = {
  meta: {
    id: 'scanned-document',
    name: '扫描件未读文字',
    severity: 'info',
    description: 'PDF 是扫描件，没有文字层，其内容未能检查（只按文件名识别）',
    messages: {
      scanned: '该 PDF 是扫描件（没有可读取的文字），内容未检查，只按文件名识别',
    },
  },
  check(model, ctx) {
    const headOf = createHeadLookup(model);
    for (const file of model.files) {
      if (file.ext !== 'pdf' || !file.content?.isScan) continue;
      ctx.report({
        messageId: 'scanned',
        village: file.village,
        household: headOf(file),
        path: file.path,
        details: { reason: 'no-text-layer' },
        keyParts: [file.path],
      });
    }
  },
};
