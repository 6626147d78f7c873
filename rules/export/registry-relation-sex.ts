import { defineExportCheck } from '../lib/export/check-kit.js';

export const registryRelationSex = defineExportCheck({
  id: 'export/registry-relation-sex',
  name: '与户主关系和性别矛盾',
  severity: 'error',
  description: '户主与配偶同性别，或“之子”“之母”等关系与性别矛盾',
  category: '证件、年龄、关系、户主',
  level: 'P',
  columns: ['与户主关系', '性别|证件号码'],
  messages: {
    relation: '{member}与户主关系为“{relation}”，性别却为“{sex}”。请核对户口簿，更正与户主关系或性别。',
    headSpouse: '户主与配偶性别相同。请核对并更正。',
  },
  run(kit) {
    const male = new Set(kit.params.relationSex.male);
    const female = new Set(kit.params.relationSex.female);
    kit.eachHousehold((household) => {
      const head = household.people.find((p) => p.isHead);
      for (const person of household.people) {
        const relation = person.relation;
        if (!person.sex) continue;
        if ((male.has(relation) && person.sex === '女') || (female.has(relation) && person.sex === '男')) {
          kit.report({ household, person, messageId: 'relation', data: { relation, sex: person.sex }, column: '与户主关系', values: { 与户主关系: relation, 性别: person.sex } });
        }
        if (relation === '配偶' && head?.sex && head.sex === person.sex) {
          kit.report({ household, person, messageId: 'headSpouse', column: '与户主关系', values: { 户主性别: head.sex, 配偶性别: person.sex } });
        }
      }
    });
  },
});
