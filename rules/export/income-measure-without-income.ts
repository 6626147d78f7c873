import type { ExportHousehold } from '../api.js';
import { defineExportCheck, type ExportKit } from '../lib/export/check-kit.js';
import { amount, registers } from '../lib/export/member-facts.js';

interface Basis {
  item: '转移性收入' | '工资性收入' | '生产经营性收入';
  /** Why the item should not be 0, or null when nothing implies it. */
  basis(kit: ExportKit, h: ExportHousehold): string | null;
}

const BASES: Basis[] = [
  {
    item: '转移性收入',
    basis(kit, h) {
      const on = h.members.filter((p) => kit.values.dibao(p.row.get('是否享受低保')) === 'yes' || kit.values.tekun(p.row.get('是否特困供养')) === 'yes');
      if (on.length > 0) return `${on.map((p) => p.name).join('、')}享受低保或特困供养`;
      const measure = kit.field(h, '综合保障');
      const word = registers(kit, measure, 'dibao') ?? registers(kit, measure, 'tekun') ?? registers(kit, measure, 'disabilitySubsidy');
      return word ? `综合保障登记了${word}` : null;
    },
  },
  {
    item: '工资性收入',
    basis(kit, h) {
      for (const c of ['就业帮扶', '公益岗位帮扶']) if (kit.values.isFilled(kit.field(h, c))) return `登记了${c}`;
      const holder = h.members.find((p) => kit.values.isFilled(p.row.get('公益性岗位')));
      return holder ? `${holder.name}在公益性岗位上岗` : null;
    },
  },
  { item: '生产经营性收入', basis: (kit, h) => (kit.values.isFilled(kit.field(h, '产业帮扶')) ? '登记了产业帮扶' : null) },
];

export const incomeMeasureWithoutIncome = defineExportCheck({
  id: 'export/income-measure-without-income',
  name: '有帮扶措施而相应收入为零',
  severity: 'warning',
  description: '享受低保、特困或有就业、产业帮扶，相应的收入项却为 0',
  category: '收入',
  level: 'H',
  columns: ['转移性收入|工资性收入|生产经营性收入'],
  messages: { zero: '该户{basis}，但{item}为0，收入可能漏计。请核实收入测算并更正。' },
  run(kit) {
    const present = BASES.filter((b) => kit.has(b.item));
    kit.eachHousehold((household) => {
      for (const { item, basis } of present) {
        // An eliminated household is judged on its income after elimination where the export has it.
        const after = `风险消除后${item}`;
        const column = kit.isEliminated(household) && kit.has(after) && kit.field(household, after) !== '' ? after : item;
        if (amount(kit.field(household, column)) !== 0) continue;
        const why = basis(kit, household);
        if (!why) continue;
        kit.report({ household, messageId: 'zero', reason: item, data: { basis: why, item: column }, column, values: { [column]: kit.field(household, column) } });
      }
    });
  },
});
