import { defineExportCheck } from '../lib/export/check-kit.js';

const AFTER = [
  '风险消除后是否住房损毁',
  '风险消除后是否饮水设施损毁',
  '风险消除后是否失学辍学',
  '风险消除后是否有成员未参加医保',
  '风险消除后人均纯收入',
  '风险消除后工资性收入',
  '风险消除后生产经营性收入',
  '风险消除后转移性收入',
  '风险消除后财产性收入',
];
const OTHERS = ['风险消除方式', '信息采集人', '信息采集人联系电话'];

export const elimRecordIncomplete = defineExportCheck({
  id: 'export/elim-record-incomplete',
  name: '风险消除信息不全',
  severity: 'warning',
  description: '已标注风险消除，但风险消除后的各项指标、消除方式或信息采集人未填写',
  category: '识别纳入、风险消除',
  level: 'H',
  columns: ['监测对象类别', '风险是否已消除', '风险消除方式|信息采集人|风险消除后人均纯收入'],
  messages: { incomplete: '该户已标注风险消除，但{fields}未填写。请补全风险消除信息。' },
  run(kit) {
    const columns = [...AFTER, ...OTHERS].filter((c) => kit.has(c));
    kit.eachHousehold((household) => {
      if (!kit.isEliminated(household)) return;
      const blank = columns.filter((c) => kit.field(household, c) === '');
      if (blank.length === 0) return;
      kit.report({
        household,
        messageId: 'incomplete',
        data: { fields: blank.map((c) => `“${c}”`).join('、') },
        column: blank[0],
        values: Object.fromEntries(blank.map((c) => [c, ''])),
        details: { fields: blank },
      });
    });
  },
});
