import { defineExportCheck } from '../lib/export/check-kit.js';
import { monthsBetween } from '../lib/export/ages.js';
import { labourOf } from '../lib/export/member-facts.js';
import { parseMonth } from '../lib/export/work-spells.js';

export const measureNoDevelopmentForAble = defineExportCheck({
  id: 'export/measure-no-development-for-able',
  name: '有劳动力未落实开发式帮扶',
  severity: 'error',
  description: '有劳动能力的监测户没有产业、就业等开发式帮扶，或登记了而尚未实施',
  category: '帮扶措施',
  level: 'H',
  columns: ['劳动技能', '识别监测时间', '产业帮扶|就业帮扶|公益岗位帮扶|金融帮扶'],
  optional: { 实施情况: ['实施开发式帮扶措施情况'] },
  messages: { noDevelopment: '该户有{k}名有劳动能力的成员，但{problem}。有劳动能力的监测户应落实产业、就业等开发式帮扶，请完善“一户一策”。' },
  run(kit) {
    const byImplementation = kit.part('实施情况');
    const measures = kit.params.developmentMeasures.filter((m) => kit.has(m));
    const labour = new Set<string>(kit.params.developmentLabour);
    const generic = new Set(kit.params.values.genericMeasures);
    kit.eachHousehold((household) => {
      if (!kit.isUnresolved(household)) return;
      const identified = parseMonth(kit.field(household, '识别监测时间'));
      if (!identified || monthsBetween(identified, kit.asOf) < kit.params.developmentGraceMonths) return;
      const able = household.members.filter((p) => labour.has(labourOf(kit, p) ?? ''));
      if (able.length === 0) return;
      const filled = measures.filter((m) => kit.values.isFilled(kit.field(household, m)));
      const values = Object.fromEntries(measures.map((m) => [m, kit.field(household, m)]));
      const base = { household, messageId: 'noDevelopment', column: measures[0], data: { k: able.length } };
      if (filled.length === 0) {
        kit.report({ ...base, reason: 'safety-net-only', data: { ...base.data, problem: `${measures.map((m) => `“${m}”`).join('、')}均未登记` }, values });
        return;
      }
      const state = kit.field(household, '实施开发式帮扶措施情况');
      if (byImplementation && (state === '' || state.includes('尚未实施'))) {
        kit.report({ ...base, reason: 'not-implemented', data: { ...base.data, problem: `开发式帮扶措施“实施开发式帮扶措施情况”为“${state || '空白'}”` }, values: { ...values, 实施开发式帮扶措施情况: state } });
        return;
      }
      const items = filled.flatMap((m) => kit.field(household, m).split(/[、,，;；]/).map((s) => s.trim()).filter(Boolean));
      // ⚠ only generic items (其他, 技能培训) may still be real support: a prompt, not an error.
      if (items.length > 0 && items.every((i) => generic.has(i))) {
        kit.report({ ...base, reason: 'generic-only', severity: 'info', data: { ...base.data, problem: `开发式帮扶只有“${items.join('、')}”等笼统措施` }, values });
      }
    });
  },
});
