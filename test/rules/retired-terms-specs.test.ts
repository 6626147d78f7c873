// The dictionary tests itself (prh-style specs); this runs those specs and checks the dictionary covers
// the table of retired wording in the domain notes.
import { describe, expect, it } from 'vitest';
import { checkTermSpecs, loadRetiredTerms } from '../../main/engine/config/rule-data/retired-terms.js';

const data = await loadRetiredTerms();

// domain.md, "Retired wording": every retired term, and what must never be flagged.
const tableTerms = [
  '贫困户', '建档立卡贫困户', '贫困人口', '贫困村', '精准扶贫', '精准脱贫', '贫困边缘户', '边缘户', '脱贫监测户',
  '扶贫办', '扶贫开发办公室', '扶贫车间', '扶贫小额信贷', '扶贫资金', '专项扶贫资金', '扶贫公益岗位', '扶贫专岗',
  '全国扶贫开发信息系统', '扶贫干部', '扶贫专干', '贫困人群', '建档立卡贫困人员', '公益岗位扶贫',
];
const neverFlagged = [
  '光伏扶贫', '易地扶贫搬迁', '雨露计划', '扶贫项目资产', '扶贫资产', '精准扶贫首倡地', '建档立卡脱贫户',
  '建档立卡脱贫人口', '脱贫人口小额信贷', '脱贫小额信贷', '全国防返贫监测信息系统', '全国防返贫信息系统', '脱贫攻坚',
];

describe('rules/data/retired-terms.yaml', () => {
  it('passes all of its own specs', () => {
    expect(checkTermSpecs(data)).toEqual([]);
  });

  it('covers every retired term of the domain table, each with a replacing spec', () => {
    const byTerm = new Map(data.retiredTerms.map((t) => [t.term, t]));
    for (const term of tableTerms) {
      const entry = byTerm.get(term);
      expect(entry, term).toBeDefined();
      expect(entry!.specs.some((s) => s.to !== null), term).toBe(true);
    }
  });

  it('lists the never-flagged names as exempt', () => {
    expect(data.exemptTerms).toEqual(expect.arrayContaining(neverFlagged));
  });

  it('reports 扶贫车间 as a warning and the rest as errors', () => {
    const warnings = data.retiredTerms.filter((t) => t.severity !== 'error').map((t) => [t.term, t.severity]);
    expect(warnings).toEqual([['扶贫车间', 'warning']]);
  });

  it('dates the 2021 transition: 扶贫办 on 2021-02-25, the rest on 2021-01-01', () => {
    const dates = new Map(data.retiredTerms.map((t) => [t.term, t.retiredOn]));
    expect(dates.get('扶贫办')).toBe('2021-02-25');
    expect(dates.get('贫困户')).toBe('2021-01-01');
  });
});
