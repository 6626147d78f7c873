import { defineExportCheck } from '../lib/export/check-kit.js';
import { isAble, labourOf } from '../lib/export/member-facts.js';

export const riskLabourShortageWithLabour = defineExportCheck({
  id: 'export/risk-labour-shortage-with-labour',
  name: '缺劳动力而劳动力较多',
  severity: 'warning',
  description: '风险类型为“缺劳动力”，但普通或技能劳动力占家庭成员的比例超过阈值（⚠ 阈值为数据）',
  category: '风险类型',
  level: 'H',
  columns: ['致贫返贫风险', '劳动技能'],
  messages: { labour: '该户风险类型为“缺劳动力”，但{n}名成员中有{k}名普通或技能劳动力。请核实风险类型。' },
  run(kit) {
    kit.eachHousehold((household) => {
      if (!kit.isUnresolved(household) || !kit.risks(household).includes('缺劳动力')) return;
      const n = household.members.length;
      const k = household.members.filter((p) => isAble(labourOf(kit, p))).length;
      if (n === 0 || k / n <= kit.params.labourShortageShare) return;
      kit.report({
        household,
        messageId: 'labour',
        data: { n, k },
        column: '致贫返贫风险',
        values: { 致贫返贫风险: kit.risks(household).join('、'), 劳动技能: household.members.map((p) => `${p.name}${p.row.get('劳动技能')}`).join('、') },
        details: { share: Math.round((k / n) * 100) / 100 },
      });
    });
  },
});
