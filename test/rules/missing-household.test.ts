import { describe, expect, it } from 'vitest';
import { missingHousehold } from '../../rules/missing-household.js';
import { makeFacts, makeModel, runRule } from './helpers/make-model.js';

describe('missing-household', () => {
  it('valid: every system household has a folder', () => {
    expect(runRule(missingHousehold, makeModel({ villages: [{ name: '红星村', households: [{ head: '张三' }] }] }))).toEqual([]);
  });

  it('invalid: a household only the system lists', () => {
    const model = makeModel({
      villages: [{ name: '红星村' }],
      systemOnly: [{ householdId: '6204220001', village: '红星村', head: '孙七', source: '系统导出/监测对象.xlsx', row: 9, facts: makeFacts() }],
    });
    const [finding, ...rest] = runRule(missingHousehold, model);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      key: 'missing-household|红星村|孙七|6204220001',
      village: '红星村',
      household: '孙七',
      path: '红星村',
      message: '监测系统中有孙七户（系统导出/监测对象.xlsx 第9行），档案中没有该户的户内档案文件夹',
      details: { householdId: '6204220001' },
    });
  });
});
