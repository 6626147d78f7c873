import { defineExportCheck } from '../lib/export/check-kit.js';
import { amount } from '../lib/export/member-facts.js';

export const riskIllnessNoMedicalCost = defineExportCheck({
  id: 'export/risk-illness-no-medical-cost',
  name: '因病而无医疗支出',
  severity: 'info',
  description: '风险类型为“因病”，合规自付医疗支出却为 0 或空白（⚠ 因病也可能是劳动力患病导致收入减少）',
  category: '风险类型',
  level: 'H',
  columns: ['致贫返贫风险', '合规自付支出'],
  messages: { noCost: '该户风险类型为“因病”，合规自付医疗支出却为{v}。请核实医疗支出是否已采集。' },
  run(kit) {
    kit.eachHousehold((household) => {
      if (!kit.isUnresolved(household) || !kit.risks(household).includes('因病')) return;
      const text = kit.field(household, '合规自付支出');
      const v = amount(text);
      if (v !== null && v !== 0) return;
      if (v === null && text !== '') return;
      kit.report({ household, messageId: 'noCost', data: { v: v === 0 ? '0' : '空白' }, column: '合规自付支出', values: { 合规自付支出: text } });
    });
  },
});
