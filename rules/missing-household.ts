import type { Rule } from './api.js';

export const missingHousehold: Rule = {
  meta: {
    id: 'missing-household',
    name: '缺少户档案',
    severity: 'error',
    description: '监测系统中有此户，档案中找不到该户的户内档案',
    messages: {
      missing: '监测系统中有{head}户（{source}），档案中没有该户的户内档案文件夹',
    },
  },
  check(model, ctx) {
    for (const household of model.systemOnly) {
      const village = model.villages.find((v) => v.name === household.village);
      ctx.report({
        messageId: 'missing',
        data: { head: household.head, source: `${household.source} 第${household.row}行` },
        village: household.village,
        household: household.head,
        path: village?.path ?? null,
        details: { ...(household.householdId ? { householdId: household.householdId } : {}), source: household.source, row: household.row },
        keyParts: [household.householdId ?? ''],
      });
    }
  },
};
