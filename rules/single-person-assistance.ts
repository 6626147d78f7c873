import type { Rule } from './api.js';

export const singlePersonAssistance: Rule = {
  meta: {
    id: 'single-person-assistance',
    name: '单人保',
    severity: 'warning',
    description: '家有大病或残疾成员的多人户，只有一人享受低保（单人保），需核实是否应整户纳入',
    messages: {
      singleCovered:
        '家中 {burdened} 患有大病或残疾，{members} 口人中只有 {covered} 享受低保；请核实是否符合整户纳入低保的条件（数据来自 {where}）',
    },
  },
  check(model, ctx) {
    for (const village of model.villages) {
      for (const household of village.households) {
        const facts = household.facts;
        if (!facts || facts.members.length < 2) continue;
        const burdened = facts.members.filter((m) => m.isSeriouslyIll || m.isDisabled).map((m) => m.name);
        const covered = facts.members.filter((m) => m.hasDibao).map((m) => m.name);
        if (burdened.length === 0 || covered.length !== 1) continue;
        ctx.report({
          messageId: 'singleCovered',
          data: {
            burdened: burdened.join('、'),
            members: facts.members.length,
            covered: covered[0],
            where: facts.location ?? (facts.source === 'system' ? '系统导出表' : '家庭基本情况表'),
          },
          village: village.name,
          household: household.head,
          path: household.path,
          details: { members: facts.members.length, covered, burdened },
          keyParts: ['single-dibao'],
        });
      }
    }
  },
};
