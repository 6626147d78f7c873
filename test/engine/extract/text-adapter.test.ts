import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { extract, sample } from './fixture.js';

describe('text adapter', () => {
  it('decodes a GBK text file, one block per line', async () => {
    const { content } = await extract(sample('gbk.txt'), '帮扶记录.txt');
    expect(content?.title).toBe('红星村2023年第一季度帮扶记录');
    expect(content?.blocks).toEqual([
      { text: '红星村2023年第一季度帮扶记录', location: '第1行' },
      { text: '2023年1月15日 走访张三户', location: '第2行' },
      { text: '２０２３年２月３日 落实公益岗位', location: '第3行' },
    ]);
    expect(content?.dates.filter((d) => d.precision === 'day')).toEqual([
      { date: '2023-01-15', precision: 'day', location: '第2行', text: '2023年1月15日' },
      { date: '2023-02-03', precision: 'day', location: '第3行', text: '２０２３年２月３日' },
    ]);
  });

  it('reads a UTF-8 CSV as lines and as a sheet, quoted commas kept', async () => {
    const { content } = await extract(sample('utf8.csv'), '走访名单.csv');
    expect(content?.tables).toEqual([
      {
        name: '走访名单',
        kind: 'sheet',
        location: '走访名单',
        rows: [
          ['姓名', '走访日期', '备注'],
          ['张三', '2023/3/5', '入户核实,收入稳定'],
          ['李四', '2023-03-06', ''],
        ],
      },
    ]);
    expect(content?.dates.map((d) => [d.date, d.location])).toEqual([
      ['2023-03-05', '第2行'],
      ['2023-03-06', '第3行'],
    ]);
  });

  it('reads a GBK CSV too', async () => {
    const { content } = await extract(iconv.encode('户主,村\r\n王五,红星村\r\n', 'gbk'), '名单.csv');
    expect(content?.tables[0].rows[1]).toEqual(['王五', '红星村']);
  });
});
