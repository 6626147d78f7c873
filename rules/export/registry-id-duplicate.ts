import type { ExportHousehold, ExportPerson } from '../api.js';
import { defineExportCheck } from '../lib/export/check-kit.js';
import { maskNumber, normalizeIdText } from '../lib/id-number.js';

export const registryIdDuplicate = defineExportCheck({
  id: 'export/registry-id-duplicate',
  name: '证件号码重复',
  severity: 'error',
  description: '同一个完整证件号码出现在两行以上（证件号码已打码时不执行）',
  category: '证件、年龄、关系、户主',
  level: 'P',
  columns: ['证件号码'],
  messages: { duplicate: '证件号码{masked}在导出中出现{n}次（{where}）。请核实是否重复登记。' },
  run(kit) {
    // Masked IDs collide even within one township: only full numbers are compared (7.1 says the notice).
    if (kit.data.idsMasked) return;
    const byId = new Map<string, Array<{ h: ExportHousehold; p: ExportPerson }>>();
    for (const h of kit.data.households) {
      for (const p of h.people) {
        if (p.idState !== 'full') continue;
        const id = normalizeIdText(p.row.get('证件号码')).slice(0, 18);
        const list = byId.get(id);
        if (list) list.push({ h, p });
        else byId.set(id, [{ h, p }]);
      }
    }
    kit.eachHousehold((household) => {
      for (const person of household.people) {
        if (person.idState !== 'full') continue;
        const id = normalizeIdText(person.row.get('证件号码')).slice(0, 18);
        const all = byId.get(id) ?? [];
        if (all.length < 2) continue;
        const where = all.map(({ h, p }) => `${h.village}${h.head}户${p.name}（${p.row.locate('证件号码')}）`).join('、');
        kit.report({ household, person, messageId: 'duplicate', data: { masked: maskNumber(id, 6, 4), n: all.length, where }, column: '证件号码', values: { 证件号码: maskNumber(id, 6, 4) }, details: { count: all.length } });
      }
    });
  },
});
