import type { Household, HouseholdFacts, IncomeTable, Rule, RuleContext, Village } from './api.js';
import { incomeYearForDay } from './lib/income-year.js';

function population(facts: HouseholdFacts): number | null {
  if (facts.income['家庭人口'] !== undefined) return facts.income['家庭人口'];
  return facts.members.length > 0 ? facts.members.length : null;
}

const normalize = (text: string): string => text.normalize('NFKC').replace(/\s+/g, '');

/**
 * The archive table to hold against the system's income: the table of the year the system's figures are for — the
 * year the export states, else the income period of the as-of date (domain.md). Another year's table is never
 * compared; with none of that year there is nothing to say (the missing table is missing-document's finding).
 */
function tableFor(household: Household, facts: HouseholdFacts, asOf: string): { table: IncomeTable; how: string } | null {
  const year = facts.incomeYear ?? incomeYearForDay(asOf);
  const how = facts.incomeYear !== undefined ? (facts.incomeYearHow ?? '导出表写明') : `导出表未写年度，按审查日期 ${asOf} 前 12 个月计`;
  const table = household.incomeTables.find((t) => t.year === year);
  return table ? { table, how } : null;
}

function compareIncome(village: Village, household: Household, system: HouseholdFacts, ctx: RuleContext, tolerance: number): void {
  const found = tableFor(household, system, ctx.asOf);
  if (!found) return;
  const { table, how } = found;
  for (const [field, systemValue] of Object.entries(system.income)) {
    const archiveValue = table.items[field];
    if (field === '家庭人口' || archiveValue === undefined) continue;
    if (Math.abs(systemValue - archiveValue) <= tolerance) continue;
    ctx.report({
      messageId: 'incomeMismatch',
      data: {
        year: table.year,
        field,
        system: systemValue,
        archive: archiveValue,
        systemLocation: system.location ?? '系统导出表',
        path: table.path,
        location: table.location,
      },
      village: village.name,
      household: household.head,
      path: table.path,
      details: { field, system: systemValue, archive: archiveValue, year: table.year, path: table.path, incomeYearBasis: how },
      keyParts: [field],
    });
  }
}

function compareBasicInfo(village: Village, household: Household, system: HouseholdFacts, archive: HouseholdFacts, ctx: RuleContext): void {
  const base = {
    village: village.name,
    household: household.head,
    path: archive.location ?? household.path,
  };
  const where = { systemLocation: system.location ?? '系统导出表', path: archive.location ?? '家庭基本情况表' };
  const bothListed = system.members.length > 0 && archive.members.length > 0;
  const systemNames = system.members.map((m) => normalize(m.name));
  const archiveNames = archive.members.map((m) => normalize(m.name));
  const missing = bothListed ? systemNames.filter((n) => !archiveNames.includes(n)) : [];
  const extra = bothListed ? archiveNames.filter((n) => !systemNames.includes(n)) : [];
  const systemCount = population(system);
  const archiveCount = population(archive);
  if (systemCount !== null && archiveCount !== null && systemCount !== archiveCount) {
    // One finding for the household's size, naming the members that make the difference.
    const names = [missing.length ? `表中缺少 ${missing.join('、')}` : '', extra.length ? `表中多出 ${extra.join('、')}` : '']
      .filter(Boolean)
      .join('，');
    ctx.report({
      ...base,
      messageId: 'populationMismatch',
      data: { ...where, system: systemCount, archive: archiveCount, names: names ? `（${names}）` : '' },
      details: {
        field: '家庭人口',
        system: systemCount,
        archive: archiveCount,
        missingMembers: missing,
        extraMembers: extra,
        path: archive.location ?? null,
      },
      keyParts: ['家庭人口'],
    });
  } else {
    for (const name of missing) {
      ctx.report({
        ...base,
        messageId: 'memberMissingInArchive',
        data: { ...where, name },
        details: { field: '家庭成员', system: name, archive: null, path: archive.location ?? null },
        keyParts: ['家庭成员', name],
      });
    }
    for (const name of extra) {
      ctx.report({
        ...base,
        messageId: 'memberMissingInSystem',
        data: { ...where, name },
        details: { field: '家庭成员', system: null, archive: name, path: archive.location ?? null },
        keyParts: ['家庭成员', name],
      });
    }
  }
  if (system.monitorType && archive.monitorType && normalize(system.monitorType) !== normalize(archive.monitorType)) {
    ctx.report({
      ...base,
      messageId: 'monitorTypeMismatch',
      data: { ...where, system: system.monitorType, archive: archive.monitorType },
      details: { field: '监测对象类别', system: system.monitorType, archive: archive.monitorType, path: archive.location ?? null },
      keyParts: ['监测对象类别'],
    });
  }
}

export const dataMismatch: Rule = {
  meta: {
    id: 'data-mismatch',
    name: '数据不一致',
    // A warning, not an error: the finding shows that the two sides differ, not which one is wrong, and the
    // archive side is read from free-form tables; a person decides which record to correct.
    severity: 'warning',
    description: '系统导出数据与户内档案（收入测算表、家庭基本情况表）不一致（四个一致）',
    messages: {
      incomeMismatch:
        '{year} 年{field}不一致：系统导出表（{systemLocation}）为 {system} 元，收入测算表 {path}（{location}）为 {archive} 元',
      populationMismatch:
        '家庭人口不一致：系统导出表（{systemLocation}）为 {system} 人，家庭基本情况表 {path} 为 {archive} 人{names}',
      memberMissingInArchive: '家庭成员“{name}”在系统导出表（{systemLocation}）中有，家庭基本情况表 {path} 中没有',
      memberMissingInSystem: '家庭成员“{name}”在家庭基本情况表 {path} 中有，系统导出表（{systemLocation}）中没有',
      monitorTypeMismatch:
        '监测对象类别不一致：系统导出表（{systemLocation}）为“{system}”，家庭基本情况表 {path} 为“{archive}”',
    },
    options: { incomeTolerance: { name: '收入金额视为一致的差额（元）', default: 1, threshold: 'incomeTolerance' } },
  },
  check(model, ctx) {
    const tolerance = Number(ctx.options.incomeTolerance);
    for (const village of model.villages) {
      for (const household of village.households) {
        const system = household.system?.facts;
        if (!system) continue;
        compareIncome(village, household, system, ctx, tolerance);
        if (household.archiveFacts) compareBasicInfo(village, household, system, household.archiveFacts, ctx);
      }
    }
  },
};
