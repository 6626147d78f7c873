import { defineExportCheck } from '../lib/export/check-kit.js';
import { isNewbornInGrace, isUninsured } from '../lib/export/guarantee-gaps.js';

export const medicalUninsured = defineExportCheck({
  id: 'export/medical-uninsured',
  name: '未参加基本医疗保险',
  severity: 'error',
  description: '成员既未参加城乡居民医保，也未参加城镇职工医保',
  category: '三保障和饮水安全',
  level: 'P',
  columns: ['是否参加城乡居民基本医疗保险', '是否参加城镇职工基本医疗保险'],
  messages: {
    uninsured: '{member}未参加基本医疗保险（城乡居民医保“{a}”，职工医保“{b}”）。请核实参保情况（含异地参保、职工参保），未参保的动员参保并落实参保资助。',
  },
  run(kit) {
    // Without birth dates the newborn grace period cannot be judged; the check runs without it and says so.
    const graceKnown = kit.has('出生日期|证件号码');
    kit.eachHousehold((household) => {
      for (const person of household.members) {
        if (!isUninsured(kit, person) || isNewbornInGrace(kit, person)) continue;
        const a = person.row.get('是否参加城乡居民基本医疗保险');
        const b = person.row.get('是否参加城镇职工基本医疗保险');
        kit.report({
          household,
          person,
          messageId: 'uninsured',
          data: { a: a || '空白', b: b || '空白' },
          column: '是否参加城乡居民基本医疗保险',
          values: { 是否参加城乡居民基本医疗保险: a, 是否参加城镇职工基本医疗保险: b },
          ...(graceKnown ? {} : { details: { newbornGrace: '导出表无出生日期，未按新生儿参保宽限期豁免' } }),
        });
      }
    });
  },
});
