import { defineExportCheck } from '../lib/export/check-kit.js';
import { labourOf } from '../lib/export/member-facts.js';

export const assistNoLabourNoSafetyNet = defineExportCheck({
  id: 'export/assist-no-labour-no-safety-net',
  name: '整户无劳动能力未兜底',
  severity: 'warning',
  description: '全部成员无劳动能力，但无人享受低保或特困供养',
  category: '兜底保障',
  level: 'H',
  columns: ['劳动技能', '是否享受低保', '是否特困供养'],
  messages: {
    noNet: '该户{n}名成员均无劳动能力（无劳动力或丧失劳动力），但无人享受低保或特困供养。请核实是否符合兜底保障条件，符合的及时纳入。',
  },
  run(kit) {
    kit.eachHousehold((household) => {
      const members = household.members;
      if (members.length === 0) return;
      if (!members.every((p) => ['none', 'lost'].includes(labourOf(kit, p) ?? ''))) return;
      const covered = members.map((p) => [kit.values.dibao(p.row.get('是否享受低保')), kit.values.tekun(p.row.get('是否特困供养'))]);
      // 低保 also tests income and assets, so an unknown status is not judged.
      if (covered.some((c) => c.includes('yes') || c.includes('unknown'))) return;
      const flag = kit.field(household, '整户无劳动能力兜底保障户');
      kit.report({
        household,
        messageId: 'noNet',
        data: { n: members.length },
        column: '劳动技能',
        values: {
          劳动技能: members.map((p) => `${p.name}${p.row.get('劳动技能')}`).join('、'),
          是否享受低保: members.map((p) => p.row.get('是否享受低保') || '空白').join('、'),
          是否特困供养: members.map((p) => p.row.get('是否特困供养') || '空白').join('、'),
          ...(kit.has('整户无劳动能力兜底保障户') ? { 整户无劳动能力兜底保障户: flag } : {}),
        },
      });
    });
  },
});
