import { defineExportCheck } from '../lib/export/check-kit.js';
import { monthsBetween } from '../lib/export/ages.js';
import { openGaps } from '../lib/export/member-facts.js';
import { parseMonth } from '../lib/export/work-spells.js';

const CAUSE: Record<string, string> = {
  dropout: '有义务教育阶段疑似失学辍学的成员',
  uninsured: '有成员未参加基本医疗保险',
  'water-unsafe': '未解决安全饮水',
  'housing-unsafe': '住房为危房',
};

export const measureRiskNotAddressed = defineExportCheck({
  id: 'export/measure-risk-not-addressed',
  name: '帮扶措施与风险不对应',
  severity: 'error',
  description: '监测户的风险或“三保障”问题没有任何对应的帮扶措施',
  category: '帮扶措施',
  level: 'H',
  columns: ['监测对象类别', '致贫返贫风险', '识别监测时间'],
  messages: { notAddressed: '该户{cause}，但帮扶措施中没有{expected}中的任何一项，措施与风险不对应。请补录已落实的措施或完善“一户一策”。' },
  run(kit) {
    const table = kit.params.riskMeasures;
    kit.eachHousehold((household) => {
      if (!kit.isMonitored(household)) return;
      const identified = parseMonth(kit.field(household, '识别监测时间'));
      if (!identified || monthsBetween(identified, kit.asOf) < kit.params.measureGraceMonths) return;
      const causes: Array<{ key: string; cause: string }> = kit.risks(household).map((r) => ({ key: r, cause: `致贫返贫风险为“${r}”` }));
      // An eliminated household with an open problem is 6.1's; problem rows apply to unresolved ones.
      if (kit.isUnresolved(household)) {
        for (const g of openGaps(kit, household)) if (!causes.some((c) => c.key === g.gap)) causes.push({ key: g.gap, cause: CAUSE[g.gap] });
      }
      for (const { key, cause } of causes) {
        const expected = (table[key] ?? []).filter((m) => kit.has(m));
        if (expected.length === 0) continue;
        if (expected.some((m) => kit.values.isFilled(kit.field(household, m)))) continue;
        kit.report({
          household,
          messageId: 'notAddressed',
          reason: key,
          data: { cause, expected: expected.map((m) => `“${m}”`).join('、') },
          column: expected[0],
          values: Object.fromEntries(expected.map((m) => [m, kit.field(household, m)])),
        });
      }
    });
  },
});
