import { defineExportCheck } from '../lib/export/check-kit.js';

export const assistDibaoAndTekun = defineExportCheck({
  id: 'export/assist-dibao-and-tekun',
  name: '低保特困重复享受',
  severity: 'warning',
  description: '成员同时登记享受低保和特困供养（⚠ 以本省民政规定为准）',
  category: '兜底保障',
  level: 'P',
  columns: ['是否享受低保', '是否特困供养'],
  messages: { both: '{member}同时登记享受低保和特困供养。两项救助一般不重复享受，请与民政部门核实并更正。' },
  run(kit) {
    kit.eachHousehold((household) => {
      for (const person of household.members) {
        if (kit.values.dibao(person.row.get('是否享受低保')) !== 'yes' || kit.values.tekun(person.row.get('是否特困供养')) !== 'yes') continue;
        kit.report({
          household,
          person,
          messageId: 'both',
          column: '是否特困供养',
          values: { 是否享受低保: person.row.get('是否享受低保'), 是否特困供养: person.row.get('是否特困供养') },
        });
      }
    });
  },
});
