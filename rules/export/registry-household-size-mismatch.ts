import { defineExportCheck } from '../lib/export/check-kit.js';
import { amount } from '../lib/export/member-facts.js';

export const registryHouseholdSizeMismatch = defineExportCheck({
  id: 'export/registry-household-size-mismatch',
  name: '家庭人口数与成员行数不符',
  severity: 'info',
  description: '家庭人口数与导出中该户的成员人数（不含已减少的成员）不一致',
  category: '证件、年龄、关系、户主',
  level: 'H',
  columns: ['家庭人口', '户编号'],
  messages: { size: '该户家庭人口数为{n}人，导出中却有{k}名成员。请核实成员增减是否已在系统中更新。' },
  run(kit) {
    kit.eachHousehold((household) => {
      const n = amount(kit.field(household, '家庭人口'));
      const k = household.members.length;
      if (n === null || n === k || !household.householdId) return;
      kit.report({ household, messageId: 'size', data: { n, k }, column: '家庭人口', values: { 家庭人口数: n, 成员行数: k } });
    });
  },
});
