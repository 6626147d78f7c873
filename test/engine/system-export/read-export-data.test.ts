// Reading the export as the checks see it: several workbooks told apart by their columns, value and date
// spellings of real exports, birth dates and sex from the ID or the columns, unknown values left unjudged.
import { describe, expect, it } from 'vitest';
import { parseMonth } from '../../../rules/lib/export/work-spells.js';
import { medicalUninsured } from '../../../rules/export/medical-uninsured.js';
import { registryCategoryHouseholdType } from '../../../rules/export/registry-category-household-type.js';
import { elimDatesInconsistent } from '../../../rules/export/elim-dates-inconsistent.js';
import { exportModel, head, member, runCheck } from '../../rules/export/helpers.js';

describe('reading the export', () => {
  it('tells the roster, a 户信息 workbook and a 务工 workbook apart, and joins them on 户编号 + 姓名', () => {
    const model = exportModel({
      roster: [head(), member({ 姓名: '李秀兰', 与户主关系: '配偶', 证件号码: '620422198303031222' })],
      householdInfo: [{ 户编号: 'H001', 户主姓名: '张三', 是否危房户: '是', 住房面积: 80 }],
      work: [{ 户编号: 'H001', 姓名: '张三', 是否已务工: '是', 务工所在县: '昆山市', 务工月收入: 4200, 务工开始时间: '2024年03月' }],
    });
    const data = model.exportData!;
    expect(data.households).toHaveLength(1);
    const [h] = data.households;
    expect(h.people.map((p) => [p.name, p.isHead, p.sex, p.birthDate])).toEqual([
      ['张三', true, '男', '1980-01-01'],
      ['李秀兰', false, '女', '1983-03-03'],
    ]);
    expect(h.householdRows.map((r) => r.get('是否危房户'))).toEqual(['是']);
    expect(h.people[0].work.map((w) => w.get('务工所在县'))).toEqual(['昆山市']);
    expect(data.workColumns.has('务工月收入')).toBe(true);
    expect(data.columns.has('务工月收入')).toBe(false);
  });

  it('reads masked IDs for sex only, and birth dates from 出生日期 when the IDs are masked', () => {
    const masked = (r: Record<string, string | number>) => ({ ...r, 证件号码: `${String(r.证件号码).slice(0, 6)}********${String(r.证件号码).slice(14)}` });
    const data = exportModel({ roster: [masked(head({ 出生日期: '1980/1/1' })), masked(member({ 姓名: '李秀兰', 与户主关系: '配偶', 证件号码: '620422198303031222' }))] }).exportData!;
    expect(data.idsMasked).toBe(true);
    expect(data.households[0].people.map((p) => [p.idState, p.sex, p.birthDate])).toEqual([
      ['masked', '男', '1980-01-01'],
      ['masked', '女', null],
    ]);
  });

  it('takes 是/否, √ and 有/无 as the same answers; an unknown value is noticed once and judged by nobody', () => {
    const roster = [
      head({ 是否参加城乡居民基本医疗保险: '无', 是否参加城镇职工基本医疗保险: '否' }),
      member({ 姓名: '李秀兰', 与户主关系: '配偶', 证件号码: '620422198303031222', 是否参加城乡居民基本医疗保险: '√', 是否参加城镇职工基本医疗保险: '' }),
      member({ 姓名: '张伟', 与户主关系: '之子', 证件号码: '620422200505051231', 是否参加城乡居民基本医疗保险: '待核实', 是否参加城镇职工基本医疗保险: '否' }),
    ];
    const { findings, notices } = runCheck(medicalUninsured, { roster });
    expect(findings.map((f) => f.details.member)).toEqual(['张三']);
    expect(notices).toEqual(['系统导出表“是否参加城乡居民基本医疗保险”列中的值“待核实”不在取值对照表中（rules/data/export-checks.yaml），相关疑点检查对这些行不作判断']);
  });

  it('a 户类型 outside the known list is unknown: a notice, never a finding', () => {
    const { findings, notices } = runCheck(registryCategoryHouseholdType, { roster: [head({ 户类型: '监测对象', 监测对象类别: '边缘易致贫户', 风险是否已消除: '否' })] });
    expect(findings).toEqual([]);
    expect(notices[0]).toContain('“户类型”列中的值“监测对象”');
  });

  it('reads dates as YYYYMM, YYYY-MM-DD, YYYY/M/D, 年月 and Excel serials', () => {
    expect(['202406', '2024-06-15', '2024/6/1', '2024年06月', '45444'].map(parseMonth)).toEqual(['2024-06-01', '2024-06-01', '2024-06-01', '2024-06-01', '2024-06-01']);
    expect(parseMonth('不详')).toBeNull();
    // An elimination dated by an Excel serial before its YYYYMM identification is still caught.
    const { findings } = runCheck(elimDatesInconsistent, {
      roster: [head({ 监测对象类别: '边缘易致贫户', 识别监测时间: '202406', 消除监测时间: '45292', 风险是否已消除: '是' })],
      asOf: '2024-12-15',
    });
    expect(findings.map((f) => f.message)).toEqual(['该户识别或消除时间有误：消除监测时间（45292）早于识别监测时间（202406）。请核实并更正。']);
  });
});
