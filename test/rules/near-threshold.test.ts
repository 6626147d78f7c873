import { describe, expect, it } from 'vitest';
import type { IncomeTable, MonitoringLine } from '../../rules/api.js';
import { eliminationDoubt } from '../../rules/elimination-doubt.js';
import { nearThreshold } from '../../rules/near-threshold.js';
import { makeFacts, makeModel, runRule, type HouseholdSpec } from './helpers/make-model.js';

const lines: MonitoringLine[] = [
  { year: 2022, line: 6500 },
  { year: 2023, line: 7200 },
];

function model(household: Omit<HouseholdSpec, 'head'>, monitoringLines = lines) {
  return makeModel({ data: { monitoringLines }, villages: [{ name: '红星村', households: [{ head: '张三', ...household }] }] });
}

const systemIncome = (perCapita: number, incomeYear = 2023) =>
  makeFacts({ income: { 人均纯收入: perCapita }, incomeYear, location: '监测对象信息.xlsx 第4行' });

describe('near-threshold', () => {
  describe('valid', () => {
    it('income well above the line', () => {
      expect(runRule(nearThreshold, model({ facts: systemIncome(7920) }))).toEqual([]);
    });

    it('income below the line is not "near" it', () => {
      expect(runRule(nearThreshold, model({ facts: systemIncome(7000) }))).toEqual([]);
    });

    it('a narrower margin from the options', () => {
      expect(runRule(nearThreshold, model({ facts: systemIncome(7500) }), { margin: 0.03 })).toEqual([]);
    });
  });

  describe('invalid', () => {
    it('income above the line by less than 10%', () => {
      const [finding] = runRule(nearThreshold, model({ facts: systemIncome(7500) }));
      expect(finding.key).toBe('near-threshold|红星村|张三|2023');
      expect(finding.severity).toBe('info');
      expect(finding.details).toMatchObject({ perCapita: 7500, threshold: 7200, margin: 0.1, year: 2023 });
      expect(finding.message).toContain('监测对象信息.xlsx 第4行');
      expect(finding.message).toContain('高 300 元');
    });

    it('falls back to the latest income table when the facts give no per-capita income', () => {
      const tables: IncomeTable[] = [
        { path: '红星村/张三/2022收入.xlsx', year: 2022, location: 'Sheet1', items: { 人均纯收入: 6600 } },
        { path: '红星村/张三/2023收入.xlsx', year: 2023, location: 'Sheet1', items: { 人均纯收入: 9000 } },
      ];
      expect(runRule(nearThreshold, model({ incomeTables: tables }))).toEqual([]);
      const [finding] = runRule(nearThreshold, model({ incomeTables: tables.slice(0, 1) }));
      expect(finding.details).toMatchObject({ perCapita: 6600, threshold: 6500, year: 2022 });
      expect(finding.path).toBe('红星村/张三/2022收入.xlsx');
    });
  });

  it('a year without a configured line gives one notice and no finding', () => {
    const m = makeModel({
      data: { monitoringLines: lines },
      villages: [
        {
          name: '红星村',
          households: [
            { head: '张三', facts: systemIncome(8000, 2025) },
            { head: '李四', facts: systemIncome(8100, 2025) },
          ],
        },
      ],
    });
    const findings = runRule(nearThreshold, m);
    expect(findings).toEqual([]);
    expect(findings.notices).toEqual([expect.stringContaining('2025 年未配置防返贫监测收入标准')]);
    // elimination-doubt says the same sentence, so the report shows it once.
    const eliminated = makeModel({
      data: { monitoringLines: lines },
      villages: [{ name: '红星村', households: [{ head: '张三', facts: { ...systemIncome(8000, 2025), riskEliminated: true } }] }],
    });
    expect(runRule(eliminationDoubt, eliminated).notices).toEqual(findings.notices);
  });
});
