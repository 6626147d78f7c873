import { defineExportCheck } from '../lib/export/check-kit.js';
import { amount } from '../lib/export/member-facts.js';

export const incomeHighAtIdentification = defineExportCheck({
  id: 'export/income-high-at-identification',
  name: '监测户收入远高于监测范围',
  severity: 'warning',
  description: '未消除风险的脱贫不稳定户、边缘易致贫户人均纯收入远高于当年监测范围（⚠ 刚性支出大的可能合理）',
  category: '收入',
  level: 'H',
  columns: ['监测对象类别', '识别监测时间', '人均纯收入'],
  messages: { high: '该户识别为{category}，人均纯收入{perCapita}元，远高于当年监测范围{line}元。请核实识别依据是否充分。' },
  run(kit) {
    kit.eachHousehold((household) => {
      const category = kit.field(household, '监测对象类别');
      // 突发严重困难户 may be above the range by definition (domain.md).
      if (!kit.isUnresolved(household) || !kit.params.values.categoriesWithinRange.includes(category)) return;
      const perCapita = amount(kit.field(household, '人均纯收入'));
      const { year, how } = kit.incomeYear(household);
      const line = kit.lineFor(year);
      if (perCapita === null || line === null || perCapita <= line * kit.params.identificationCeilingFactor) return;
      kit.report({
        household,
        messageId: 'high',
        data: { category, perCapita, line },
        column: '人均纯收入',
        values: { 监测对象类别: category, 识别监测时间: kit.field(household, '识别监测时间'), 人均纯收入: perCapita },
        details: { year, incomeYearBasis: how, ceiling: line * kit.params.identificationCeilingFactor, incomeBasis: '导出表无识别时收入，按当前人均纯收入判断' },
      });
    });
  },
});
