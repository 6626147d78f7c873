import { defineExportCheck } from '../lib/export/check-kit.js';
import { spellsOf } from '../lib/export/work-spells.js';

export const labourWorkRecordInconsistent = defineExportCheck({
  id: 'export/labour-work-record-inconsistent',
  name: '务工记录前后矛盾',
  severity: 'info',
  description: '同一人的务工时段重叠，或“是否已务工”为否而最近一段务工未结束',
  category: '劳动力、务工、公益性岗位',
  level: 'P',
  columns: ['务工开始时间', '务工结束时间', '是否已务工'],
  messages: { inconsistent: '{member}的务工记录有误：{detail}。请核实开始、结束时间和务工状态。' },
  run(kit) {
    const asOfMonth = `${kit.asOf.slice(0, 7)}-01`;
    kit.eachHousehold((household) => {
      for (const person of household.members) {
        const spells = spellsOf(person.work);
        if (spells.length === 0) continue;
        const problems: string[] = [];
        for (let i = 1; i < spells.length; i++) {
          const prev = spells[i - 1];
          if (prev.end === null || prev.end > spells[i].start) {
            problems.push(`${prev.start.slice(0, 7)}起的务工与${spells[i].start.slice(0, 7)}起的务工时间重叠`);
            break;
          }
        }
        const last = spells[spells.length - 1];
        const stated = kit.values.yesNo(last.row.get('是否已务工'), '是否已务工');
        if (stated === 'no' && (last.end === null || last.end > asOfMonth)) {
          problems.push(`“是否已务工”为“否”，但${last.start.slice(0, 7)}起的务工${last.end === null ? '没有结束时间' : `结束于${last.end.slice(0, 7)}`}`);
        }
        if (problems.length === 0) continue;
        kit.report({
          household,
          person,
          messageId: 'inconsistent',
          data: { detail: problems.join('；') },
          values: { 务工开始时间: spells.map((s) => s.row.get('务工开始时间')).join('、'), 务工结束时间: spells.map((s) => s.row.get('务工结束时间') || '空白').join('、'), 是否已务工: last.row.get('是否已务工') },
        });
      }
    });
  },
});
