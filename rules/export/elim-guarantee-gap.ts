import { defineExportCheck } from '../lib/export/check-kit.js';
import { GAP_PARTS, openGaps } from '../lib/export/member-facts.js';

export const elimGuaranteeGap = defineExportCheck({
  id: 'export/elim-guarantee-gap',
  name: '消除风险而三保障未达标',
  reportsAs: 'elimination-doubt',
  severity: 'error',
  description: '已标注风险消除，但住房、饮水、基本医保或义务教育仍未保障',
  category: '识别纳入、风险消除',
  level: 'H',
  columns: ['监测对象类别', '风险是否已消除'],
  optional: GAP_PARTS,
  messages: { gap: '该户已标注风险消除，但{gap}，“三保障”和饮水安全未达标。请核实消除依据，必要时按程序调整。' },
  run(kit) {
    for (const part of Object.keys(GAP_PARTS)) kit.part(part);
    kit.eachHousehold((household) => {
      if (!kit.isEliminated(household)) return;
      const gaps = openGaps(kit, household);
      for (const name of ['housing-unsafe', 'water-unsafe', 'uninsured', 'dropout'] as const) {
        const these = gaps.filter((g) => g.gap === name);
        if (these.length === 0) continue;
        const person = these[0].person;
        kit.report({
          household,
          messageId: 'gap',
          reason: name,
          data: { gap: these.map((g) => g.text).join('、') },
          column: '风险是否已消除',
          values: { 风险是否已消除: kit.field(household, '风险是否已消除'), 消除监测时间: kit.field(household, '消除监测时间') },
          details: { ...(person ? { member: person.name, members: these.map((g) => g.person!.name) } : {}) },
        });
      }
    });
  },
});
