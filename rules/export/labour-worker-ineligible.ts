import { defineExportCheck } from '../lib/export/check-kit.js';
import { ageOn } from '../lib/export/ages.js';
import { labourOf } from '../lib/export/member-facts.js';
import { parseMonth } from '../lib/export/work-spells.js';

const SCHOOL_LEVELS = new Set(['primary', 'junior', 'compulsory', 'senior', 'vocational']);

export const labourWorkerIneligible = defineExportCheck({
  id: 'export/labour-worker-ineligible',
  name: '务工人员不符合条件',
  severity: 'warning',
  description: '有务工记录的人开始务工时未满 16 周岁、是中小学在校生，或无劳动能力',
  category: '劳动力、务工、公益性岗位',
  level: 'P',
  columns: ['是否已务工|是否计划务工', '在校生状况', '劳动技能'],
  optional: { 开始务工年龄: ['出生日期|证件号码', '务工开始时间'] },
  messages: { ineligible: '{member}登记了{workKind}，但{reason}。请核实务工监测信息。' },
  run(kit) {
    const byAge = kit.part('开始务工年龄');
    kit.eachHousehold((household) => {
      for (const person of household.members) {
        const working = person.work.filter((w) => kit.values.yesNo(w.get('是否已务工'), '是否已务工') === 'yes');
        const planned = person.work.filter((w) => kit.values.yesNo(w.get('是否计划务工'), '是否计划务工') === 'yes');
        if (working.length + planned.length === 0) continue;
        const reasons: string[] = [];
        if (byAge && person.birthDate) {
          for (const w of working) {
            const start = parseMonth(w.get('务工开始时间'));
            if (start && ageOn(person.birthDate, start) < kit.params.minorAge) {
              reasons.push(`开始务工（${start.slice(0, 7)}）时未满${kit.params.minorAge}周岁`);
              break;
            }
          }
        }
        const status = person.row.get('在校生状况');
        if (SCHOOL_LEVELS.has(kit.values.schooling(status))) reasons.push(`在校生状况为“${status}”`);
        const labour = labourOf(kit, person);
        if (labour === 'none' || labour === 'lost') reasons.push(`劳动技能为“${person.row.get('劳动技能')}”`);
        if (reasons.length === 0) continue;
        kit.report({
          household,
          person,
          messageId: 'ineligible',
          data: { workKind: working.length > 0 ? '外出务工' : '计划外出务工', reason: reasons.join('，') },
          column: '在校生状况',
          values: { 在校生状况: status, 劳动技能: person.row.get('劳动技能'), 务工开始时间: working[0]?.get('务工开始时间') ?? '' },
          details: { reasons },
        });
      }
    });
  },
});
