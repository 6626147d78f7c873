import { defineExportCheck } from '../lib/export/check-kit.js';
import { isHousingUnsafe } from '../lib/export/guarantee-gaps.js';

export const housingUnsafe = defineExportCheck({
  id: 'export/housing-unsafe',
  name: '登记为危房户',
  severity: 'error',
  description: '系统中登记为危房户（或风险消除后住房损毁），住房安全未保障',
  category: '三保障和饮水安全',
  level: 'H',
  columns: ['是否危房户'],
  optional: { 风险消除后住房损毁: ['风险消除后是否住房损毁'] },
  messages: { unsafe: '该户在系统中登记为危房户，住房安全未保障。请核实房屋安全鉴定等级，落实危房改造或安置，并及时更新系统。' },
  run(kit) {
    kit.part('风险消除后住房损毁');
    kit.eachHousehold((household) => {
      if (!isHousingUnsafe(kit, household)) return;
      kit.report({
        household,
        messageId: 'unsafe',
        column: '是否危房户',
        values: { 是否危房户: kit.field(household, '是否危房户'), ...(kit.has('风险消除后是否住房损毁') ? { 风险消除后是否住房损毁: kit.field(household, '风险消除后是否住房损毁') } : {}) },
      });
    });
  },
});
