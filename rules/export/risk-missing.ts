import { defineExportCheck } from '../lib/export/check-kit.js';

export const riskMissing = defineExportCheck({
  id: 'export/risk-missing',
  name: '监测户未登记风险类型',
  severity: 'error',
  description: '监测户没有登记致贫返贫风险类型',
  category: '风险类型',
  level: 'H',
  columns: ['监测对象类别', '致贫返贫风险'],
  messages: { missing: '该户为{category}，但未登记致贫返贫风险类型。请补录。' },
  run(kit) {
    kit.eachHousehold((household) => {
      if (!kit.isMonitored(household) || kit.risks(household).length > 0) return;
      const category = kit.field(household, '监测对象类别');
      kit.report({ household, messageId: 'missing', data: { category }, column: '致贫返贫风险', values: { 监测对象类别: category, 致贫返贫风险: '' } });
    });
  },
});
