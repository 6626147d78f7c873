import { defineExportCheck } from '../lib/export/check-kit.js';
import { openGaps } from '../lib/export/member-facts.js';

export const identGuaranteeGapUnmonitored = defineExportCheck({
  id: 'export/ident-guarantee-gap-unmonitored',
  name: '三保障有问题未纳入监测',
  severity: 'error',
  description: '未纳入监测的农户住房、饮水、基本医保或义务教育未保障（应纳未纳）',
  category: '识别纳入、风险消除',
  level: 'H',
  columns: ['监测对象类别'],
  optional: {
    住房: ['是否危房户'],
    饮水: ['是否解决安全饮用水'],
    基本医保: ['是否参加城乡居民基本医疗保险', '是否参加城镇职工基本医疗保险'],
    义务教育: ['出生日期|证件号码', '在校生状况', '义务教育阶段未上学原因', '健康状况'],
  },
  messages: { unmonitored: '该户{gap}，但未纳入防止返贫监测。请核实，符合条件的识别纳入并落实帮扶。' },
  run(kit) {
    for (const part of ['住房', '饮水', '基本医保', '义务教育']) kit.part(part);
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
