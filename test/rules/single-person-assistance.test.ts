import { describe, expect, it } from 'vitest';
import type { Member } from '../../rules/api.js';
import { singlePersonAssistance } from '../../rules/single-person-assistance.js';
import { makeFacts, makeMember, makeModel, runRule } from './helpers/make-model.js';

function run(members: Member[]) {
  const model = makeModel({
    villages: [{ name: '红星村', households: [{ head: '张三', facts: makeFacts({ members, location: '监测对象信息.xlsx 第4行' }) }] }],
  });
  return runRule(singlePersonAssistance, model);
}

const ill = makeMember({ name: '张三', health: '患有大病', isSeriouslyIll: true, hasDibao: true });
const spouse = makeMember({ name: '李梅' });
const child = makeMember({ name: '张小明' });

describe('single-person-assistance', () => {
  describe('valid', () => {
    it('the whole family receives 低保', () => {
      expect(run([ill, { ...spouse, hasDibao: true }, { ...child, hasDibao: true }])).toEqual([]);
    });

    it('one member receives 低保 but nobody is ill or disabled', () => {
      expect(run([{ ...ill, isSeriouslyIll: false, health: '健康' }, spouse])).toEqual([]);
    });

    it('a single-person household', () => {
      expect(run([ill])).toEqual([]);
    });

    it('nobody receives 低保', () => {
      expect(run([{ ...ill, hasDibao: false }, spouse])).toEqual([]);
    });
  });

  describe('invalid', () => {
    it('a seriously ill member and only one of three covered', () => {
      const [finding] = run([ill, spouse, child]);
      expect(finding.key).toBe('single-person-assistance|红星村|张三|single-dibao');
      expect(finding.severity).toBe('warning');
      expect(finding.details).toMatchObject({ members: 3, covered: ['张三'], burdened: ['张三'] });
      expect(finding.message).toBe(
        '家中 张三 患有大病或残疾，3 口人中只有 张三 享受低保；请核实是否符合整户纳入低保的条件（数据来自 监测对象信息.xlsx 第4行）',
      );
    });

    it('a disabled member while another one is the one covered', () => {
      const [finding] = run([{ ...ill, isSeriouslyIll: false, hasDibao: false }, { ...spouse, hasDibao: true }, { ...child, isDisabled: true }]);
      expect(finding.details).toMatchObject({ covered: ['李梅'], burdened: ['张小明'] });
    });
  });
});
