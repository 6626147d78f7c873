import { defineExportCheck } from '../lib/export/check-kit.js';
import { isYesCell } from '../lib/export/member-facts.js';

export const medicalCriticalIllnessMissing = defineExportCheck({
  id: 'export/medical-critical-illness-missing',
  name: '居民医保未含大病保险',
  severity: 'warning',
  description: '已参加城乡居民医保，“是否参加大病保险”却为否',
  category: '三保障和饮水安全',
  level: 'P',
  columns: ['是否参加城乡居民基本医疗保险', '是否参加大病保险'],
  messages: {
    missing: '{member}已参加城乡居民医保，“是否参加大病保险”却为“{v}”。城乡居民医保参保人均纳入大病保险，请核实并更正。',
  },
  run(kit) {
    kit.eachHousehold((household) => {
      for (const person of household.members) {
        const v = person.row.get('是否参加大病保险');
        // A blank is 7.6's (a required field); only a stated 否 contradicts residents' insurance.
        if (!isYesCell(kit, person, '是否参加城乡居民基本医疗保险') || kit.values.yesNo(v, '是否参加大病保险') !== 'no') continue;
        kit.report({
          household,
          person,
          messageId: 'missing',
          data: { v },
          column: '是否参加大病保险',
          values: { 是否参加城乡居民基本医疗保险: person.row.get('是否参加城乡居民基本医疗保险'), 是否参加大病保险: v },
        });
      }
    });
  },
});
