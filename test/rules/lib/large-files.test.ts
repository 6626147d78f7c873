// Rule helpers on files the size real archives have: a sheet with hundreds of thousands of cells and a
// work log of thousands of pages. Both used to be quadratic (the scan never left 逐项检查); these inputs would
// run for many minutes against the old code, past the test timeout, and finish in a moment now.
import { describe, expect, it } from 'vitest';
import type { ArchiveFile, DateMention, TextBlock } from '../../../rules/api.js';
import { latestDocumentDate } from '../../../rules/lib/document-dates.js';
import { textPiecesOf } from '../../../rules/lib/file-texts.js';

function file(content: Partial<NonNullable<ArchiveFile['content']>>): ArchiveFile {
  return {
    path: '红星村/台账.xlsx',
    name: '台账.xlsx',
    ext: 'xlsx',
    size: 1,
    village: '红星村',
    householdKey: null,
    unreadable: null,
    matches: [],
    content: { format: 'xlsx', title: null, blocks: [], tables: [], dates: [], ...content },
  };
}

describe('textPiecesOf on a large sheet', () => {
  const rows = 100_000;
  const grid = Array.from({ length: rows }, (_, r) => [`户主${r}`, `${r % 90}岁`, r % 7 === 0 ? '贫困户' : '脱贫户']);

  it('reads each cell once when the adapter also gave the cells as blocks', () => {
    const blocks: TextBlock[] = grid.flatMap((row, r) => row.map((text, c) => ({ text, location: `Sheet1!${'ABC'[c]}${r + 1}` })));
    const pieces = textPiecesOf(file({ blocks, tables: [{ name: 'Sheet1', kind: 'sheet', rows: grid, location: 'Sheet1' }] }));
    expect(pieces).toHaveLength(blocks.length);
  });

  it('reads a sheet given as one block per row (as a sheet past a million cells is) as those rows, no cell twice', () => {
    const blocks: TextBlock[] = grid.map((row, r) => ({ text: row.join('\t'), location: `Sheet1!A${r + 1}` }));
    const pieces = textPiecesOf(file({ blocks, tables: [{ name: 'Sheet1', kind: 'sheet', rows: grid, location: 'Sheet1' }] }));
    expect(pieces).toHaveLength(rows);
    expect(pieces[7]).toEqual({ text: '户主7\t7岁\t贫困户', location: 'Sheet1!A8' });
  });

  it('reads every cell of a sheet that came without blocks, repeated values once', () => {
    const pieces = textPiecesOf(file({ tables: [{ name: 'Sheet1', kind: 'sheet', rows: grid, location: 'Sheet1' }] }));
    // Column C repeats 脱贫户 down the rows (counted once per run, like a merged cell); A and B always differ.
    const runsInC = grid.filter((row, r) => r === 0 || grid[r - 1][2] !== row[2]).length;
    expect(pieces).toHaveLength(rows * 2 + runsInC);
    expect(pieces[0]).toEqual({ text: '户主0', location: 'Sheet1!A1' });
  });

  it('still finds a small table cell inside a paragraph that carries it', () => {
    const pieces = textPiecesOf(
      file({
        blocks: [{ text: '户主：张三，人口 4 人', location: '第1段' }],
        tables: [{ name: '表格1', kind: 'table', rows: [['张三', '李四']], location: '表格1' }],
      }),
    );
    expect(pieces.map((p) => p.text)).toEqual(['户主：张三，人口 4 人', '李四']);
  });
});

describe('latestDocumentDate on a long dated document', () => {
  it('takes the latest entry of a 3,000-page work log and leaves birth dates out', () => {
    const blocks: TextBlock[] = [];
    const dates: DateMention[] = [];
    for (let page = 1; page <= 3000; page++) {
      const day = new Date(Date.UTC(2015, 0, page)).toISOString().slice(0, 10);
      // Fifty dated lines a page, as a dense work log has: 150,000 dates in 150,000 blocks.
      for (let line = 1; line <= 50; line++) {
        const text = `${day} 第${line}条 入户走访，了解家庭收入情况`;
        blocks.push({ text, location: `page ${page}`, page });
        dates.push({ date: day, precision: 'day', location: `page ${page}`, text: day });
      }
    }
    blocks.push({ text: '出生日期：2030-01-01', location: 'page 3000', page: 3000 });
    dates.push({ date: '2030-01-01', precision: 'day', location: 'page 3000', text: '2030-01-01' });
    expect(latestDocumentDate(file({ format: 'pdf', blocks, dates }))).toBe('2023-03-19');
  });

  it('leaves out a column of birth dates in a sheet of 100,000 rows', () => {
    const rows = [['姓名', '出生日期', '登记日期']];
    const dates: DateMention[] = [];
    for (let r = 1; r <= 100_000; r++) {
      rows.push([`成员${r}`, '1999-05-01', '2023-06-01']);
      dates.push({ date: '1999-05-01', precision: 'day', location: `Sheet1!B${r + 1}`, text: '1999-05-01' });
    }
    dates.push({ date: '2023-06-01', precision: 'day', location: 'Sheet1!C2', text: '2023-06-01' });
    dates.push({ date: '2031-01-01', precision: 'day', location: 'Sheet1!B3', text: '2031-01-01' });
    const sheet = { name: 'Sheet1', kind: 'sheet' as const, rows, location: 'Sheet1' };
    expect(latestDocumentDate(file({ tables: [sheet], dates }))).toBe('2023-06-01');
  });
});

describe('rule helpers on a sheet whose rows are read as blocks (rowBlocksAt)', () => {
  it('reads each row once as one piece, as from stored row blocks', () => {
    const rows = Array.from({ length: 50_000 }, (_, r) => [`户主${r}`, `${r % 90}岁`, r % 7 === 0 ? '贫困户' : '脱贫户']);
    const pieces = textPiecesOf(file({ tables: [{ name: 'Sheet1', kind: 'sheet', rows, location: 'Sheet1', rowBlocksAt: 0 }] }));
    expect(pieces).toHaveLength(rows.length);
    expect(pieces[7]).toMatchObject({ text: '户主7\t7岁\t贫困户', location: 'Sheet1!A8' });
    // A word found in the row is placed in its cell: 贫困户 starts at offset 7, in column C.
    expect([0, 3, 4, 7, 9].map((offset) => pieces[7].cellAt!(offset))).toEqual(['Sheet1!A8', 'Sheet1!A8', 'Sheet1!B8', 'Sheet1!C8', 'Sheet1!C8']);
  });

  it('finds the latest date in the rows and leaves out the birth dates, in whichever column they stand', () => {
    const rows = [['序号', '姓名', '出生日期', '登记日期']];
    for (let r = 1; r <= 50_000; r++) rows.push([String(r), `成员${r}`, r === 9 ? '2031-01-01' : '1999-05-01', '2023-06-01']);
    rows[4][3] = '2023-08-15';
    const sheet = { name: 'Sheet1', kind: 'sheet' as const, rows, location: 'Sheet1', rowBlocksAt: 0 };
    // No dates are stored: they are read from the rows. 2031 is a birth date (column C is headed 出生日期).
    expect(latestDocumentDate(file({ tables: [sheet] }))).toBe('2023-08-15');
  });
});
