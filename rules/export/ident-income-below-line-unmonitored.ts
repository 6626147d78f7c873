import { defineExportCheck } from '../lib/export/check-kit.js';
import { amount } from '../lib/export/member-facts.js';

export const identIncomeBelowLineUnmonitored = defineExportCheck({
  id: 'export/ident-income-below-line-unmonitored',
  name: '收入低于监测范围未纳入',
  severity: 'error',
  description: '未纳入监测的农户人均纯收入低于当年监测范围（应纳未纳）',
  category: '识别纳入、风险消除',
  level: 'H',
  columns: ['监测对象类别', '人均纯收入'],
  messages: { below: '该户人均纯收入{perCapita}元，低于{year}年监测范围{line}元，但未纳入防止返贫监测。请入户核实，符合条件的按程序识别纳入。' },
  run(kit) {
    kit.eachHousehold((household) => {
      if (kit.isMonitored(household)) return;
      const perCapita = amount(kit.field(household, '人均纯收入'));
      if (perCapita === null) return;
      const { year, how } = kit.incomeYear(household);
      const line = kit.lineFor(year);
      if (line === null || perCapita >= line) return;
      kit.report({ household, messageId: 'below', data: { perCapita, year, line }, column: '人均纯收入', values: { 监测对象类别: '', 人均纯收入: perCapita }, details: { year, incomeYearBasis: how, line } });
    });
  },
});
