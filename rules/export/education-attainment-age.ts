import { BIRTH, defineExportCheck } from '../lib/export/check-kit.js';

export const educationAttainmentAge = defineExportCheck({
  id: 'export/education-attainment-age',
  name: '文化程度与年龄不符',
  severity: 'warning',
  description: '未成年人登记为大专以上文化程度，或 16–22 周岁只有小学及以下文化程度',
  category: '三保障和饮水安全',
  level: 'P',
  columns: ['文化程度', BIRTH],
  messages: {
    tertiaryYoung: '{member}（{age}周岁）文化程度为“{edu}”，与年龄不相符。请核实并更正文化程度或出生日期。',
    // ⚠ a young adult with only primary schooling is real: a prompt to follow up, never an error.
    lowYoung: '{member}（{age}周岁）文化程度为“{edu}”。请核实是否曾失学辍学，是否需要职业教育或技能培训帮扶。',
  },
  run(kit) {
    const { tertiaryUnder, primaryOrLess } = kit.params.attainmentAge;
    kit.eachHousehold((household) => {
      for (const person of household.members) {
        const edu = person.row.get('文化程度');
        const level = kit.values.attainment(edu);
        const age = kit.age(person);
        if (age === null) continue;
        const base = { household, person, data: { age, edu }, column: '文化程度', values: { 文化程度: edu, 出生日期: person.birthDate }, details: { age } };
        if (level === 'tertiary' && age < tertiaryUnder) kit.report({ ...base, messageId: 'tertiaryYoung' });
        else if ((level === 'primary' || level === 'illiterate') && age >= primaryOrLess.min && age <= primaryOrLess.max) {
          kit.report({ ...base, messageId: 'lowYoung', severity: 'info' });
        }
      }
    });
  },
});
