import { BIRTH, defineExportCheck } from '../lib/export/check-kit.js';

export const registryRelationAge = defineExportCheck({
  id: 'export/registry-relation-age',
  name: '与户主年龄差不合常理',
  severity: 'warning',
  description: '子女、父母、孙辈与户主的年龄差，或配偶的年龄，不合常理',
  category: '证件、年龄、关系、户主',
  level: 'P',
  columns: ['与户主关系', BIRTH],
  messages: { gap: '{member}（{age}周岁）为户主（{headAge}周岁）的“{relation}”，年龄差不合常理。请核对出生日期或与户主关系。' },
  run(kit) {
    const { child, parent, grandchild, spouseMinAge } = kit.params.relationAgeGaps;
    kit.eachHousehold((household) => {
      const head = household.people.find((p) => p.isHead);
      const headAge = head ? kit.age(head) : null;
      for (const person of household.members) {
        if (person === head) continue;
        const age = kit.age(person);
        if (age === null) continue;
        const relation = person.relation;
        let odd = false;
        if (relation === '配偶') odd = age < spouseMinAge;
        else if (headAge !== null) {
          if (child.relations.includes(relation)) odd = headAge - age < child.minYounger;
          else if (parent.relations.includes(relation)) odd = age - headAge < parent.minOlder;
          else if (grandchild.relations.includes(relation)) odd = headAge - age < grandchild.minYounger;
        }
        if (!odd) continue;
        kit.report({
          household,
          person,
          messageId: 'gap',
          data: { age, headAge: headAge ?? '不详', relation },
          column: '与户主关系',
          values: { 与户主关系: relation, 出生日期: person.birthDate, 户主出生日期: head?.birthDate ?? null },
          details: { age, headAge },
        });
      }
    });
  },
});
