import { describe, expect, it } from 'vitest';
import { mergeSkipNotices } from '../../../main/engine/evaluate/merge-skip-notices.js';

describe('mergeSkipNotices', () => {
  it('joins checks skipped for the same columns into one notice and leaves others in place', () => {
    expect(
      mergeSkipNotices([
        '本次导出缺少“是否危房户”列，以下检查未执行：export/housing-unsafe（登记为危房户）',
        '2025 年未配置防返贫监测收入标准',
        '本次导出缺少“是否参加大病保险”列，以下检查未执行：export/a（甲）',
        '本次导出缺少“是否危房户”列，以下检查未执行：export/risk-x（乙）',
      ]),
    ).toEqual([
      '本次导出缺少“是否危房户”列，以下检查未执行：export/housing-unsafe（登记为危房户）、export/risk-x（乙）',
      '2025 年未配置防返贫监测收入标准',
      '本次导出缺少“是否参加大病保险”列，以下检查未执行：export/a（甲）',
    ]);
  });
});
