import { defineExportCheck } from '../lib/export/check-kit.js';
import { registers } from '../lib/export/member-facts.js';

export const educationYuluMismatch = defineExportCheck({
  id: 'export/education-yulu-mismatch',
  name: '雨露计划与在校生不符',
  severity: 'warning',
  description: '登记了雨露计划却无中职、高职在校生，或有中职、高职在校生而未登记雨露计划',
  category: '三保障和饮水安全',
  level: 'P/H',
  columns: ['教育帮扶', '在校生状况'],
  messages: {
    noStudent: '该户教育帮扶登记了雨露计划，但家庭成员中没有中职、高职在校生。请核实补助对象，更正帮扶措施。',
    noYulu: '{member}为{status}在校生，该户未登记雨露计划。请核实是否已申请职业教育补助。',
  },
  run(kit) {
    const levels = new Set<string>(kit.params.yuluLevels);
    const from = kit.params.yuluFrom;
    kit.eachHousehold((household) => {
      const measure = kit.field(household, '教育帮扶');
      const hasYulu = registers(kit, measure, 'yulu') !== null;
      const students = household.members.filter((p) => levels.has(kit.values.schooling(p.row.get('在校生状况'))));
      if (hasYulu && students.length === 0) {
        kit.report({ household, messageId: 'noStudent', reason: 'yulu-without-student', column: '教育帮扶', values: { 教育帮扶: measure } });
      }
      // The province's window: before it opens, a student without 雨露计划 is not yet a question.
      if (hasYulu || (from && kit.asOf.slice(0, 7) < from)) return;
      for (const person of students) {
        const status = person.row.get('在校生状况');
        kit.report({
          household,
          person,
          messageId: 'noYulu',
          severity: 'info',
          data: { status },
          column: '在校生状况',
          values: { 在校生状况: status, 教育帮扶: measure },
        });
      }
    });
  },
});
