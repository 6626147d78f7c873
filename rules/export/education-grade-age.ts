import { BIRTH, defineExportCheck } from '../lib/export/check-kit.js';

export const educationGradeAge = defineExportCheck({
  id: 'export/education-grade-age',
  name: '学段与年龄不符',
  severity: 'warning',
  description: '在校生状况的学段与成员的入学年龄不相符',
  category: '三保障和饮水安全',
  level: 'P',
  columns: [BIRTH, '在校生状况', '健康状况'],
  messages: {
    mismatch: '{member}（{age}周岁）在校生状况为“{status}”，与年龄不相符（该学段一般为{min}至{max}周岁）。请核实并更正在校生状况或出生日期。',
  },
  run(kit) {
    const bands = kit.params.gradeAgeBands;
    kit.eachHousehold((household) => {
      for (const person of household.members) {
        const status = person.row.get('在校生状况');
        const level = kit.values.schooling(status);
        const band = level in bands ? bands[level as keyof typeof bands] : undefined;
        const age = kit.schoolAge(person);
        if (!band || age === null || age < 0 || (age >= band.min && age <= band.max)) continue;
        // Preschool past 6 is judged for healthy children only: a disabled child may start school late.
        if (band.healthyOnly && kit.values.health(person.row.get('健康状况')) !== 'healthy') continue;
        kit.report({
          household,
          person,
          messageId: 'mismatch',
          data: { age, status, min: band.min, max: band.max },
          column: '在校生状况',
          values: { 在校生状况: status, 出生日期: person.birthDate, 健康状况: person.row.get('健康状况') },
          details: { age },
        });
      }
    });
  },
});
