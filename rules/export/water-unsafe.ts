import { defineExportCheck } from '../lib/export/check-kit.js';
import { isWaterUnsafe } from '../lib/export/guarantee-gaps.js';

export const waterUnsafe = defineExportCheck({
  id: 'export/water-unsafe',
  name: '未解决安全饮水',
  severity: 'error',
  description: '系统中登记为未解决安全饮用水（或风险消除后饮水设施损毁）',
  category: '三保障和饮水安全',
  level: 'H',
  columns: ['是否解决安全饮用水'],
  optional: { 风险消除后饮水设施损毁: ['风险消除后是否饮水设施损毁'] },
  messages: { unsafe: '该户在系统中登记为未解决安全饮水。请核实供水情况，落实饮水安全保障措施，并及时更新系统。' },
  run(kit) {
    kit.part('风险消除后饮水设施损毁');
    kit.eachHousehold((household) => {
      if (!isWaterUnsafe(kit, household)) return;
      kit.report({
        household,
        messageId: 'unsafe',
        column: '是否解决安全饮用水',
        values: { 是否解决安全饮用水: kit.field(household, '是否解决安全饮用水'), ...(kit.has('风险消除后是否饮水设施损毁') ? { 风险消除后是否饮水设施损毁: kit.field(household, '风险消除后是否饮水设施损毁') } : {}) },
      });
    });
  },
});
