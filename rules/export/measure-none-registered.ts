import { defineExportCheck } from '../lib/export/check-kit.js';
import { monthsBetween } from '../lib/export/ages.js';
import { parseMonth } from '../lib/export/work-spells.js';
import { isEliminatedByHelp } from '../lib/export/member-facts.js';

export const measureNoneRegistered = defineExportCheck({
  id: 'export/measure-none-registered',
  name: '监测户未登记帮扶措施',
  severity: 'error',
  description: '监测户识别后超过宽限期仍未登记任何帮扶措施，或以帮扶消除方式消除而无任何措施',
  category: '帮扶措施',
  level: 'H',
  columns: ['监测对象类别', '识别监测时间'],
  messages: { none: '该户于{identDate}识别为监测对象，至今未登记任何帮扶措施{elimText}。请补录已落实的帮扶措施。' },
  run(kit) {
    const columns = kit.params.measureColumns.filter((c) => kit.has(c));
    if (columns.length === 0) {
      kit.ctx.notice(`本次导出缺少帮扶措施各列（${kit.params.measureColumns.slice(0, 4).join('、')}等），检查 export/measure-none-registered（监测户未登记帮扶措施）未执行`);
      return;
    }
    kit.eachHousehold((household) => {
      if (!kit.isMonitored(household)) return;
      if (columns.some((c) => kit.values.isFilled(kit.field(household, c)))) return;
      const identText = kit.field(household, '识别监测时间');
      const identified = parseMonth(identText);
      const byHelp = isEliminatedByHelp(kit, household);
      if (!byHelp && (!identified || monthsBetween(identified, kit.asOf) < kit.params.measureGraceMonths)) return;
      kit.report({
        household,
        messageId: 'none',
        data: { identDate: identified ? identified.slice(0, 7) : identText || '（未填）', elimText: byHelp ? '，却以“帮扶消除”方式消除了风险' : '' },
        column: columns[0],
        values: Object.fromEntries(columns.map((c) => [c, ''])),
      });
    });
  },
});
