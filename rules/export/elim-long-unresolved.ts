import { defineExportCheck } from '../lib/export/check-kit.js';
import { monthsBetween } from '../lib/export/ages.js';
import { amount, openGaps } from '../lib/export/member-facts.js';
import { parseMonth } from '../lib/export/work-spells.js';

export const elimLongUnresolved = defineExportCheck({
  id: 'export/elim-long-unresolved',
  name: '长期未消除风险',
  severity: 'info',
  description: '识别多年仍未消除风险，收入已稳定高于监测范围且无“三保障”问题，评估是否应消未消',
  category: '识别纳入、风险消除',
  level: 'H',
  columns: ['识别监测时间', '风险是否已消除', '人均纯收入'],
  messages: { long: '该户于{identDate}识别为监测对象，已{months}个月未消除风险，当前人均纯收入{perCapita}元。请评估风险是否已稳定消除，防止“应消未消”。' },
  run(kit) {
    kit.eachHousehold((household) => {
      if (!kit.isUnresolved(household)) return;
      const identified = parseMonth(kit.field(household, '识别监测时间'));
      if (!identified) return;
      const months = monthsBetween(identified, kit.asOf);
      if (months <= kit.params.longUnresolvedMonths) return;
      const perCapita = amount(kit.field(household, '人均纯收入'));
      const { year } = kit.incomeYear(household);
      const line = kit.lineFor(year);
      if (perCapita === null || line === null || perCapita < line * (1 + kit.nearThresholdMargin)) return;
      if (openGaps(kit, household).length > 0) return;
      kit.report({
        household,
        messageId: 'long',
        data: { identDate: identified.slice(0, 7), months, perCapita },
        column: '识别监测时间',
        values: { 识别监测时间: kit.field(household, '识别监测时间'), 人均纯收入: perCapita },
        details: { months, line },
      });
    });
  },
});
