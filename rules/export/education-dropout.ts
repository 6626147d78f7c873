import { BIRTH, defineExportCheck } from '../lib/export/check-kit.js';
import { findDropouts } from '../lib/export/guarantee-gaps.js';

export const educationDropout = defineExportCheck({
  id: 'export/education-dropout',
  name: '义务教育阶段疑似失学辍学',
  severity: 'error',
  description: '义务教育适龄成员不在校，且没有有效的未上学原因',
  category: '三保障和饮水安全',
  level: 'P',
  columns: [BIRTH, '在校生状况', '义务教育阶段未上学原因', '健康状况'],
  messages: {
    dropout:
      '{member}（{age}周岁）处于义务教育阶段，在校生状况为“{status}”，{reasonText}，疑似失学辍学。请核实就学情况（含送教上门、随班就读），并在系统中更正在校生状况或未上学原因。',
  },
  run(kit) {
    const flagged = kit.has('是否失学辍学');
    kit.eachHousehold((household) => {
      for (const d of findDropouts(kit, household)) {
        kit.report({
          household,
          person: d.person,
          messageId: 'dropout',
          data: { age: d.age, status: d.status || '空白', reasonText: d.reasonText },
          column: '在校生状况',
          values: {
            在校生状况: d.status,
            义务教育阶段未上学原因: d.reason,
            健康状况: d.person.row.get('健康状况'),
            ...(flagged ? { 是否失学辍学: kit.field(household, '是否失学辍学') } : {}),
          },
          details: { age: d.age },
        });
      }
    });
  },
});
