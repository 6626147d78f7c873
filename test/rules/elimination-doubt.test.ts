import { describe, expect, it } from 'vitest';
import type { HouseholdFacts } from '../../rules/api.js';
import { eliminationDoubt, monthsBetween } from '../../rules/elimination-doubt.js';
import { makeFacts, makeMember, makeModel, runRule } from './helpers/make-model.js';

const lines = [{ year: 2023, line: 7200 }];

function run(facts: Partial<HouseholdFacts>, options: Record<string, unknown> = {}, tooSoonFrom: string | null = null) {
  const model = makeModel({
    data: { monitoringLines: lines, ...(tooSoonFrom ? { exportChecks: { tooSoonFrom } } : {}) },
    villages: [
      {
        name: '红星村',
        households: [
          {
            head: '张三',
            facts: makeFacts({
              isMonitored: true,
              riskEliminated: true,
              identifiedOn: '2023-01-01',
              eliminatedOn: '2023-09-01',
              incomeYear: 2023,
              location: '监测对象信息.xlsx 第4行',
              ...facts,
            }),
          },
        ],
      },
    ],
  });
  return runRule(eliminationDoubt, model, options);
}

const reasons = (findings: ReturnType<typeof run>) => findings.map((f) => f.details.reason);

describe('elimination-doubt', () => {
  describe('valid', () => {
    it('因学 risk eliminated after the student graduated', () => {
      const members = [makeMember({ name: '张三' }), makeMember({ name: '张小明', schooling: '已毕业' })];
      expect(run({ risks: ['因学'], members, income: { 人均纯收入: 9000 } })).toEqual([]);
    });

    it('因病 risk eliminated with income clearly above the line', () => {
      const members = [makeMember({ name: '张三', health: '患有大病', isSeriouslyIll: true })];
      expect(run({ risks: ['因病'], members, income: { 人均纯收入: 9000 } })).toEqual([]);
    });

    it('a household whose risk is not eliminated', () => {
      const members = [makeMember({ name: '张小明', isStudent: true })];
      expect(run({ riskEliminated: false, risks: ['因学'], members, income: { 人均纯收入: 5000 } })).toEqual([]);
    });

    it('exactly six months between identification and elimination', () => {
      expect(run({ identifiedOn: '2023-03-01', eliminatedOn: '2023-09-01' })).toEqual([]);
    });

    it('eliminated five months after identification by 自然消除 (a death, a graduation)', () => {
      expect(run({ identifiedOn: '2023-04-01', eliminatedOn: '2023-09-01', eliminationMethod: '自然消除' })).toEqual([]);
      expect(reasons(run({ identifiedOn: '2023-04-01', eliminatedOn: '2023-09-01', eliminationMethod: '帮扶消除' }))).toEqual(['too-soon']);
    });

    it('eliminated too soon, but before the province started requiring six months (tooSoonFrom)', () => {
      expect(run({ identifiedOn: '2021-10-01', eliminatedOn: '2022-03-01' }, {}, '2022-04')).toEqual([]);
      expect(reasons(run({ identifiedOn: '2022-01-01', eliminatedOn: '2022-04-01' }, {}, '2022-04'))).toEqual(['too-soon']);
    });
  });

  describe('invalid', () => {
    it('因学 risk eliminated while a child is still in school', () => {
      const members = [makeMember({ name: '张三' }), makeMember({ name: '张小明', schooling: '初中', isStudent: true, isCompulsoryStudent: true })];
      const [finding] = run({ risks: ['因病', '因学'], members, income: { 人均纯收入: 9000 } });
      expect(finding.key).toBe('elimination-doubt|红星村|张三|students-still-in-school');
      expect(finding.details).toMatchObject({ reason: 'students-still-in-school', students: ['张小明'] });
      expect(finding.message).toContain('张小明 仍在校就读');
      expect(finding.message).toContain('监测对象信息.xlsx 第4行');
    });

    it('因病 risk eliminated while the illness goes on and income stays at or below the line', () => {
      const members = [makeMember({ name: '张三', health: '患有大病', isSeriouslyIll: true })];
      const findings = run({ risks: ['因病'], members, income: { 人均纯收入: 7200 } });
      expect(reasons(findings)).toEqual(['illness-ongoing']);
      expect(findings[0].details).toMatchObject({ patients: ['张三'], perCapita: 7200, threshold: 7200 });
    });

    it('income below the line', () => {
      const findings = run({ risks: ['因务工就业不稳'], income: { 人均纯收入: 6800 } });
      expect(reasons(findings)).toEqual(['income-below-line']);
      expect(findings[0].message).toContain('6800 元低于当年监测标准 7200 元');
    });

    it('eliminated five months after identification (YYYYMM dates)', () => {
      const [finding] = run({ identifiedOn: '2023-03-01', eliminatedOn: '2023-08-01' });
      expect(finding.key).toBe('elimination-doubt|红星村|张三|too-soon');
      expect(finding.details).toMatchObject({ reason: 'too-soon', months: 5, minMonths: 6 });
    });

    it('too soon under a county rule of 12 months', () => {
      expect(reasons(run({}, { minMonths: 12 }))).toEqual(['too-soon']);
    });

    it('several reasons, one finding each', () => {
      const members = [makeMember({ name: '张小红', isStudent: true }), makeMember({ name: '张三', isSeriouslyIll: true })];
      const findings = run({ risks: ['因病', '因学'], members, income: { 人均纯收入: 5000 }, eliminatedOn: '2023-04-15' });
      expect(reasons(findings)).toEqual(['students-still-in-school', 'illness-ongoing', 'income-below-line', 'too-soon']);
    });
  });

  it('counts whole months', () => {
    expect(monthsBetween('2023-03-15', '2023-09-14')).toBe(5);
    expect(monthsBetween('2023-03-15', '2023-09-15')).toBe(6);
    expect(monthsBetween('2022-11-01', '2023-04-01')).toBe(5);
  });
});
