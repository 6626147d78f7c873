import { defineExportCheck } from '../lib/export/check-kit.js';
import { registers } from '../lib/export/member-facts.js';

const KINDS = [
  { kind: '低保', column: '是否享受低保' as const, read: 'dibao' as const },
  { kind: '特困供养', column: '是否特困供养' as const, read: 'tekun' as const },
];

export const assistMeasureStatusMismatch = defineExportCheck({
  id: 'export/assist-measure-status-mismatch',
  name: '兜底措施与享受情况不符',
  severity: 'warning',
  description: '成员享受低保或特困而综合保障未登记，或综合保障登记了而无人享受',
  category: '兜底保障',
  level: 'H',
  columns: ['综合保障', '是否享受低保', '是否特困供养'],
  messages: {
    statusWithoutMeasure: '{member}享受{kind}，该户帮扶措施“综合保障”却未登记{kind}。请补录帮扶措施。',
    measureWithoutStatus: '该户帮扶措施“综合保障”登记了{kind}，家庭成员中却无人享受{kind}。请核实后更正帮扶措施或成员享受情况。',
  },
  run(kit) {
    kit.eachHousehold((household) => {
      const measure = kit.field(household, '综合保障');
      for (const { kind, column, read } of KINDS) {
        const statuses = household.members.map((p) => ({ p, s: kit.values[read](p.row.get(column)) }));
        const receiving = statuses.filter((x) => x.s === 'yes');
        const listed = registers(kit, measure, read) !== null;
        if (receiving.length > 0 && !listed && kit.isUnresolved(household)) {
          kit.report({
            household,
            person: receiving[0].p,
            messageId: 'statusWithoutMeasure',
            reason: 'status-without-measure',
            keyParts: ['status-without-measure', kind],
            data: { kind },
            column: '综合保障',
            values: { 综合保障: measure, [column]: receiving.map((x) => `${x.p.name}${x.p.row.get(column)}`).join('、') },
          });
        }
        if (listed && receiving.length === 0 && !statuses.some((x) => x.s === 'unknown')) {
          kit.report({
            household,
            messageId: 'measureWithoutStatus',
            reason: 'measure-without-status',
            keyParts: ['measure-without-status', kind],
            data: { kind },
            column: '综合保障',
            values: { 综合保障: measure },
          });
        }
      }
    });
  },
});
