import type { ExportPerson } from '../api.js';
import { defineExportCheck, type ExportKit } from '../lib/export/check-kit.js';
import { isDisabled, isIll, isStudent, labourOf, someMember } from '../lib/export/member-facts.js';

const FACTS: Record<string, { test: (kit: ExportKit, p: ExportPerson) => boolean | null; missing: string; column: string }> = {
  ill: { test: isIll, missing: '没有患病（大病或长期慢性病）的成员', column: '健康状况' },
  disabled: { test: isDisabled, missing: '没有残疾成员', column: '健康状况' },
  student: { test: isStudent, missing: '没有在校生', column: '在校生状况' },
  labour: {
    test: (kit, p) => {
      const l = labourOf(kit, p);
      return l === null ? null : l === 'skilled' || l === 'ordinary' || l === 'weak';
    },
    missing: '没有劳动力',
    column: '劳动技能',
  },
};

export const riskWithoutBasis = defineExportCheck({
  id: 'export/risk-without-basis',
  name: '风险类型缺少事实依据',
  severity: 'error',
  description: '未消除风险的监测户，风险类型所要求的家庭事实不存在（如“因病”而无患病成员）',
  category: '风险类型',
  level: 'H',
  columns: ['致贫返贫风险', '监测对象类别', '风险是否已消除'],
  messages: { noBasis: '该户致贫返贫风险为“{risk}”，但家庭成员中{missing}。请核实风险类型是否准确，并在系统中更正。' },
  run(kit) {
    const table = Object.entries(kit.params.riskBasis).filter(([, fact]) => kit.has(FACTS[fact]?.column ?? '?'));
    kit.eachHousehold((household) => {
      // Eliminated households keep their original risk on record after the facts change.
      if (!kit.isUnresolved(household)) return;
      const risks = kit.risks(household);
      for (const [risk, fact] of table) {
        if (!risks.includes(risk)) continue;
        const f = FACTS[fact];
        if (someMember(household.members, (p) => f.test(kit, p)) !== false) continue;
        kit.report({
          household,
          messageId: 'noBasis',
          reason: risk,
          data: { risk, missing: f.missing },
          column: '致贫返贫风险',
          values: { 致贫返贫风险: risks.join('、'), [f.column]: household.members.map((p) => `${p.name}${p.row.get(f.column) || '空白'}`).join('、') },
        });
      }
    });
  },
});
