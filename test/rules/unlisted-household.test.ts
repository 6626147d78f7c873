import { describe, expect, it } from 'vitest';
import { unlistedHousehold } from '../../rules/unlisted-household.js';
import { makeFacts, makeModel, runRule } from './helpers/make-model.js';

const system = { village: '红星村', head: '张三', source: 'x.xlsx', row: 4, facts: makeFacts() };

describe('unlisted-household', () => {
  it('valid: the folder is in the export', () => {
    const model = makeModel({ systemSources: ['x.xlsx'], villages: [{ name: '红星村', households: [{ head: '张三', system }] }] });
    expect(runRule(unlistedHousehold, model)).toEqual([]);
  });

  it('valid: without any export nothing is said', () => {
    expect(runRule(unlistedHousehold, makeModel({ villages: [{ name: '红星村', households: [{ head: '李四' }] }] }))).toEqual([]);
  });

  it('invalid: a folder the export does not list', () => {
    const model = makeModel({
      systemSources: ['x.xlsx'],
      villages: [{ name: '红星村', households: [{ head: '张三', system }, { head: '李四', path: '红星村/户档/李四户' }] }],
    });
    const findings = runRule(unlistedHousehold, model);
    expect(findings.map((f) => [f.key, f.path])).toEqual([['unlisted-household|红星村|李四', '红星村/户档/李四户']]);
    expect(findings[0]!.message).toContain('x.xlsx');
  });
});
