import { describe, expect, it } from 'vitest';
import { educationDropout } from '../../../rules/export/education-dropout.js';
import { head, member, runCheck } from './helpers.js';

// As of 2026-11-30 the school year opened on 2026-08-31: a child born 2015-03-01 is 11 there.
const child = (over: Record<string, string>) =>
  member({ 姓名: '张小明', 证件号码: '620422201503011234', 与户主关系: '之子', 劳动技能: '无劳动力', 义务教育阶段未上学原因: '', ...over });

describe('export/education-dropout', () => {
  it('valid: a child in 小学, a child excused 因残 who is disabled, a 16-year-old out of school', () => {
    const { findings } = runCheck(educationDropout, {
      roster: [
        head(),
        child({ 在校生状况: '小学五年级' }),
        child({ 姓名: '张小红', 在校生状况: '非在校生', 义务教育阶段未上学原因: '因残', 健康状况: '残疾' }),
        child({ 姓名: '张大', 证件号码: '620422200907011234', 在校生状况: '非在校生' }),
      ],
    });
    expect(findings).toEqual([]);
  });

  it('invalid: out of school with no reason, and 因病 while 健康', () => {
    const { findings } = runCheck(educationDropout, {
      roster: [
        head(),
        child({ 在校生状况: '非在校生' }),
        child({ 姓名: '张小红', 在校生状况: '非在校生', 义务教育阶段未上学原因: '因病', 健康状况: '健康' }),
      ],
    });
    expect(findings.map((f) => [f.key, f.severity])).toEqual([
      ['export/education-dropout|和平村|张三|张小明', 'error'],
      ['export/education-dropout|和平村|张三|张小红', 'error'],
    ]);
    expect(findings[0].message).toBe(
      '张小明（11周岁）处于义务教育阶段，在校生状况为“非在校生”，未填写未上学原因，疑似失学辍学。请核实就学情况（含送教上门、随班就读），并在系统中更正在校生状况或未上学原因。',
    );
    expect(findings[1].message).toContain('未上学原因为“因病”但健康状况为“健康”');
    expect(findings[0].details).toMatchObject({ member: '张小明', householdId: 'H001', location: '人员信息!M5' });
    expect(findings[0].path).toBe('系统导出.xlsx');
  });

  it('missing column: one notice naming it, no finding', () => {
    const roster = [head(), child({ 在校生状况: '非在校生' })].map(({ 义务教育阶段未上学原因: _, ...r }) => r);
    const { findings, notices } = runCheck(educationDropout, { roster });
    expect(findings).toEqual([]);
    expect(notices).toEqual(['本次导出缺少“义务教育阶段未上学原因”列，以下检查未执行：export/education-dropout（义务教育阶段疑似失学辍学）']);
  });

  it('masked IDs and no 出生日期: skipped with a notice naming the birth date', () => {
    const mask = (r: Record<string, string | number>) => ({ ...r, 证件号码: String(r.证件号码).slice(0, 6) + '********' + String(r.证件号码).slice(14) });
    const { findings, notices } = runCheck(educationDropout, { roster: [head(), child({ 在校生状况: '非在校生' })].map(mask) });
    expect(findings).toEqual([]);
    expect(notices[0]).toContain('出生日期（或未打码的证件号码）');
  });
});
