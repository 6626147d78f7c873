import { defineExportCheck } from '../lib/export/check-kit.js';
import { parseMonth } from '../lib/export/work-spells.js';

export const elimDatesInconsistent = defineExportCheck({
  id: 'export/elim-dates-inconsistent',
  name: '识别消除时间有误',
  severity: 'error',
  description: '监测户识别时间空白、消除时间与消除状态不符、消除早于识别或日期晚于审查日期',
  category: '识别纳入、风险消除',
  level: 'H',
  columns: ['监测对象类别', '识别监测时间', '消除监测时间', '风险是否已消除'],
  messages: { dates: '该户识别或消除时间有误：{detail}。请核实并更正。' },
  run(kit) {
    const asOfMonth = `${kit.asOf.slice(0, 7)}-01`;
    kit.eachHousehold((household) => {
      if (!kit.isMonitored(household)) return;
      const identText = kit.field(household, '识别监测时间');
      const elimText = kit.field(household, '消除监测时间');
      const ident = parseMonth(identText);
      const elim = parseMonth(elimText);
      const state = kit.values.yesNo(kit.field(household, '风险是否已消除'), '风险是否已消除');
      const problems: string[] = [];
      if (!identText) problems.push('识别监测时间为空');
      if (state === 'yes' && !elimText) problems.push('风险已消除但消除监测时间为空');
      if (state === 'no' && elimText) problems.push(`风险未消除却填有消除监测时间（${elimText}）`);
      if (ident && elim && elim < ident) problems.push(`消除监测时间（${elimText}）早于识别监测时间（${identText}）`);
      if (ident && ident > asOfMonth) problems.push(`识别监测时间（${identText}）晚于审查日期`);
      if (elim && elim > asOfMonth) problems.push(`消除监测时间（${elimText}）晚于审查日期`);
      if (problems.length === 0) return;
      kit.report({
        household,
        messageId: 'dates',
        data: { detail: problems.join('；') },
        column: '识别监测时间',
        values: { 识别监测时间: identText, 消除监测时间: elimText, 风险是否已消除: kit.field(household, '风险是否已消除') },
        details: { problems },
      });
    });
  },
});
