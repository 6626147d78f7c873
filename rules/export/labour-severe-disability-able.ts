import { defineExportCheck } from '../lib/export/check-kit.js';
import { isAble, labourOf } from '../lib/export/member-facts.js';

export const labourSevereDisabilityAble = defineExportCheck({
  id: 'export/labour-severe-disability-able',
  name: '重度残疾登记为劳动力',
  severity: 'warning',
  description: '持一二级残疾人证的成员劳动技能登记为普通或技能劳动力（⚠ 提示核实评定）',
  category: '劳动力、务工、公益性岗位',
  level: 'P',
  columns: ['证件号码', '劳动技能'],
  messages: { able: '{member}持{grade}级残疾人证，劳动技能却登记为“{skill}”。请核实劳动能力。' },
  run(kit) {
    const severe = new Set(kit.params.severeDisabilityGrades);
    kit.eachHousehold((household) => {
      for (const person of household.members) {
        const grade = person.disabilityCard?.grade;
        if (grade == null || !severe.has(grade) || !isAble(labourOf(kit, person))) continue;
        const skill = person.row.get('劳动技能');
        kit.report({ household, person, messageId: 'able', data: { grade, skill }, column: '劳动技能', values: { 劳动技能: skill, 残疾等级: grade } });
      }
    });
  },
});
