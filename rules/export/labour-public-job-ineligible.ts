import { defineExportCheck } from '../lib/export/check-kit.js';
import { isStudent, labourOf } from '../lib/export/member-facts.js';

export const labourPublicJobIneligible = defineExportCheck({
  id: 'export/labour-public-job-ineligible',
  name: '公益性岗位人员不符合条件',
  severity: 'warning',
  description: '乡村公益性岗位上岗人员年龄不符、在校、无劳动能力或岗位过多',
  category: '劳动力、务工、公益性岗位',
  level: 'P',
  columns: ['公益性岗位|就业渠道'],
  messages: { ineligible: '{member}（{age}）在乡村公益性岗位“{post}”上岗，但{reason}，不符合上岗条件。请核实岗位人员。' },
  run(kit) {
    const { minAge, maxAge, maxPosts } = kit.params.publicJob;
    kit.eachHousehold((household) => {
      for (const person of household.members) {
        const posts = person.row
          .get('公益性岗位')
          .split(/[、,，;；]/)
          .map((s) => s.trim())
          .filter((s) => kit.values.isFilled(s));
        for (const w of person.work) {
          if (w.get('就业渠道').includes('公益性岗位')) posts.push(w.get('务工企业名称') || '公益性岗位');
        }
        if (posts.length === 0) continue;
        const reasons: string[] = [];
        const age = kit.age(person);
        if (age !== null && age < minAge) reasons.push(`未满${minAge}周岁`);
        if (age !== null && age >= maxAge) reasons.push(`已满${maxAge}周岁`);
        if (isStudent(kit, person) === true) reasons.push('是在校生');
        const labour = labourOf(kit, person);
        if (labour === 'none' || labour === 'lost') reasons.push(`劳动技能为“${person.row.get('劳动技能')}”`);
        // ⚠ fuping's message and code disagree on the limit; the number of posts allowed is data.
        if (posts.length > maxPosts) reasons.push(`同时有${posts.length}个岗位（最多${maxPosts}个）`);
        if (reasons.length === 0) continue;
        kit.report({
          household,
          person,
          messageId: 'ineligible',
          data: { age: age === null ? '年龄不详' : `${age}周岁`, post: posts.join('、'), reason: reasons.join('、') },
          column: '公益性岗位',
          values: { 公益性岗位: posts.join('、'), 在校生状况: person.row.get('在校生状况'), 劳动技能: person.row.get('劳动技能') },
          details: { reasons, ...(age !== null ? { age } : {}) },
        });
      }
    });
  },
});
