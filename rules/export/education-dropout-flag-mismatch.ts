import { BIRTH, defineExportCheck } from '../lib/export/check-kit.js';
import { findDropouts } from '../lib/export/guarantee-gaps.js';

export const educationDropoutFlagMismatch = defineExportCheck({
  id: 'export/education-dropout-flag-mismatch',
  name: '失学辍学户级指标与成员不符',
  severity: 'warning',
  description: '户级指标“是否失学辍学”为是，但成员中没有疑似失学辍学的适龄儿童少年',
  category: '三保障和饮水安全',
  level: 'H',
  columns: ['是否失学辍学', BIRTH, '在校生状况', '义务教育阶段未上学原因', '健康状况'],
  messages: {
    flag: '该户“是否义务教育阶段适龄儿童少年失学辍学”为“是”，但成员信息中没有未在校的义务教育适龄儿童少年。请核实后更正户级指标或成员在校信息。',
  },
  run(kit) {
    kit.eachHousehold((household) => {
      const flag = kit.field(household, '是否失学辍学');
      if (kit.values.yesNo(flag, '是否失学辍学') !== 'yes' || findDropouts(kit, household).length > 0) return;
      kit.report({ household, messageId: 'flag', column: '是否失学辍学', values: { 是否失学辍学: flag } });
    });
  },
});
