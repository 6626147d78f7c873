import type { Rule } from './api.js';

export const unlistedHousehold: Rule = {
  meta: {
    id: 'unlisted-household',
    name: '系统无此户',
    severity: 'warning',
    description: '档案中有户内档案，但监测系统导出数据中没有此户',
    messages: {
      unlisted: '档案中有{head}户的户内档案，但监测系统导出数据（{sources}）中没有此户，请核实是否应纳入或应移出',
    },
  },
  check(model, ctx) {
    // Without an export there is nothing to compare against.
    if (model.systemSources.length === 0) return;
    for (const village of model.villages) {
      for (const household of village.households) {
        if (household.system || household.path === null) continue;
        ctx.report({
          messageId: 'unlisted',
          data: { head: household.head, sources: model.systemSources.join('、') },
          village: village.name,
          household: household.head,
          path: household.path,
          details: {},
          keyParts: [],
        });
      }
    }
  },
};
