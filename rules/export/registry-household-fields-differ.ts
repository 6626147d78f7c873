import { defineExportCheck } from '../lib/export/check-kit.js';

const FIELDS = [
  '户类型',
  '监测对象类别',
  '致贫返贫风险',
  '识别监测时间',
  '消除监测时间',
  '风险是否已消除',
  '家庭人口',
  '工资性收入',
  '生产经营性收入',
  '财产性收入',
  '转移性收入',
  '家庭纯收入',
  '人均纯收入',
  '产业帮扶',
  '就业帮扶',
  '健康帮扶',
  '综合保障',
];

export const registryHouseholdFieldsDiffer = defineExportCheck({
  id: 'export/registry-household-fields-differ',
  name: '同户成员行户级数据不一致',
  severity: 'warning',
  description: '同一户编号的成员行中，户级字段（户类型、监测类别、风险、收入、措施等）不一致',
  category: '证件、年龄、关系、户主',
  level: 'H',
  columns: ['户编号'],
  messages: { differ: '户编号{householdId}的成员行中“{field}”不一致（{values}），导出数据可能不是同一时点。请核实。' },
  run(kit) {
    const fields = FIELDS.filter((f) => kit.has(f));
    kit.eachHousehold((household) => {
      if (household.people.length < 2 || !household.householdId) return;
      for (const field of fields) {
        // Some exports fill household fields on the head's row only: blanks are not a difference.
        const values = [...new Set(household.people.map((p) => p.row.get(field)).filter((v) => v !== ''))];
        if (values.length < 2) continue;
        kit.report({
          household,
          messageId: 'differ',
          reason: field,
          data: { field, values: values.map((v) => `“${v}”`).join('、') },
          column: field,
          values: { [field]: values.join('、') },
        });
      }
    });
  },
});
