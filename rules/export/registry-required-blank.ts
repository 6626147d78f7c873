import type { ExportHousehold, ExportPerson, ExportRow, Severity } from '../api.js';
import { defineExportCheck, type ExportKit } from '../lib/export/check-kit.js';

interface Blank {
  person?: ExportPerson;
  column: string;
  row: ExportRow;
}

function conditionalBlanks(kit: ExportKit, h: ExportHousehold): Blank[] {
  const blanks: Blank[] = [];
  const risks = kit.risks(h);
  if (risks.includes('其他') && kit.has('其他风险备注') && !kit.field(h, '其他风险备注')) blanks.push({ column: '其他风险备注', row: h.headRow });
  if (risks.includes('因自然灾害') && kit.has('自然灾害子项') && !kit.field(h, '自然灾害子项')) blanks.push({ column: '自然灾害子项', row: h.headRow });
  for (const p of h.members) {
    const post = p.row.get('公益性岗位');
    const months = p.row.get('公益性岗位月数');
    if (kit.has('公益性岗位', '公益性岗位月数')) {
      if (kit.values.isFilled(post) && !months) blanks.push({ person: p, column: '公益性岗位月数', row: p.row });
      if (!kit.values.isFilled(post) && months && months !== '0') blanks.push({ person: p, column: '公益性岗位', row: p.row });
    }
    for (const w of p.work) {
      const working = kit.values.yesNo(w.get('是否已务工'), '是否已务工') === 'yes';
      const planned = kit.values.yesNo(w.get('是否计划务工'), '是否计划务工') === 'yes';
      const needed = [...(working ? kit.params.requiredFields.work : []), ...(planned ? kit.params.requiredFields.plannedWork : [])];
      for (const c of needed) if (w.has(c) && !w.get(c)) blanks.push({ person: p, column: c, row: w });
    }
  }
  return blanks;
}

export const registryRequiredBlank = defineExportCheck({
  id: 'export/registry-required-blank',
  name: '必填指标为空',
  severity: 'info',
  description: '必填的成员或家庭指标为空（三保障、健康、劳动能力指标为警告）',
  category: '证件、年龄、关系、户主',
  level: 'P/H',
  // Each required column is judged where present; without the relation column there is no household to judge.
  columns: ['与户主关系'],
  messages: {
    personBlank: '{member}的“{column}”为空。请补录。',
    householdBlank: '该户的“{column}”为空。请补录。',
  },
  run(kit) {
    const req = kit.params.requiredFields;
    const warn = new Set(req.warning);
    const person = req.person.filter((c) => kit.has(c));
    const household = req.household.filter((c) => kit.has(c));
    const groups = req.personAnyOf.filter((g) => g.some((c) => kit.has(c)));
    const missing = [...req.person, ...req.household].filter((c) => !kit.has(c));
    if (missing.length > 0) {
      kit.ctx.notice(`本次导出缺少${missing.map((c) => `“${c}”`).join('')}列，检查 export/registry-required-blank（必填指标为空）未查这些列`);
    }
    const severityOf = (column: string): Severity => (warn.has(column) ? 'warning' : 'info');
    kit.eachHousehold((h) => {
      const blanks: Blank[] = [];
      for (const c of household) if (!kit.field(h, c)) blanks.push({ column: c, row: h.headRow });
      for (const p of h.members) {
        for (const c of person) if (!p.row.get(c)) blanks.push({ person: p, column: c, row: p.row });
        for (const g of groups) {
          const present = g.filter((c) => kit.has(c));
          if (present.every((c) => !p.row.get(c))) blanks.push({ person: p, column: present.join('”或“'), row: p.row });
        }
      }
      blanks.push(...conditionalBlanks(kit, h));
      for (const b of blanks) {
        kit.report({
          household: h,
          ...(b.person ? { person: b.person } : {}),
          messageId: b.person ? 'personBlank' : 'householdBlank',
          data: { column: b.column },
          severity: severityOf(b.column),
          keyParts: [...(b.person ? [b.person.name] : []), b.column],
          column: b.column.split('”或“')[0],
          values: { [b.column]: '' },
          details: { column: b.column },
        });
      }
    });
  },
});
