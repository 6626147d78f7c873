// A county's `exportChecks:` section: merged over the shipped parameters, refused in Chinese when it does not fit.
import { describe, expect, it } from 'vitest';
import { loadExportCheckParams } from '../../../../main/engine/config/rule-data/export-check-params.js';

const load = (raw: unknown) => loadExportCheckParams([{ raw, file: '某县.yaml' }]);

describe('export check parameters', () => {
  it('merges a county’s values key by key and keeps the rest', () => {
    const p = load({ publicJob: { maxAge: 65 }, ruralDibaoStandard: { 2024: 5400 }, riskMeasures: { 因病: ['健康帮扶', '社会帮扶', '综合保障'] } });
    expect(p.publicJob).toEqual({ minAge: 16, maxAge: 65, maxPosts: 1 });
    expect(p.ruralDibaoStandard).toEqual({ 2024: 5400 });
    expect(p.riskMeasures.因病).toEqual(['健康帮扶', '社会帮扶', '综合保障']);
    expect(p.riskMeasures.因学).toEqual(['义务教育保障', '教育帮扶', '社会帮扶']);
  });

  it('refuses an unknown key, a key of the wrong kind, and a standard not written by year', () => {
    expect(() => load({ publicJobs: {} })).toThrow('某县.yaml（exportChecks） 中的“publicJobs”不是疑点检查的参数');
    expect(() => load({ publicJob: { maxAge: '七十' } })).toThrow('某县.yaml（exportChecks） 中“maxAge”应是数字，现为“七十”');
    expect(() => load({ ruralDibaoStandard: 5400 })).toThrow('“ruralDibaoStandard”应按年度写本县农村低保标准');
    expect(() => load({ medicalBurden: { share: 30 } })).toThrow('“medicalBurden”应写 amount（金额，元）或 share');
  });
});
