import { defineExportCheck } from '../lib/export/check-kit.js';
import { GAP_PARTS, openGaps } from '../lib/export/member-facts.js';

export const identGuaranteeGapUnmonitored = defineExportCheck({
  id: 'export/ident-guarantee-gap-unmonitored',
  name: '三保障有问题未纳入监测',
  severity: 'error',
  description: '未纳入监测的农户住房、饮水、基本医保或义务教育未保障（应纳未纳）',
  category: '识别纳入、风险消除',
  level: 'H',
  columns: ['监测对象类别'],
  optional: GAP_PARTS,
  messages: { unmonitored: '该户{gap}，但未纳入防止返贫监测。请核实，符合条件的识别纳入并落实帮扶。' },
  run(kit) {
    for (const part of Object.keys(GAP_PARTS)) kit.part(part);
    kit.eachHousehold((household) => {
      if (kit.isMonitored(household)) return;
      const gaps = openGaps(kit, household);
      if (gaps.length === 0) return;
      kit.report({
        household,
        messageId: 'unmonitored',
        data: { gap: gaps.map((g) => g.text).join('、') },
        column: '监测对象类别',
        values: { 监测对象类别: '' },
        details: { gaps: gaps.map((g) => g.gap), gapText: gaps.map((g) => g.text) },
      });
    });
  },
});
