import { defineExportCheck } from '../lib/export/check-kit.js';
import { openGaps, type GapName } from '../lib/export/member-facts.js';

const INDICATOR: Record<GapName, string> = {
  'water-unsafe': '未解决安全饮水',
  'housing-unsafe': '住房为危房',
  dropout: '有义务教育阶段疑似失学辍学的成员',
  uninsured: '有成员未参加基本医疗保险',
};

export const riskGuaranteeGapNotInRisks = defineExportCheck({
  id: 'export/risk-guarantee-gap-not-in-risks',
  name: '三保障问题未列入风险',
  severity: 'warning',
  description: '未消除风险的监测户“三保障”或饮水有问题，风险类型中却没有相应的类型',
  category: '风险类型',
  level: 'H',
  columns: ['致贫返贫风险', '监测对象类别'],
  messages: { notInRisks: '该户{indicator}，致贫返贫风险中却没有“{risk}”。请核实风险类型与“三保障”和饮水状况是否一致。' },
  run(kit) {
    const table = kit.params.guaranteeRisk;
    kit.eachHousehold((household) => {
      if (!kit.isUnresolved(household)) return;
      const risks = kit.risks(household);
      const seen = new Set<GapName>();
      for (const gap of openGaps(kit, household)) {
        const risk = table[gap.gap];
        // uninsured → 因病 is off by default (⚠ an uninsured member is not necessarily ill).
        if (!risk || risks.includes(risk) || seen.has(gap.gap)) continue;
        seen.add(gap.gap);
        kit.report({
          household,
          messageId: 'notInRisks',
          reason: gap.gap,
          data: { indicator: INDICATOR[gap.gap], risk },
          column: '致贫返贫风险',
          values: { 致贫返贫风险: risks.join('、') },
          details: { gap: gap.text },
        });
      }
    });
  },
});
