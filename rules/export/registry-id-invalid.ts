import { defineExportCheck } from '../lib/export/check-kit.js';
import { isCalendarDate, isValidIdNumber, maskNumber, normalizeIdText } from '../lib/id-number.js';

function problemOf(id: string, asOf: string): string | null {
  if (![18, 20, 22].includes(id.length)) return `长度为${id.length}位（应为18位，残疾人证为20或22位）`;
  const base = id.slice(0, 18);
  if (!/^\d{17}[\dX]$/.test(base)) return '含有不应出现的字符';
  if (base.startsWith('999999')) return '地区码为占位数999999';
  const birth = `${base.slice(6, 10)}-${base.slice(10, 12)}-${base.slice(12, 14)}`;
  if (!isCalendarDate(Number(base.slice(6, 10)), Number(base.slice(10, 12)), Number(base.slice(12, 14)))) return `出生日期部分（${base.slice(6, 14)}）不是有效日期`;
  if (birth > asOf) return `出生日期部分（${base.slice(6, 14)}）晚于审查日期`;
  if (!isValidIdNumber(base)) return '校验码不正确';
  if (id.length > 18 && !/^[1-7][1-4]/.test(id.slice(18, 20))) return `残疾人证后缀（${id.slice(18)}）不是残疾类别1–7加等级1–4`;
  return null;
}

export const registryIdInvalid = defineExportCheck({
  id: 'export/registry-id-invalid',
  name: '证件号码有误',
  severity: 'error',
  description: '证件号码长度、出生日期、地区码、校验码或残疾人证后缀有误（证件号码已打码时不执行）',
  category: '证件、年龄、关系、户主',
  level: 'P',
  columns: ['证件号码'],
  messages: { invalid: '{member}的证件号码（{masked}）{problem}。请核对户口簿或身份证后更正。' },
  run(kit) {
    if (kit.data.idsMasked) {
      kit.ctx.notice('系统导出表中的证件号码已打码，证件号码校验（export/registry-id-invalid）和重复检查（export/registry-id-duplicate）未执行');
      return;
    }
    kit.eachHousehold((household) => {
      for (const person of household.people) {
        // A masked number cannot be checked; a blank one is 7.6's.
        if (person.idState === 'masked' || person.idState === 'blank') continue;
        const id = normalizeIdText(person.row.get('证件号码'));
        const problem = problemOf(id, kit.asOf);
        if (!problem) continue;
        const masked = maskNumber(id, 6, 4);
        kit.report({ household, person, messageId: 'invalid', data: { masked, problem }, column: '证件号码', values: { 证件号码: masked }, details: { problem } });
      }
    });
  },
});
