import { defineExportCheck } from '../lib/export/check-kit.js';
import { amount } from '../lib/export/member-facts.js';

export const incomeWageImplausible = defineExportCheck({
  id: 'export/income-wage-implausible',
  name: '工资收入数额异常',
  severity: 'warning',
  description: '务工月收入超出合理范围，或工资性收入大于 0 却低得不合常理',
  category: '收入',
  level: 'P/H',
  columns: ['务工月收入|工资性收入'],
  messages: {
    monthly: '{member}的务工月收入为{v}元，超出合理范围（{min}至{max}元）。请核实是否填错单位或位数。',
    yearly: '该户工资性收入仅{v}元，请核实是否填错。',
  },
  run(kit) {
    const { min, max } = kit.params.wageMonthBounds;
    const floor = kit.params.wageYearFloor;
    kit.eachHousehold((household) => {
      for (const person of household.members) {
        const wage = person.work.map((w) => amount(w.get('务工月收入'))).find((v) => v !== null && (v < min || v > max));
        if (wage === undefined || wage === null) continue;
        kit.report({ household, person, messageId: 'monthly', reason: 'monthly-wage', data: { v: wage, min, max }, values: { 务工月收入: wage } });
      }
      const yearly = amount(kit.field(household, '工资性收入'));
      if (kit.isUnresolved(household) && yearly !== null && yearly > 0 && yearly < floor) {
        kit.report({ household, messageId: 'yearly', reason: 'yearly-wage', data: { v: yearly }, column: '工资性收入', values: { 工资性收入: yearly } });
      }
    });
  },
});
