import { defineExportCheck } from '../lib/export/check-kit.js';
import { amount, registers } from '../lib/export/member-facts.js';

export const labourWorkPlaceConsistency = defineExportCheck({
  id: 'export/labour-work-place-consistency',
  name: '务工地点与渠道、补贴不符',
  severity: 'warning',
  description: '公益性岗位、帮扶车间在县外务工，或登记外出务工补贴而无县外务工人员、交通补助为 0',
  category: '劳动力、务工、公益性岗位',
  level: 'P/H',
  columns: ['县', '务工所在县', '就业渠道'],
  optional: { 外出务工补贴: ['就业帮扶', '年度交通费补助'] },
  messages: {
    localOutside: '{member}在{county}务工（县外），就业渠道却为“{channel}”。公益性岗位和帮扶车间为本地岗位，请核实务工地点或就业渠道。',
    subsidy: '该户登记了外出务工交通补贴，但{problem}。请核实补贴发放依据。',
  },
  run(kit) {
    const local = kit.params.values.localJobChannels;
    const bySubsidy = kit.part('外出务工补贴');
    kit.eachHousehold((household) => {
      const county = household.county;
      const outside = (w: { get(c: string): string }): boolean => {
        const place = w.get('务工所在县');
        return place !== '' && county !== '' && !place.includes(county);
      };
      for (const person of household.members) {
        for (const w of person.work) {
          const channel = w.get('就业渠道');
          if (!local.some((c) => channel.includes(c)) || !outside(w)) continue;
          kit.report({
            household,
            person,
            messageId: 'localOutside',
            reason: 'local-job-out-of-county',
            data: { county: w.get('务工所在县'), channel },
            values: { 务工所在县: w.get('务工所在县'), 就业渠道: channel, 县: county },
          });
          break;
        }
      }
      if (!bySubsidy) return;
      const measure = kit.field(household, '就业帮扶');
      const rows = household.members.flatMap((p) => p.work);
      const transport = rows.map((w) => amount(w.get('年度交通费补助')) ?? 0);
      const worksOutside = rows.some((w) => kit.values.yesNo(w.get('是否已务工'), '是否已务工') !== 'no' && outside(w));
      const subsidy = registers(kit, measure, 'outMigrationSubsidy');
      const subsidyMeasure = subsidy !== null || registers(kit, measure, 'labourExport') !== null;
      if ((subsidyMeasure || transport.some((t) => t > 0)) && !worksOutside) {
        kit.report({ household, messageId: 'subsidy', reason: 'no-outside-worker', data: { problem: '家庭成员中没有在县外务工的人' }, values: { 就业帮扶: measure, 年度交通费补助: transport.join('、') } });
      } else if (subsidy !== null && transport.every((t) => t === 0)) {
        kit.report({ household, messageId: 'subsidy', reason: 'zero-transport', data: { problem: '年度交通费补助为0' }, values: { 就业帮扶: measure, 年度交通费补助: transport.join('、') || '0' } });
      }
    });
  },
});
