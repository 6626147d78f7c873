import { defineExportCheck } from '../lib/export/check-kit.js';
import { amount } from '../lib/export/member-facts.js';

export const assistBelowDibaoStandard = defineExportCheck({
  id: 'export/assist-below-dibao-standard',
  name: '收入低于低保标准未兜底',
  severity: 'warning',
  description: '人均纯收入低于本县农村低保标准，但无人享受低保或特困（本县标准未配置时不执行）',
  category: '兜底保障',
  level: 'H',
  columns: ['人均纯收入', '是否享受低保', '是否特困供养'],
  messages: {
    below: '该户人均纯收入{perCapita}元，低于本县{year}年农村低保标准{standard}元，但无人享受低保或特困供养。请核实家庭收入和财产状况，符合条件的及时纳入兜底保障。',
  },
  run(kit) {
    const standards = kit.params.ruralDibaoStandard;
    if (!standards) {
      kit.ctx.notice('未配置本县农村低保标准（--config 的 exportChecks: ruralDibaoStandard，按年度填写），检查 export/assist-below-dibao-standard（收入低于低保标准未兜底）未执行');
      return;
    }
    kit.eachHousehold((household) => {
      const { year, how } = kit.incomeYear(household);
      const standard = standards[String(year)];
      const perCapita = amount(kit.field(household, '人均纯收入'));
      if (standard === undefined) {
        kit.ctx.notice(`本县 ${year} 年农村低保标准未配置，检查 export/assist-below-dibao-standard 对该年度未执行`);
        return;
      }
      if (perCapita === null || perCapita >= standard) return;
      const statuses = household.members.flatMap((p) => [kit.values.dibao(p.row.get('是否享受低保')), kit.values.tekun(p.row.get('是否特困供养'))]);
      if (statuses.some((s) => s === 'yes' || s === 'unknown')) return;
      kit.report({
        household,
        messageId: 'below',
        data: { perCapita, year, standard },
        column: '人均纯收入',
        values: { 人均纯收入: perCapita },
        details: { year, incomeYearBasis: how, standard },
      });
    });
  },
});
