import { describe, expect, it } from 'vitest';
import type { IncomeTable } from '../../rules/api.js';
import { copiedIncome } from '../../rules/copied-income.js';
import { makeModel, runRule, type HouseholdSpec } from './helpers/make-model.js';

function table(year: number, items: Record<string, number>, head = '张三'): IncomeTable {
  return { path: `红星村/${head}/${year}年家庭收入测算表.xlsx`, year, location: 'Sheet1', items };
}

const y2022 = { 工资性收入: 12000, 生产经营性收入: 3000, 转移性收入: 2400, 财产性收入: 0, 家庭纯收入: 17400, 人均纯收入: 5800, 家庭人口: 3 };

function run(...households: HouseholdSpec[]) {
  return runRule(copiedIncome, makeModel({ villages: [{ name: '红星村', households }] }));
}

describe('copied-income', () => {
  describe('valid', () => {
    it('two years with different items', () => {
      expect(run({ head: '张三', incomeTables: [table(2022, y2022), table(2023, { ...y2022, 工资性收入: 13000, 家庭纯收入: 18400 })] })).toEqual([]);
    });

    it('equal totals with different items are not a copy', () => {
      const moved = { ...y2022, 工资性收入: 11000, 生产经营性收入: 4000 };
      expect(run({ head: '张三', incomeTables: [table(2022, y2022), table(2023, moved)] })).toEqual([]);
    });

    it('a single non-zero item repeated (with its totals) is too little to call a copy', () => {
      const onlyWage = { 工资性收入: 9000, 家庭纯收入: 9000, 人均纯收入: 4500 };
      expect(run({ head: '张三', incomeTables: [table(2022, onlyWage), table(2023, onlyWage)] })).toEqual([]);
    });

    it('an item present in one year only', () => {
      expect(run({ head: '张三', incomeTables: [table(2022, y2022), table(2023, { ...y2022, 理赔收入: 800 })] })).toEqual([]);
    });
  });

  describe('invalid', () => {
    it('a year repeating the year before item by item', () => {
      const [finding, ...rest] = run({ head: '张三', incomeTables: [table(2022, y2022), table(2023, { ...y2022, 家庭人口: 4 })] });
      expect(rest).toEqual([]);
      expect(finding.key).toBe('copied-income|红星村|张三|2022-2023');
      expect(finding.severity).toBe('error');
      expect(finding.path).toBe('红星村/张三/2023年家庭收入测算表.xlsx');
      expect(finding.details).toMatchObject({
        messageId: 'copiedBetweenYears',
        years: [2022, 2023],
        fields: ['工资性收入', '生产经营性收入', '转移性收入', '家庭纯收入', '人均纯收入'],
      });
      expect(finding.message).toContain('2023 年家庭收入测算表与 2022 年的逐项相同');
      expect(finding.message).toContain('红星村/张三/2022年家庭收入测算表.xlsx');
    });

    it('three identical years read as two copies, each of the year before', () => {
      const findings = run({ head: '张三', incomeTables: [table(2021, y2022), table(2022, y2022), table(2023, y2022)] });
      expect(findings.map((f) => f.details.years)).toEqual([
        [2021, 2022],
        [2022, 2023],
      ]);
    });

    it('the same year copied between two households of the village', () => {
      const findings = run(
        { head: '张三', incomeTables: [table(2023, y2022, '张三')] },
        { head: '李四', incomeTables: [table(2023, y2022, '李四')] },
      );
      expect(findings.map((f) => [f.household, f.details.messageId, f.details.households])).toEqual([
        ['张三', 'copiedBetweenHouseholds', ['李四']],
        ['李四', 'copiedBetweenHouseholds', ['张三']],
      ]);
      expect(findings[0].key).toBe('copied-income|红星村|张三|between|2023|红星村/李四');
      expect(findings[0].message).toContain('红星村/李四/2023年家庭收入测算表.xlsx');
    });
  });
});
