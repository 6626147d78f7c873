import { defineExportCheck } from '../lib/export/check-kit.js';
import { amount } from '../lib/export/member-facts.js';

export const identBurdenedUnmonitored = defineExportCheck({
  id: 'export/ident-burdened-unmonitored',
  name: '医疗负担重未纳入监测',
  severity: 'info',
  description: '未纳入监测的农户合规自付医疗支出超过本县标准（本县标准未配置时不执行）',
  category: '识别纳入、风险消除',
  level: 'H',
  columns: ['监测对象类别', '合规自付支出', '家庭纯收入'],
  messages: { burdened: '该户合规自付医疗支出{cost}元（占家庭纯收入{share}），负担较重，但未纳入防止返贫监测。请核实是否存在应纳未纳。' },
  run(kit) {
    const burden = kit.params.medicalBurden;
    if (!burden || (burden.amount === undefined && burden.share === undefined)) {
      kit.ctx.notice('未配置本县医疗支出负担标准（--config 的 exportChecks: medicalBurden，写 amount 金额或 share 占比），检查 export/ident-burdened-unmonitored（医疗负担重未纳入监测）未执行');
      return;
    }
    kit.eachHousehold((household) => {
      if (kit.isMonitored(household)) return;
      const cost = amount(kit.field(household, '合规自付支出'));
      const income = amount(kit.field(household, '家庭纯收入'));
      if (cost === null || cost <= 0) return;
      const share = income && income > 0 ? cost / income : null;
      const over = (burden.amount !== undefined && cost > burden.amount) || (burden.share !== undefined && share !== null && share > burden.share);
      if (!over) return;
      kit.report({
        household,
        messageId: 'burdened',
        data: { cost, share: share === null ? '无法计算' : `${Math.round(share * 1000) / 10}%` },
        column: '合规自付支出',
        values: { 合规自付支出: cost, 家庭纯收入: income },
      });
    });
  },
});
