import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { extractXlsx } from '../../../main/engine/extract/xlsx-adapter.js';
import { extract, sample } from './fixture.js';

describe('xlsx adapter', () => {
  it('reads every sheet with the merged title repeated, formula results and Sheet!B7 locations', async () => {
    const { content, unreadable } = await extract(sample('sample.xlsx'), '收入测算表.xlsx');
    expect(unreadable).toBeNull();
    expect(content?.title).toBe('2023年度家庭收入测算表');
    expect(content?.tables.map((t) => [t.name, t.kind])).toEqual([['收入测算', 'sheet'], ['成员', 'sheet']]);
    const income = content!.tables[0].rows;
    expect(income[0]).toEqual(Array(4).fill('2023年度家庭收入测算表'));
    expect(income[2]).toEqual(['工资性收入', '12000', '务工', '2023-03-05']);
    expect(income[5][1]).toBe('17900.5');
    // A8:A9 is merged: the value stands in both rows of the table, but only once as a block.
    expect(income[8][0]).toBe('核实说明');
    expect(content?.blocks.filter((b) => b.text === '核实说明')).toEqual([{ text: '核实说明', location: '收入测算!A8' }]);
    expect(content?.blocks).toContainEqual({ text: '5966.83', location: '收入测算!B7' });
    expect(content?.blocks).toContainEqual({ text: '6217000012345680000', location: '收入测算!C9' });
    expect(content?.blocks).toContainEqual({ text: '张小明', location: '成员!A3' });
    expect(content?.dates).toContainEqual({ date: '2023-03-05', precision: 'day', location: '收入测算!D3', text: '2023-03-05' });
  });

  it('reads the same values with the streaming reader used for large files', async () => {
    const content = await extractXlsx(sample('sample.xlsx'), 'xlsx', true);
    expect(content.title).toBe('2023年度家庭收入测算表');
    expect(content.blocks).toContainEqual({ text: '5966.83', location: '收入测算!B7' });
    expect(content.tables[0].rows[2]).toEqual(['工资性收入', '12000', '务工', '2023-03-05']);
  });

  it('stops a streamed workbook at its cell limit and says how many rows it read', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('花名册');
    sheet.addRow(['序号', '户主姓名', '户类型']);
    for (let r = 1; r <= 400; r++) sheet.addRow([r, `户主${r}`, r === 350 ? '贫困户' : '脱贫户']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    // 3 cells a row: the limit of 300 cells is reached on row 100.
    const cut = await extractXlsx(bytes, 'xlsx', true, 300);
    expect(cut.truncated).toEqual({ rowsRead: 100 });
    expect(cut.tables[0].rows.length).toBe(100);
    expect(cut.blocks.some((b) => b.text === '贫困户')).toBe(false);
    const whole = await extractXlsx(bytes, 'xlsx', true);
    expect(whole.truncated).toBeUndefined();
    expect(whole.tables[0].rows.length).toBe(401);
    expect(whole.blocks).toContainEqual({ text: '贫困户', location: '花名册!C351' });
  });

  it('reads an .xlsx name holding an OLE (.xls) workbook with the xls reader', async () => {
    const { content } = await extract(sample('sample.xls'), '其实是xls.xlsx');
    expect(content?.format).toBe('xls');
    expect(content?.title).toBe('红星村2023年度帮扶日志');
  });

  it('reports a damaged workbook as corrupt', async () => {
    const bytes = sample('sample.xlsx');
    const outcome = await extract(Buffer.concat([bytes.subarray(0, 200), Buffer.alloc(300)]), '坏表.xlsx');
    expect(outcome.unreadable).toEqual({ reason: 'corrupt', message: '文件已损坏，无法打开（不是有效的 Excel 表格）' });
    expect((await extract(Buffer.from('not a workbook at all'), '假表.xlsx')).unreadable?.reason).toBe('corrupt');
  });
});
