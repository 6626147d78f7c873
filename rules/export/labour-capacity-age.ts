import { BIRTH, defineExportCheck } from '../lib/export/check-kit.js';
import { isStudent, labourOf } from '../lib/export/member-facts.js';

export const labourCapacityAge = defineExportCheck({
  id: 'export/labour-capacity-age',
  name: '劳动技能与年龄不符',
  severity: 'warning',
  description: '未成年人或在校生登记为有劳动能力；60 周岁以上登记为普通、技能劳动力或丧失劳动力（提示）',
  category: '劳动力、务工、公益性岗位',
  level: 'P',
  columns: ['劳动技能', BIRTH, '在校生状况'],
  messages: { mismatch: '{member}（{age}周岁{studentText}）劳动技能登记为“{skill}”，与年龄或在校情况不相符。请核实并更正。' },
  run(kit) {
    const { minorAge, elderlyAge } = kit.params;
    kit.eachHousehold((household) => {
      for (const person of household.members) {
        const age = kit.age(person);
        const labour = labourOf(kit, person);
        if (age === null || labour === null) continue;
        const student = isStudent(kit, person) === true;
        const skill = person.row.get('劳动技能');
        const base = {
          household,
          person,
          messageId: 'mismatch',
          data: { age, skill, studentText: student ? '，在校生' : '' },
          column: '劳动技能',
          values: { 劳动技能: skill, 在校生状况: person.row.get('在校生状况') },
          details: { age },
        };
        if ((age < minorAge || student) && labour !== 'none') kit.report(base);
        // ⚠ many rural people over 60 still farm: a prompt to review, not a problem.
        else if (age >= elderlyAge && ['ordinary', 'skilled', 'lost'].includes(labour)) kit.report({ ...base, severity: 'info' });
      }
    });
  },
});
