import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { extractXlsx } from '../../../main/engine/extract/xlsx-adapter.js';
import { extractDocx } from '../../../main/engine/extract/docx-adapter.js';
import { readLedgerEntries } from '../../../main/engine/read-tables/ledger-entries.js';

async function xlsx(rows: Array<Array<string | number | Date>>, merges: string[] = []): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('监测台账');
  for (const row of rows) ws.addRow(row);
  for (const range of merges) ws.mergeCells(range);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function docx(paragraphs: string[], table?: string[][]): Promise<Buffer> {
  const children: Array<Paragraph | Table> = paragraphs.map((text) => new Paragraph(text));
  if (table) {
    children.push(
      new Table({ rows: table.map((cells) => new TableRow({ children: cells.map((text) => new TableCell({ children: [new Paragraph(text)] })) })) }),
    );
  }
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

describe('readLedgerEntries', () => {
  it('reads the date column of a ledger sheet, not the title, birth dates or the print date', async () => {
    const bytes = await xlsx(
      [
        ['2023年红星村防返贫监测对象台账', '', '', '', ''],
        ['序号', '户主姓名', '出生日期', '识别时间', '消除时间'],
        [1, '张三', '1965-03-02', '202301', ''],
        [2, '李四', '1970-05-06', new Date(Date.UTC(2023, 2, 15)), '2023年8月20日'],
        ['打印日期：2023年9月28日', '', '', '', ''],
      ],
      ['A1:E1'],
    );
    const entries = readLedgerEntries(await extractXlsx(bytes, 'xlsx'));
    expect(entries).toEqual([
      { date: '2023-01-01', location: '监测台账!D3' },
      { date: '2023-08-20', location: '监测台账!E4' },
    ]);
  });

  it('reads written dates in cells when the sheet has no date column', async () => {
    const bytes = await xlsx([
      ['红星村驻村工作记录'],
      ['2023/3/5', '入户走访张三户，收入12000元'],
      ['2023/6/18', '召开村两委会议'],
      ['备注', '45000'],
    ]);
    expect(readLedgerEntries(await extractXlsx(bytes, 'xlsx')).map((e) => e.date)).toEqual(['2023-03-05', '2023-06-18']);
  });

  it('reads the dated paragraphs of a work log, carrying the year to `3月8日` entries', async () => {
    const bytes = await docx([
      '2023年驻村工作队工作日志',
      '2023年3月5日 入户走访张三户，了解收入情况。',
      '3月8日 组织召开村民代表会议。',
      '日期：2023.4.2 开展政策宣讲。',
      '本年度共走访农户56户。',
      '制表日期：2023年9月1日',
    ]);
    const content = await extractDocx(bytes, 'docx');
    expect(readLedgerEntries(content)).toEqual([
      { date: '2023-03-05', location: '第2段' },
      { date: '2023-03-08', location: '第3段' },
      { date: '2023-04-02', location: '第4段' },
    ]);
  });

  it('reads a work log kept as a Word table once, from the table', async () => {
    const bytes = await docx(['驻村工作日志'], [
      ['日期', '工作内容'],
      ['2023年5月6日', '走访'],
      ['2023年7月1日', '党日活动'],
    ]);
    const entries = readLedgerEntries(await extractDocx(bytes, 'docx'));
    expect(entries).toEqual([
      { date: '2023-05-06', location: '表格1 第2行第1列' },
      { date: '2023-07-01', location: '表格1 第3行第1列' },
    ]);
  });

  it('finds nothing in a ledger without dated entries, or in a scan', async () => {
    const bytes = await xlsx([['2023年监测对象名单'], ['序号', '户主姓名', '人口'], [1, '张三', 4]]);
    expect(readLedgerEntries(await extractXlsx(bytes, 'xlsx'))).toEqual([]);
    expect(readLedgerEntries({ format: 'image', title: null, blocks: [], tables: [], dates: [], isScan: true })).toEqual([]);
  });
});
