import type { ExportHousehold } from '../api.js';
import { defineExportCheck } from '../lib/export/check-kit.js';

const MOBILE = /^1[3-9]\d{9}$/;

export const registryPhoneInvalid = defineExportCheck({
  id: 'export/registry-phone-invalid',
  name: '联系电话有误',
  severity: 'info',
  description: '户或成员联系电话为空、不是 11 位手机号，或不同户登记了同一号码（电话已打码时不执行）',
  category: '证件、年龄、关系、户主',
  level: 'P/H',
  columns: ['户联系电话|家庭成员联系电话'],
  messages: {
    memberPhone: '{member}的联系电话{problem}。请核实并更正。',
    householdPhone: '该户的联系电话{problem}。请核实并更正。',
  },
  run(kit) {
    if (kit.data.phonesMasked) {
      kit.ctx.notice('系统导出表中的联系电话已打码，联系电话检查（export/registry-phone-invalid）未执行');
      return;
    }
    const clean = (t: string): string => t.normalize('NFKC').replace(/[\s-]/g, '');
    const owners = new Map<string, Set<ExportHousehold>>();
    if (kit.has('户联系电话')) {
      for (const h of kit.data.households) {
        const phone = clean(kit.field(h, '户联系电话'));
        if (MOBILE.test(phone)) owners.set(phone, (owners.get(phone) ?? new Set()).add(h));
      }
    }
    const problemOf = (phone: string): string | null => (phone === '' ? '为空' : MOBILE.test(phone) ? null : `“${phone}”不是11位手机号码`);
    kit.eachHousehold((household) => {
      if (kit.has('户联系电话')) {
        const phone = clean(kit.field(household, '户联系电话'));
        const problem = problemOf(phone) ?? ((owners.get(phone)?.size ?? 0) > 1 ? `${phone}与其他户登记的号码相同` : null);
        if (problem) kit.report({ household, messageId: 'householdPhone', reason: 'household', data: { problem }, column: '户联系电话', values: { 户联系电话: phone } });
      }
      if (!kit.has('家庭成员联系电话')) return;
      for (const person of household.members) {
        // Children rarely have a phone of their own: a member's phone is judged from the working age up.
        const age = kit.age(person);
        if (age !== null && age < kit.params.workingAge.min) continue;
        const phone = clean(person.row.get('家庭成员联系电话'));
        const problem = problemOf(phone);
        if (problem) kit.report({ household, person, messageId: 'memberPhone', data: { problem }, column: '家庭成员联系电话', values: { 家庭成员联系电话: phone } });
      }
    });
  },
});
