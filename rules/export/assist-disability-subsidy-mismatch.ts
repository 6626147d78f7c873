import { defineExportCheck } from '../lib/export/check-kit.js';
import { isDisabled, registers, someMember } from '../lib/export/member-facts.js';

export const assistDisabilitySubsidyMismatch = defineExportCheck({
  id: 'export/assist-disability-subsidy-mismatch',
  name: '残疾人补贴与残疾情况不符',
  severity: 'warning',
  description: '登记了残疾人补贴却无残疾成员，或有一二级残疾人证而未登记残疾人补贴',
  category: '兜底保障',
  level: 'P/H',
  columns: ['综合保障', '健康状况|证件号码'],
  messages: {
    noDisabled: '该户登记了残疾人补贴，但家庭成员中没有残疾人。请核实并更正帮扶措施。',
    noSubsidy: '{member}持{grade}级残疾人证，该户未登记残疾人补贴。请核实是否已享受重度残疾人护理补贴等政策并补录。',
  },
  run(kit) {
    const severe = new Set(kit.params.severeDisabilityGrades);
    kit.eachHousehold((household) => {
      const measure = kit.field(household, '综合保障');
      const listed = registers(kit, measure, 'disabilitySubsidy') !== null;
      if (listed && someMember(household.members, (p) => isDisabled(kit, p)) === false) {
        kit.report({ household, messageId: 'noDisabled', reason: 'subsidy-without-disability', column: '综合保障', values: { 综合保障: measure } });
      }
      if (listed || !kit.isUnresolved(household)) return;
      for (const person of household.members) {
        const grade = person.disabilityCard?.grade;
        if (grade == null || !severe.has(grade)) continue;
        kit.report({
          household,
          person,
          messageId: 'noSubsidy',
          reason: 'severe-without-subsidy',
          data: { grade },
          column: '证件号码',
          values: { 综合保障: measure, 残疾等级: grade },
        });
      }
    });
  },
});
