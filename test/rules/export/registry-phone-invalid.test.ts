// 7.11 on an export whose phones are masked: nothing can be judged, so one notice and no finding.
import { describe, expect, it } from 'vitest';
import { registryPhoneInvalid } from '../../../rules/export/registry-phone-invalid.js';
import { head, member, runCheck } from './helpers.js';

describe('export/registry-phone-invalid', () => {
  it('masked phones: skipped with a notice, no finding', () => {
    const { findings, notices } = runCheck(registryPhoneInvalid, {
      roster: [head({ 户联系电话: '139****1234' }), member({ 姓名: '李秀兰', 与户主关系: '配偶', 证件号码: '620422198303031222', 家庭成员联系电话: '12345' })],
    });
    expect(findings).toEqual([]);
    expect(notices).toEqual(['系统导出表中的联系电话已打码，联系电话检查（export/registry-phone-invalid）未执行']);
  });

  it('unmasked: a number that is no mobile is reported for the household', () => {
    const { findings } = runCheck(registryPhoneInvalid, { roster: [head({ 户联系电话: '12345' })] });
    expect(findings.map((f) => f.key)).toEqual(['export/registry-phone-invalid|和平村|张三|household']);
  });
});
