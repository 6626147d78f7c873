import type { Household, HouseholdFacts, Rule, ScanModel } from './api.js';
import { monthsBetween } from './lib/export/ages.js';

/** Same text as near-threshold's, so the report says it once per year. */
function missingLineNotice(year: number): string {
  return `${year} 年未配置防返贫监测收入标准（rules/data/monitoring-lines.yaml 或县里的覆盖文件），该年度与监测标准有关的检查已跳过`;
}

// One count of whole months for every rule (the export checks use it too); exported here as before.
export { monthsBetween };

function perCapitaOf(household: Household, facts: HouseholdFacts): { perCapita: number; year: number; where: string } | null {
  const year = facts.incomeYear ?? (facts.eliminatedOn ? Number(facts.eliminatedOn.slice(0, 4)) : undefined);
  if (facts.income['人均纯收入'] !== undefined && year !== undefined) {
    return { perCapita: facts.income['人均纯收入'], year, where: facts.location ?? '系统导出表' };
  }
  const table = [...household.incomeTables]
    .filter((t) => t.items['人均纯收入'] !== undefined)
    .sort((a, b) => b.year - a.year)[0];
  return table ? { perCapita: table.items['人均纯收入'], year: table.year, where: `${table.path}（${table.location}）` } : null;
}

function lineFor(model: ScanModel, year: number): number | null {
  return model.data.monitoringLines.find((l) => l.year === year)?.line ?? null;
}

const hasRisk = (facts: HouseholdFacts, word: string): boolean => facts.risks.some((r) => r.includes(word));

export const eliminationDoubt: Rule = {
  meta: {
    id: 'elimination-doubt',
    name: '风险消除存疑',
    severity: 'warning',
    description: '已标注风险消除，但数据显示风险仍在或消除过快',
    messages: {
      studentsStillInSchool:
        '已标注风险消除，但风险类型为“因学”，家中 {students} 仍在校就读；请核实教育负担是否确已解决（数据来自 {where}）',
      illnessOngoing:
        '已标注风险消除，但风险类型为“因病”，{patients} 仍患有大病，{year} 年人均纯收入 {perCapita} 元未高于监测标准 {threshold} 元（数据来自 {where}）',
      incomeBelowLine:
        '已标注风险消除，但 {year} 年人均纯收入 {perCapita} 元低于当年监测标准 {threshold} 元（数据来自 {where}）',
      tooSoon:
        '识别纳入（{identifiedOn}）后仅 {months} 个月即标注风险消除（{eliminatedOn}），少于原则上要求的 {minMonths} 个月稳定期（数据来自 {where}）',
    },
    options: { minMonths: { name: '识别纳入后至少稳定的月数', default: 6, threshold: 'minMonthsBeforeElimination' } },
  },
  check(model, ctx) {
    const minMonths = Number(ctx.options.minMonths);
    for (const village of model.villages) {
      for (const household of village.households) {
        const facts = household.facts;
        if (!facts?.riskEliminated) continue;
        const where = facts.location ?? (facts.source === 'system' ? '系统导出表' : '家庭基本情况表');
        const base = { village: village.name, household: household.head, path: household.path };

        const students = facts.members.filter((m) => m.isStudent).map((m) => m.name);
        if (hasRisk(facts, '因学') && students.length > 0) {
          ctx.report({
            ...base,
            messageId: 'studentsStillInSchool',
            data: { students: students.join('、'), where },
            details: { reason: 'students-still-in-school', students, risks: facts.risks },
            keyParts: ['students-still-in-school'],
          });
        }

        const income = perCapitaOf(household, facts);
        const threshold = income ? lineFor(model, income.year) : null;
        if (income && threshold === null) ctx.notice(missingLineNotice(income.year));
        if (income && threshold !== null) {
          const patients = facts.members.filter((m) => m.isSeriouslyIll).map((m) => m.name);
          const incomeData = { year: income.year, perCapita: income.perCapita, threshold, where: income.where };
          const incomeDetails = { perCapita: income.perCapita, threshold, year: income.year };
          if (hasRisk(facts, '因病') && patients.length > 0 && income.perCapita <= threshold) {
            ctx.report({
              ...base,
              messageId: 'illnessOngoing',
              data: { ...incomeData, patients: patients.join('、') },
              details: { reason: 'illness-ongoing', patients, ...incomeDetails },
              keyParts: ['illness-ongoing'],
            });
          }
          if (income.perCapita < threshold) {
            ctx.report({
              ...base,
              messageId: 'incomeBelowLine',
              data: incomeData,
              details: { reason: 'income-below-line', ...incomeDetails },
              keyParts: ['income-below-line'],
            });
          }
        }

        // A death or a graduation (自然消除) can end a risk within weeks; and the province sets from when the
        // six months are required (tooSoonFrom, export-checks.yaml).
        const from = (model.data.exportChecks as { tooSoonFrom?: string | null } | undefined)?.tooSoonFrom ?? null;
        const judged = facts.eliminationMethod !== '自然消除' && (!from || (facts.eliminatedOn ?? '') >= from);
        if (facts.identifiedOn && facts.eliminatedOn && judged) {
          const months = monthsBetween(facts.identifiedOn, facts.eliminatedOn);
          if (months < minMonths) {
            ctx.report({
              ...base,
              messageId: 'tooSoon',
              data: { identifiedOn: facts.identifiedOn, eliminatedOn: facts.eliminatedOn, months, minMonths, where },
              details: {
                reason: 'too-soon',
                identifiedOn: facts.identifiedOn,
                eliminatedOn: facts.eliminatedOn,
                months,
                minMonths,
              },
              keyParts: ['too-soon'],
            });
          }
        }
      }
    }
  },
};
