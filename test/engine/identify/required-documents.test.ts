import { describe, expect, it } from 'vitest';
import type { Checklist, ItemMatch } from '../../../rules/api.js';
import { makeFacts, makeMember, makeModel } from '../../rules/helpers/make-model.js';

const item = (name: string, extra: Partial<Checklist['items'][number]> = {}): Checklist['items'][number] => ({
  name, aliases: [], level: 'household', conditions: [], anyOf: [], yearly: false, covers: [], requiredItself: true, ...extra,
});
const checklist: Checklist = {
  name: 'test',
  source: 'test',
  procedures: [],
  items: [
    item('家庭基本情况表'),
    item('家庭收入测算表', { yearly: true }),
    item('残疾证复印件', { conditions: ['disabled'] }),
    item('低保特困证明', { anyOf: ['dibao', 'tekun'] }),
    item('一户一策帮扶计划', { level: 'monitored' }),
    item('三保障核验表', { requiredItself: false }),
    item('问题整改台账', { level: 'village' }),
  ],
};
const match = (name: string, years: number[] = [], via: ItemMatch['via'] = 'filename', location?: string): ItemMatch =>
  ({ item: name, years, via, ...(location ? { location } : {}) });

describe('required documents in the model', () => {
  it('lists each owed item with its files and how they were recognised, and not-applicable items with the condition that fails', () => {
    const model = makeModel({
      checklist,
      villages: [
        {
          name: '红星村',
          files: [{ path: '红星村/台账/整改台账.xlsx', matches: [match('问题整改台账', [], 'title')] }],
          households: [
            {
              head: '张三',
              facts: makeFacts({ members: [makeMember({ name: '张三', hasDibao: true })] }),
              files: [
                { path: '红星村/张三/合订本.pdf', matches: [match('家庭基本情况表', [], 'content', '第 3 页'), match('家庭收入测算表', [2023], 'content')] },
                { path: '红星村/张三/基本情况.xlsx', matches: [match('家庭基本情况表')] },
              ],
            },
            { head: '李四', files: [] },
          ],
        },
      ],
    });
    const village = model.villages[0]!;
    expect(village.required).toEqual([
      { item: '问题整改台账', year: null, status: 'present', satisfiedBy: [{ path: '红星村/台账/整改台账.xlsx', via: 'title' }] },
    ]);
    const [zhang, li] = village.households;
    expect(zhang!.required).toEqual([
      {
        item: '家庭基本情况表', year: null, status: 'present',
        satisfiedBy: [{ path: '红星村/张三/合订本.pdf', via: 'content', location: '第 3 页' }, { path: '红星村/张三/基本情况.xlsx', via: 'filename' }],
      },
      { item: '家庭收入测算表', year: 2022, status: 'missing', satisfiedBy: [] },
      { item: '家庭收入测算表', year: 2023, status: 'present', satisfiedBy: [{ path: '红星村/张三/合订本.pdf', via: 'content' }] },
      { item: '残疾证复印件', year: null, status: 'not-applicable', satisfiedBy: [], reason: '本户不符合：此项仅在“有残疾人”时需要' },
      { item: '低保特困证明', year: null, status: 'missing', satisfiedBy: [] },
      { item: '一户一策帮扶计划', year: null, status: 'not-applicable', satisfiedBy: [], reason: '本户不是监测户，此项仅监测户需要' },
    ]);
    // Without facts the conditional items are excused, and the reason says why the tool could not tell.
    expect(li!.required.find((r) => r.item === '低保特困证明')).toMatchObject({
      status: 'not-applicable',
      reason: '未读到本户家庭成员情况（系统导出或家庭基本情况表），按不需要处理：此项仅在“享受低保”或“享受特困供养”时需要',
    });
  });
});
