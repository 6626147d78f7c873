import { BIRTH, defineExportCheck } from '../lib/export/check-kit.js';
import { isStudent, labourOf } from '../lib/export/member-facts.js';

export const labourWorkingAgeNoCapacity = defineExportCheck({
  id: 'export/labour-working-age-no-capacity',
  name: '劳动年龄健康成员无劳动能力',
  severity: 'warning',
  description: '劳动年龄内、身体健康、不在校的成员，劳动技能登记为无劳动力、丧失劳动力或弱劳动力',
  category: '劳动力、务工、公益性岗位',
  level: 'P',
  columns: ['劳动技能', '健康状况', '在校生状况', BIRTH],
  messages: {
    noCapacity: '{member}（{age}周岁）身体健康、不在校，劳动技能却登记为“{skill}”。请核实劳动能力，有劳动能力的落实开发式帮扶。',
  },
  run(kit) {
    const { min, max } = kit.params.workingAge;
    kit.eachHousehold((household) => {
      for (const person of household.members) {
        const age = kit.age(person);
        const labour = labourOf(kit, person);
        if (age === null || age < min || age > max || !labour || !['none', 'lost', 'weak'].includes(labour)) continue;
        if (kit.values.health(person.row.get('健康状况')) !== 'healthy' || isStudent(kit, person) !== false) continue;
        const skill = person.row.get('劳动技能');
        kit.report({
          household,
          person,
          messageId: 'noCapacity',
          data: { age, skill },
          column: '劳动技能',
          values: { 劳动技能: skill, 健康状况: person.row.get('健康状况'), 在校生状况: person.row.get('在校生状况') },
          details: { age },
        });
      }
    });
  },
});
