import { defineExportCheck } from '../lib/export/check-kit.js';

export const registryHouseholdHead = defineExportCheck({
  id: 'export/registry-household-head',
  name: '户主缺失或重复',
  severity: 'error',
  description: '同一户编号没有户主，或有两名以上户主',
  category: '证件、年龄、关系、户主',
  level: 'H',
  columns: ['户编号', '与户主关系'],
  messages: { head: '户编号{householdId}{problem}。请核实家庭成员与户主关系。' },
  run(kit) {
    kit.eachHousehold((household) => {
      if (household.headCount === 1 || !household.householdId) return;
      kit.report({
        household,
        messageId: 'head',
        data: { problem: household.headCount === 0 ? '没有户主' : `有${household.headCount}名户主` },
        column: '与户主关系',
        values: { 与户主关系: household.people.map((p) => `${p.name}${p.row.get('与户主关系') || '空白'}`).join('、') },
        details: { heads: household.headCount },
      });
    });
  },
});
