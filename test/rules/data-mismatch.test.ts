import { describe, expect, it } from 'vitest';
import type { HouseholdFacts, IncomeTable } from '../../rules/api.js';
import { dataMismatch } from '../../rules/data-mismatch.js';
import { readIncomeTables } from '../../main/engine/read-tables/read-income-tables.js';
import { loadDataTables } from '../../main/engine/config/rule-data/load-data-tables.js';
import { docxFile } from '../engine/read-tables/income-files.js';
import { makeFacts, makeMember, makeModel, runRule } from './helpers/make-model.js';

const systemFacts = (partial: Partial<HouseholdFacts> = {}): HouseholdFacts =>
  makeFacts({
    source: 'system',
    monitorType: '边缘易致贫户',
    isMonitored: true,
    members: [makeMember({ name: '张三' }), makeMember({ name: '李梅' })],
    income: { 工资性收入: 12000, 转移性收入: 2400, 人均纯收入: 7950, 家庭人口: 2 },
    incomeYear: 2023,
    location: '监测对象信息.xlsx 第4行',
    ...partial,
  });

const archiveFacts = (partial: Partial<HouseholdFacts> = {}): HouseholdFacts =>
  makeFacts({
    source: 'archive',
    monitorType: '边缘易致贫户',
    isMonitored: true,
    members: [makeMember({ name: '张三' }), makeMember({ name: '李梅' })],
    location: '红星村/张三/家庭基本情况表.docx',
    ...partial,
  });

const table = (year: number, items: Record<string, number>): IncomeTable => ({
  path: `红星村/张三/${year}年收入测算表.xlsx`,
  year,
  location: 'Sheet1',
  items,
});

function run(system: HouseholdFacts | null, archive: HouseholdFacts | null, incomeTables: IncomeTable[] = []) {
  const model = makeModel({
    villages: [
      {
        name: '红星村',
        households: [
          {
            head: '张三',
            facts: system ?? archive,
            system: system ? { householdId: 'H001', village: '红星村', head: '张三', source: '监测对象信息.xlsx', row: 4, facts: system } : null,
            archiveFacts: archive,
            incomeTables,
          },
        ],
      },
    ],
  });
  return runRule(dataMismatch, model);
}

describe('data-mismatch', () => {
  describe('valid', () => {
    it('system and archive agree (within the 1 元 tolerance)', () => {
      const tables = [table(2023, { 工资性收入: 12000, 转移性收入: 2400.4, 人均纯收入: 7950, 生产经营性收入: 500 })];
      expect(run(systemFacts(), archiveFacts(), tables)).toEqual([]);
    });

    it('another year’s table is not held against the system’s income year', () => {
      expect(run(systemFacts(), null, [table(2022, { 工资性收入: 9000, 人均纯收入: 5000 })])).toEqual([]);
    });

    it('no system record: nothing to compare', () => {
      expect(run(null, archiveFacts({ members: [makeMember({ name: '王五' })] }), [table(2023, { 人均纯收入: 1 })])).toEqual([]);
    });
  });

  describe('valid: another year is never compared', () => {
    it('the export states no year and the household only has last year’s table (missing-document reports the table)', () => {
      expect(run(systemFacts({ incomeYear: undefined }), null, [table(2022, { 工资性收入: 9000, 转移性收入: 1000, 人均纯收入: 5000 })])).toEqual([]);
    });

    it('the export states 2023 and the household only has the 2022 table', () => {
      expect(run(systemFacts({ incomeYearHow: '文件名写明 2023 年度' }), null, [table(2022, { 人均纯收入: 5000 })])).toEqual([]);
    });
  });

  describe('invalid', () => {
    it('per-capita income differs from the table of the system’s year', () => {
      const [finding, ...rest] = run(systemFacts(), null, [table(2023, { 工资性收入: 12000, 人均纯收入: 8450 })]);
      expect(rest).toEqual([]);
      expect(finding.key).toBe('data-mismatch|红星村|张三|人均纯收入');
      expect(finding.severity).toBe('warning');
      expect(finding.path).toBe('红星村/张三/2023年收入测算表.xlsx');
      expect(finding.details).toMatchObject({ field: '人均纯收入', system: 7950, archive: 8450, year: 2023, incomeYearBasis: '导出表写明' });
      expect(finding.message).toBe(
        '2023 年人均纯收入不一致：系统导出表（监测对象信息.xlsx 第4行）为 7950 元，收入测算表 红星村/张三/2023年收入测算表.xlsx（Sheet1）为 8450 元',
      );
    });

    it('an income table read from a Word document in 万元, labels in columns', async () => {
      const file = await docxFile(
        '红星村/张三/2023年收入测算.docx',
        ['家庭收入测算表'],
        [
          ['工资性收入（万元）', '转移性收入（万元）', '备注'],
          ['1.5', '0.24', '务工、养老金'],
        ],
      );
      const tables = readIncomeTables(file, loadDataTables());
      const findings = run(systemFacts(), null, tables);
      expect(findings.map((f) => [f.details.field, f.details.system, f.details.archive])).toEqual([['工资性收入', 12000, 15000]]);
    });

    it('household size differs from the 家庭基本情况表: one finding naming the members', () => {
      const archive = archiveFacts({ members: [makeMember({ name: '张三' }), makeMember({ name: '张小明' }), makeMember({ name: '李 梅' })] });
      const findings = run(systemFacts(), archive);
      expect(findings.map((f) => [f.key, f.details.system, f.details.archive])).toEqual([['data-mismatch|红星村|张三|家庭人口', 2, 3]]);
      expect(findings[0].details).toMatchObject({ missingMembers: [], extraMembers: ['张小明'] });
      expect(findings[0].path).toBe('红星村/张三/家庭基本情况表.docx');
      expect(findings[0].message).toBe(
        '家庭人口不一致：系统导出表（监测对象信息.xlsx 第4行）为 2 人，家庭基本情况表 红星村/张三/家庭基本情况表.docx 为 3 人（表中多出 张小明）',
      );
    });

    it('same size but a different member, and a different monitoring type', () => {
      const archive = archiveFacts({ members: [makeMember({ name: '张三' }), makeMember({ name: '张小明' })], monitorType: '脱贫不稳定户' });
      const findings = run(systemFacts({ income: {} }), archive);
      expect(findings.map((f) => [f.key, f.details.system, f.details.archive])).toEqual([
        ['data-mismatch|红星村|张三|家庭成员|李梅', '李梅', null],
        ['data-mismatch|红星村|张三|家庭成员|张小明', null, '张小明'],
        ['data-mismatch|红星村|张三|监测对象类别', '边缘易致贫户', '脱贫不稳定户'],
      ]);
      expect(findings[1].message).toBe('家庭成员“张小明”在家庭基本情况表 红星村/张三/家庭基本情况表.docx 中有，系统导出表（监测对象信息.xlsx 第4行）中没有');
      expect(findings[2].message).toContain('系统导出表（监测对象信息.xlsx 第4行）为“边缘易致贫户”');
    });

    it('without an income year in the export, the table of the as-of date’s income period is used and said so', () => {
      const [finding, ...rest] = run(systemFacts({ incomeYear: undefined }), null, [
        table(2022, { 人均纯收入: 7950 }),
        table(2023, { 人均纯收入: 9100 }),
      ]);
      expect(rest).toEqual([]);
      expect(finding.details).toMatchObject({ year: 2023, archive: 9100, incomeYearBasis: '导出表未写年度，按审查日期 2023-09-30 前 12 个月计' });
    });
  });
});
