import { defineExportCheck } from '../lib/export/check-kit.js';
import { hasWorkRecord } from '../lib/export/member-facts.js';

export const riskEmploymentNoWorker = defineExportCheck({
  id: 'export/risk-employment-no-worker',
  name: '务工就业不稳而无务工记录',
  severity: 'warning',
  description: '风险类型为“因务工就业不稳”，但家庭成员均无务工监测记录',
  category: '风险类型',
  level: 'H',
  columns: ['致贫返贫风险', '是否已务工|是否计划务工'],
  messages: { noWorker: '该户风险类型为“因务工就业不稳”，但家庭成员均无务工监测记录。请补录务工信息或核实风险类型。' },
  run(kit) {
    kit.eachHousehold((household) => {
      if (!kit.isUnresolved(household) || !kit.risks(household).includes('因务工就业不稳')) return;
      if (household.members.some((p) => hasWorkRecord(kit, p))) return;
      kit.report({ household, messageId: 'noWorker', column: '致贫返贫风险', values: { 致贫返贫风险: kit.risks(household).join('、') } });
    });
  },
});
