import type { Household, Rule, ScanModel } from './api.js';

/** Said identically by every rule that needs the line, so the report shows it once per year. */
function missingLineNotice(year: number): string {
  return `${year} 年未配置防返贫监测收入标准（rules/data/monitoring-lines.yaml 或县里的覆盖文件），该年度与监测标准有关的检查已跳过`;
}

/** The household's per-capita net income and its year: the facts' (system first), else its latest income table. */
function perCapitaOf(household: Household): { perCapita: number; year: number; where: string; path: string | null } | null {
  const facts = household.facts;
  if (facts?.income['人均纯收入'] !== undefined && facts.incomeYear !== undefined) {
    return {
      perCapita: facts.income['人均纯收入'],
      year: facts.incomeYear,
      where: facts.location ?? (facts.source === 'system' ? '系统导出表' : '家庭基本情况表'),
      path: household.path,
    };
  }
  const table = [...household.incomeTables]
    .filter((t) => t.items['人均纯收入'] !== undefined)
    .sort((a, b) => b.year - a.year)[0];
  if (!table) return null;
  return { perCapita: table.items['人均纯收入'], year: table.year, where: `${table.path}（${table.location}）`, path: table.path };
}

function lineFor(model: ScanModel, year: number): number | null {
  return model.data.monitoringLines.find((l) => l.year === year)?.line ?? null;
}

export const nearThreshold: Rule = {
  meta: {
    id: 'near-threshold',
    name: '收入临界',
    severity: 'info',
    description: '人均纯收入仅略高于当年防返贫监测收入标准，需关注返贫致贫风险',
    messages: {
      nearLine:
        '{year} 年人均纯收入 {perCapita} 元，仅比当年监测标准 {threshold} 元高 {difference} 元（不到 {marginPercent}），请关注收入稳定性（数据来自 {where}）',
    },
    options: { margin: { name: '高出监测标准不到此比例即提示', default: 0.1, threshold: 'nearThresholdMargin' } },
  },
  check(model, ctx) {
    const margin = Number(ctx.options.margin);
    for (const village of model.villages) {
      for (const household of village.households) {
        const income = perCapitaOf(household);
        if (!income) continue;
        const threshold = lineFor(model, income.year);
        if (threshold === null) {
          ctx.notice(missingLineNotice(income.year));
          continue;
        }
        // Rounded to fen so 7200 × 1.1 is 7920, not 7920.000000000001.
        const limit = Math.round(threshold * (1 + margin) * 100) / 100;
        if (income.perCapita < threshold || income.perCapita >= limit) continue;
        const difference = Math.round((income.perCapita - threshold) * 100) / 100;
        ctx.report({
          messageId: 'nearLine',
          data: {
            year: income.year,
            perCapita: income.perCapita,
            threshold,
            difference,
            marginPercent: `${Math.round(margin * 1000) / 10}%`,
            where: income.where,
          },
          village: village.name,
          household: household.head,
          path: income.path,
          details: { perCapita: income.perCapita, threshold, margin, year: income.year, difference },
          keyParts: [income.year],
        });
      }
    }
  },
};
