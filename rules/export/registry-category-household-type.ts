import { defineExportCheck } from '../lib/export/check-kit.js';

export const registryCategoryHouseholdType = defineExportCheck({
  id: 'export/registry-category-household-type',
  name: '监测类别与户类型矛盾',
  severity: 'error',
  description: '脱贫不稳定户的户类型不是脱贫户，或边缘易致贫户的户类型是脱贫户',
  category: '证件、年龄、关系、户主',
  level: 'H',
  columns: ['监测对象类别', '户类型'],
  messages: { mismatch: '该户监测对象类别为“{category}”，户类型却为“{type}”。脱贫不稳定户应为脱贫户，边缘易致贫户应为一般农户，请核实。' },
  run(kit) {
    const known = new Set(kit.params.values.householdTypes);
    kit.eachHousehold((household) => {
      const category = kit.field(household, '监测对象类别');
      const type = kit.field(household, '户类型');
      if (!type || !kit.isMonitored(household)) return;
      // Some exports write 监测对象 (or other words) as the type: unknown, never a finding.
      if (!known.has(type)) {
        kit.ctx.notice(`系统导出表“户类型”列中的值“${type}”不在取值对照表中（rules/data/export-checks.yaml），监测类别与户类型的比对对这些户不作判断`);
        return;
      }
      const required = kit.params.values.categoryHouseholdType[category];
      if (required === undefined || type === required) return;
      kit.report({ household, messageId: 'mismatch', data: { category, type }, column: '户类型', values: { 监测对象类别: category, 户类型: type } });
    });
  },
});
