import { defineExportCheck } from '../lib/export/check-kit.js';
import { isStudent, isWorking, labourOf } from '../lib/export/member-facts.js';

export const assistTekunAbleBodied = defineExportCheck({
  id: 'export/assist-tekun-able-bodied',
  name: '特困人员有劳动能力',
  severity: 'warning',
  description: '享受特困供养的成员处于劳动年龄、身体健康且不在校，或有务工记录',
  category: '兜底保障',
  level: 'P',
  columns: ['是否特困供养'],
  optional: { 年龄与健康: ['出生日期|证件号码', '健康状况', '在校生状况'], 务工记录: ['是否已务工'] },
  messages: { able: '{member}（{age}）享受特困供养，但{facts}，与特困人员认定条件不符。请与民政部门核实。' },
  run(kit) {
    const byAge = kit.part('年龄与健康');
    const byWork = kit.part('务工记录');
    const { min, max } = kit.params.tekunWorkingAge;
    kit.eachHousehold((household) => {
      for (const person of household.members) {
        if (kit.values.tekun(person.row.get('是否特困供养')) !== 'yes') continue;
        const facts: string[] = [];
        const age = kit.age(person);
        if (byAge && age !== null && age >= min && age <= max && kit.values.health(person.row.get('健康状况')) === 'healthy' && isStudent(kit, person) === false) {
          const labour = labourOf(kit, person);
          if (!kit.has('劳动技能') || labour === 'skilled' || labour === 'ordinary') {
            facts.push(`处于劳动年龄、身体健康、不在校${labour ? `，劳动技能为“${person.row.get('劳动技能')}”` : ''}`);
          }
        }
        if (byWork && isWorking(kit, person)) facts.push('有外出务工记录');
        if (facts.length === 0) continue;
        kit.report({
          household,
          person,
          messageId: 'able',
          data: { age: age === null ? '年龄不详' : `${age}周岁`, facts: facts.join('，且') },
          column: '是否特困供养',
          values: { 是否特困供养: person.row.get('是否特困供养'), 健康状况: person.row.get('健康状况'), 在校生状况: person.row.get('在校生状况'), 劳动技能: person.row.get('劳动技能') },
        });
      }
    });
  },
});
