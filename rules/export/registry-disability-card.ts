import { defineExportCheck } from '../lib/export/check-kit.js';

export const registryDisabilityCard = defineExportCheck({
  id: 'export/registry-disability-card',
  name: '残疾状况与残疾人证不符',
  severity: 'warning',
  description: '健康状况为残疾却未登记残疾人证，或持残疾人证而健康状况不是残疾',
  category: '证件、年龄、关系、户主',
  level: 'P',
  columns: ['健康状况', '证件号码|证件类型'],
  messages: {
    noCard: '{member}健康状况为“残疾”，但未登记残疾人证。请核实是否已办理残疾人证。',
    notDisabled: '{member}持残疾人证，健康状况却为“{health}”。请核实并更正。',
  },
  run(kit) {
    kit.eachHousehold((household) => {
      for (const person of household.members) {
        const healthText = person.row.get('健康状况');
        const health = kit.values.health(healthText);
        if (health === 'blank' || health === 'unknown') continue;
        const values = { 健康状况: healthText, 证件类型: person.row.get('证件类型'), 证件号码位数: person.row.get('证件号码').length };
        if (health === 'disabled' && !person.disabilityCard) {
          kit.report({ household, person, messageId: 'noCard', reason: 'no-card', column: '健康状况', values });
        } else if (health !== 'disabled' && person.disabilityCard) {
          // Health may also record a serious illness of a disabled person; only 健康 contradicts the card.
          if (health !== 'healthy') continue;
          kit.report({ household, person, messageId: 'notDisabled', reason: 'card-not-disabled', data: { health: healthText }, column: '健康状况', values });
        }
      }
    });
  },
});
