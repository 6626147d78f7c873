import { defineExportCheck } from '../lib/export/check-kit.js';
import { isWorking } from '../lib/export/member-facts.js';

export const labourEmploymentMeasureNoWorker = defineExportCheck({
  id: 'export/labour-employment-measure-no-worker',
  name: '就业帮扶无务工人员',
  severity: 'warning',
  description: '登记了就业帮扶或公益岗位帮扶，但家庭成员均无务工或公益性岗位记录',
  category: '劳动力、务工、公益性岗位',
  level: 'H',
  columns: ['就业帮扶|公益岗位帮扶', '是否已务工'],
  messages: { noWorker: '该户登记了{measure}，但家庭成员均无务工或公益性岗位记录。请核实措施是否落实，补录务工监测信息或更正帮扶措施。' },
  run(kit) {
    kit.eachHousehold((household) => {
      if (!kit.isUnresolved(household)) return;
      const measures = (['就业帮扶', '公益岗位帮扶'] as const).filter((c) => kit.values.isFilled(kit.field(household, c)));
      if (measures.length === 0) return;
      if (household.members.some((p) => isWorking(kit, p) || kit.values.isFilled(p.row.get('公益性岗位')))) return;
      kit.report({
        household,
        messageId: 'noWorker',
        data: { measure: measures.map((m) => `“${m}”`).join('和') },
        column: measures[0],
        values: Object.fromEntries(measures.map((m) => [m, kit.field(household, m)])),
      });
    });
  },
});
