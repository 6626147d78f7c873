import { defineExportCheck } from '../lib/export/check-kit.js';
import { isEliminatedByHelp, labourOf } from '../lib/export/member-facts.js';

export const elimNoLabour = defineExportCheck({
  id: 'export/elim-no-labour',
  name: '整户无劳动能力却消除风险',
  reportsAs: 'elimination-doubt',
  severity: 'error',
  description: '以帮扶消除方式消除风险，但家庭成员均无劳动能力',
  category: '识别纳入、风险消除',
  level: 'H',
  columns: ['风险是否已消除', '风险消除方式', '劳动技能'],
  messages: { noLabour: '该户成员均无劳动能力，却已标注风险消除。整户无劳动能力的应落实兜底保障并继续监测，请核实。' },
  run(kit) {
    kit.eachHousehold((household) => {
      // 自然消除 (a death, a graduation) may end a risk whatever the household's labour.
      if (!isEliminatedByHelp(kit, household)) return;
      const classes = household.members.map((p) => labourOf(kit, p));
      if (classes.length === 0 || !classes.every((c) => c === 'none' || c === 'lost')) return;
      kit.report({
        household,
        messageId: 'noLabour',
        reason: 'no-labour',
        column: '风险是否已消除',
        values: { 风险消除方式: kit.field(household, '风险消除方式'), 劳动技能: household.members.map((p) => `${p.name}${p.row.get('劳动技能')}`).join('、') },
      });
    });
  },
});
