import type { Household, ProcedureDefinition, Rule } from './api.js';
import { conditionsHold, householdConditions, isMonitoredHousehold } from './lib/household-conditions.js';
import {
  collectSteps,
  findDateConflicts,
  findShortNotices,
  type DatedSource,
  type OrderProblem,
} from './lib/procedure-steps.js';

// Pieces of the message, filled in code because a household may have several problems at once.
const text = {
  listSeparator: '、',
  problemSeparator: '；',
  before: (p: OrderProblem, where: (s: DatedSource | null) => string) =>
    `${p.pair[0]}（${p.dates[0]}${where(p.sources[0])}）早于${p.pair[1]}（${p.dates[1]}${where(p.sources[1])}）`,
  shortNotice: (p: OrderProblem, minDays: number, where: (s: DatedSource | null) => string) =>
    p.noticeEnd !== undefined && p.dates[1] === p.noticeEnd
      ? `${p.pair[0]}只有 ${p.noticeDays} 天（${p.dates[0]}至${p.noticeEnd}${where(p.sources[0])}），少于 ${minDays} 天`
      : `${p.pair[0]}（${p.dates[0]}${where(p.sources[0])}）开始 ${p.noticeDays} 天后即${p.pair[1]}（${p.dates[1]}${where(p.sources[1])}），公示少于 ${minDays} 天`,
};

function requiresProcedure(household: Household, procedure: ProcedureDefinition): boolean {
  if (procedure.level === 'village') return false;
  const held = householdConditions(household);
  // A household whose risk was eliminated was monitored, whatever its current marking says.
  const isMonitored = isMonitoredHousehold(household) || household.facts?.riskEliminated === true;
  if (isMonitored) held.add('monitored');
  if (procedure.level === 'monitored' && !isMonitored) return false;
  return conditionsHold(procedure.conditions, [], held);
}

function relativeTo(household: Household, path: string): string {
  return household.path && path.startsWith(`${household.path}/`) ? path.slice(household.path.length + 1) : path;
}

export const incompleteProcedure: Rule = {
  meta: {
    id: 'incomplete-procedure',
    name: '程序不完整',
    severity: 'error',
    description: '监测户的识别纳入或风险消除程序资料缺少步骤，或各步骤日期先后不合程序、公示天数不足',
    messages: {
      absent: '没有找到{procedure}程序的任何资料，应有：{missing}',
      missing: '{procedure}程序缺少：{missing}',
      outOfOrder: '{procedure}程序日期不合顺序：{order}',
      missingAndOutOfOrder: '{procedure}程序缺少：{missing}；日期不合顺序：{order}',
    },
    options: { publicNoticeMinDays: { name: '村级公示最少天数', default: 5, threshold: 'publicNoticeMinDays' } },
  },
  check(model, ctx) {
    const minDays = Number(ctx.options.publicNoticeMinDays);
    for (const village of model.villages) {
      for (const household of village.households) {
        for (const procedure of model.checklist.procedures) {
          if (!requiresProcedure(household, procedure)) continue;
          const found = collectSteps(household.files, procedure);
          const missingSteps = procedure.steps.filter((s) => !s.optional && !found.has(s.name)).map((s) => s.name);
          const conflicts = findDateConflicts(found);
          const notices = findShortNotices(found, procedure, minDays).filter(
            (n) => !conflicts.some((c) => c.pair[0] === n.pair[0] && c.pair[1] === n.pair[1]),
          );
          const problems = [...conflicts, ...notices];
          if (missingSteps.length === 0 && problems.length === 0) continue;

          const where = (s: DatedSource | null): string =>
            s ? `，${relativeTo(household, s.path)}${s.location ? ` ${s.location}` : ''}` : '';
          const order = problems
            .map((p) => (p.noticeDays === undefined ? text.before(p, where) : text.shortNotice(p, minDays, where)))
            .join(text.problemSeparator);
          const missing = missingSteps.join(text.listSeparator);
          const messageId =
            found.size === 0 ? 'absent' : problems.length === 0 ? 'missing' : missingSteps.length === 0 ? 'outOfOrder' : 'missingAndOutOfOrder';
          const notice = notices[0];
          ctx.report({
            messageId,
            data: { procedure: procedure.name, missing, order },
            village: village.name,
            household: household.head,
            path: household.path,
            details: {
              procedure: procedure.name,
              missingSteps,
              outOfOrder: problems.map((p) => p.pair),
              dates: problems.map((p) => p.dates),
              ...(notice ? { noticeDays: notice.noticeDays, noticeMinDays: minDays } : {}),
              stepFiles: Object.fromEntries([...found.values()].map((f) => [f.step.name, f.paths])),
            },
            keyParts: [procedure.name],
          });
        }
      }
    }
  },
};
