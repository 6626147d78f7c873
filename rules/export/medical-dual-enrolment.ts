import { defineExportCheck } from '../lib/export/check-kit.js';
import { isYesCell } from '../lib/export/member-facts.js';

export const medicalDualEnrolment = defineExportCheck({
  id: 'export/medical-dual-enrolment',
  name: '医保重复参保',
  severity: 'warning',
  description: '成员同时登记参加城乡居民医保和城镇职工医保',
  category: '三保障和饮水安全',
  level: 'P',
  columns: ['是否参加城乡居民基本医疗保险', '是否参加城镇职工基本医疗保险'],
  messages: { dual: '{member}同时登记参加城乡居民医保和城镇职工医保，疑似重复参保或登记有误。请与医保部门核实后保留一项并更正。' },
  run(kit) {
    kit.eachHousehold((household) => {
      for (const person of household.members) {
        if (!isYesCell(kit, person, '是否参加城乡居民基本医疗保险') || !isYesCell(kit, person, '是否参加城镇职工基本医疗保险')) continue;
        kit.report({
          household,
          person,
          messageId: 'dual',
          column: '是否参加城镇职工基本医疗保险',
          values: { 是否参加城乡居民基本医疗保险: person.row.get('是否参加城乡居民基本医疗保险'), 是否参加城镇职工基本医疗保险: person.row.get('是否参加城镇职工基本医疗保险') },
        });
      }
    });
  },
});
