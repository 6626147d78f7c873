import { describe, expect, it } from 'vitest';
import { extract, sample } from './fixture.js';

describe('xls adapter', () => {
  for (const name of ['sample.xls', 'sample.et']) {
    it(`reads a BIFF8 workbook named ${name}`, async () => {
      const { content, unreadable } = await extract(sample(name), name);
      expect(unreadable).toBeNull();
      expect(content?.format).toBe('xls');
      expect(content?.title).toBe('红星村2023年度帮扶日志');
      expect(content?.tables[0].rows).toEqual([
        ['红星村2023年度帮扶日志', '红星村2023年度帮扶日志', '红星村2023年度帮扶日志'],
        ['日期', '帮扶人', '内容'],
        ['2023-06-01', '王五', '入户走访，了解务工情况'],
        ['2023-07-01', '王五', '落实公益岗位'],
        ['', '合计', '2'],
      ]);
      expect(content?.blocks).toContainEqual({ text: '落实公益岗位', location: '帮扶日志!C4' });
      expect(content?.dates).toContainEqual({ date: '2023-07-01', precision: 'day', location: '帮扶日志!A4', text: '2023-07-01' });
    });
  }

  it('reads an .et holding OOXML bytes with the xlsx reader', async () => {
    const { content } = await extract(sample('sample.xlsx'), 'WPS表格.et');
    expect(content?.format).toBe('xlsx');
    expect(content?.title).toBe('2023年度家庭收入测算表');
  });

  it('reads an HTML table exported under an .xls name', async () => {
    const html = '<html><body><table><tr><td>姓名</td><td>识别时间</td></tr><tr><td>张三</td><td>202303</td></tr></table></body></html>';
    const { content } = await extract(Buffer.from(html), '监测对象.xls');
    expect(content?.tables[0].rows).toEqual([
      ['姓名', '识别时间'],
      ['张三', '202303'],
    ]);
  });

  it('reports a damaged OLE workbook as corrupt', async () => {
    const bytes = sample('sample.xls');
    const outcome = await extract(Buffer.concat([bytes.subarray(0, 512), Buffer.alloc(1024, 0xee)]), '坏表.xls');
    expect(outcome.unreadable).toEqual({ reason: 'corrupt', message: '文件已损坏，无法打开（不是有效的 Excel 表格）' });
  });
});
