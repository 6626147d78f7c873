// The export's income year as the export says it, for data-mismatch (issue: never compare another year's table).
import { describe, expect, it } from 'vitest';
import type { ExtractedContent } from '../../../rules/api.js';
import { loadDataTables } from '../../../main/engine/config/rule-data/load-data-tables.js';
import { readSystemExport } from '../../../main/engine/system-export/read-system-export.js';

const vocab = loadDataTables();

const content = (titles: string[][], sheet = '人员信息', extra: Record<string, string> = {}): ExtractedContent => {
  const header = ['行政村', '户编号', '姓名', '证件号码', '与户主关系', '人均纯收入', ...Object.keys(extra)];
  return {
    format: 'xlsx',
    title: null,
    blocks: [],
    dates: [],
    tables: [{ name: sheet, kind: 'sheet', location: `${sheet}!`, rows: [...titles, header, ['和平村', 'H1', '张三', '620422********1238', '户主', '9000', ...Object.values(extra)]] }],
  };
};

const yearOf = (c: ExtractedContent, file = '系统导出/监测对象信息.xlsx') => {
  const facts = readSystemExport(c, file, vocab).households[0].facts;
  return [facts.incomeYear, facts.incomeYearHow];
};

describe('the export’s income year', () => {
  it('from a 年度 column, a title, the file name, or the 导出日期 (the 12 months before it)', () => {
    expect(yearOf(content([['某县监测对象信息']], '人员信息', { 年度: '2024' }))).toEqual([2024, '导出表“年度”列']);
    expect(yearOf(content([['某县2023年度监测对象信息']]))).toEqual([2023, '导出表标题行写明 2023 年度']);
    expect(yearOf(content([['某县监测对象信息']]), '系统导出/2024年度监测对象.xlsx')).toEqual([2024, '文件名写明 2024 年度']);
    expect(yearOf(content([['某县监测对象信息'], ['导出日期：2024-03-10']]))).toEqual([2023, '导出表标题行的导出日期 2024-03（收入按导出前 12 个月计）']);
    expect(yearOf(content([['某县监测对象信息']]))).toEqual([undefined, undefined]);
  });
});
