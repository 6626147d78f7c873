import { describe, expect, it } from 'vitest';
import { missingDocument } from '../../rules/missing-document.js';
import type { Checklist, ItemMatch } from '../../rules/api.js';
import { makeFacts, makeMember, makeModel, runRule } from './helpers/make-model.js';

const checklist: Checklist = {
  name: 'test',
  source: 'test',
  procedures: [],
  items: [
    { name: '家庭基本情况表', aliases: [], level: 'household', conditions: [], anyOf: [], yearly: false, covers: [], requiredItself: true },
    { name: '家庭收入测算表', aliases: [], level: 'household', conditions: [], anyOf: [], yearly: true, covers: [], requiredItself: true },
    { name: '残疾证复印件', aliases: [], level: 'household', conditions: ['disabled'], anyOf: [], yearly: false, covers: [], requiredItself: true },
    { name: '低保特困证明', aliases: [], level: 'household', conditions: [], anyOf: ['dibao', 'tekun'], yearly: false, covers: [], requiredItself: true },
    { name: '一户一策帮扶计划', aliases: [], level: 'monitored', conditions: [], anyOf: [], yearly: false, covers: [], requiredItself: true },
    { name: '三保障核验表', aliases: [], level: 'household', conditions: [], anyOf: [], yearly: false, covers: [], requiredItself: false },
    { name: '问题整改台账', aliases: [], level: 'village', conditions: [], anyOf: [], yearly: false, covers: [], requiredItself: true },
  ],
};

const match = (item: string, years: number[] = []): ItemMatch => ({ item, years, via: 'filename' });
const fullHousehold = [
  { path: '红星村/张三/基本情况.xlsx', matches: [match('家庭基本情况表')] },
  { path: '红星村/张三/收入2022.xlsx', matches: [match('家庭收入测算表', [2022])] },
  { path: '红星村/张三/收入2023.xlsx', matches: [match('家庭收入测算表', [2023])] },
];
const ledger = { path: '红星村/台账/整改台账.xlsx', matches: [match('问题整改台账')] };

describe('missing-document', () => {
  it('valid: everything owed is there; conditional items are not owed without their condition', () => {
    const model = makeModel({
      checklist,
      villages: [{ name: '红星村', files: [ledger], households: [{ head: '张三', files: fullHousehold, facts: makeFacts({ members: [makeMember({ name: '张三' })] }) }] }],
    });
    expect(runRule(missingDocument, model)).toEqual([]);
  });

  it('invalid: a missing item, a missing year of a yearly item, and a missing village ledger', () => {
    const model = makeModel({
      checklist,
      villages: [
        {
          name: '红星村',
          households: [{ head: '张三', files: [fullHousehold[0]!, fullHousehold[2]!], facts: makeFacts() }],
        },
      ],
    });
    const findings = runRule(missingDocument, model);
    expect(findings.map((f) => [f.key, f.message, f.path])).toEqual([
      ['missing-document|红星村||问题整改台账', '缺少问题整改台账', '红星村'],
      ['missing-document|红星村|张三|家庭收入测算表|2022', '缺少 2022 年家庭收入测算表', '红星村/张三'],
    ]);
    expect(findings[1]!.details).toMatchObject({ item: '家庭收入测算表', level: 'household', year: 2022 });
    expect(findings[0]!.details).toMatchObject({ item: '问题整改台账', level: 'village' });
  });

  it('invalid: conditions from the facts make items owed (disabled member; 特困 satisfies anyOf; monitored)', () => {
    const model = makeModel({
      checklist,
      villages: [
        {
          name: '红星村',
          files: [ledger],
          households: [
            {
              head: '张三',
              files: fullHousehold,
              facts: makeFacts({ isMonitored: true, members: [makeMember({ name: '张三', isDisabled: true, hasTekun: true })] }),
            },
          ],
        },
      ],
    });
    expect(runRule(missingDocument, model).map((f) => f.details.item)).toEqual(['残疾证复印件', '低保特困证明', '一户一策帮扶计划']);
  });

  it('a household without facts is judged by its folder: 监测户 owes the plan, conditional items are not guessed', () => {
    const model = makeModel({
      checklist,
      villages: [{ name: '红星村', files: [ledger], households: [{ head: '张三', files: fullHousehold, folderCategory: '监测户' }] }],
    });
    expect(runRule(missingDocument, model).map((f) => f.details.item)).toEqual(['一户一策帮扶计划']);
  });

  it('a yearly file without a year proves neither year', () => {
    const model = makeModel({
      checklist,
      villages: [
        {
          name: '红星村',
          files: [ledger],
          households: [{ head: '张三', files: [fullHousehold[0]!, { path: '红星村/张三/收入.xlsx', matches: [match('家庭收入测算表')] }] }],
        },
      ],
    });
    expect(runRule(missingDocument, model).map((f) => f.details.year)).toEqual([2022, 2023]);
  });
});
