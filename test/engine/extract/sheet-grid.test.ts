// A sheet's cells as blocks: one per cell as a clerk reads a sheet; past a million cells, rows made when read.
import { describe, expect, it } from 'vitest';
import { gridsToContent, LARGE_SHEET_CELLS, type SheetGrid } from '../../../main/engine/extract/sheet-grid.js';
import { blocksOf, datesOf } from '../../../rules/lib/content-blocks.js';
import type { ExtractedContent } from '../../../rules/api.js';

function ledger(rows: number): SheetGrid {
  const grid: string[][] = [['花名册'], ['序号', '户主', '登记日期', '备注']];
  for (let r = 1; r <= rows; r++) grid.push([String(r), `户主${r}`, r % 2 === 0 ? '2023-05-01' : '', r === 7 ? '贫困户' : '']);
  return { name: '花名册', rows: grid, merges: [] };
}

function content(grids: SheetGrid[]): ExtractedContent {
  return { format: 'xlsx', ...gridsToContent(grids), dates: [] };
}

describe('gridsToContent', () => {
  it('gives a small sheet a block per non-empty cell', () => {
    const c = content([ledger(3)]);
    expect(c.blocks.slice(0, 3)).toEqual([
      { text: '花名册', location: '花名册!A1' },
      { text: '序号', location: '花名册!A2' },
      { text: '户主', location: '花名册!B2' },
    ]);
    expect(c.tables[0].rowBlocksAt).toBeUndefined();
    expect(c.title).toBe('花名册');
  });

  it('stores no blocks for a sheet past a million cells: its rows are read as blocks when asked for', () => {
    const rows = Math.ceil(LARGE_SHEET_CELLS / 4);
    const small: SheetGrid = { name: '说明', rows: [['填表说明'], ['2023年6月30日']], merges: [] };
    const c = content([small, ledger(rows)]);
    // The small sheet's two cells are stored; the large sheet's 250,000 rows are not.
    expect(c.blocks).toEqual([
      { text: '填表说明', location: '说明!A1' },
      { text: '2023年6月30日', location: '说明!A2' },
    ]);
    expect(c.tables[1].rowBlocksAt).toBe(2);
    expect(c.title).toBe('填表说明');
    const blocks = [...blocksOf(c)];
    expect(blocks).toHaveLength(2 + 2 + rows);
    expect(blocks[2]).toEqual({ text: '花名册', location: '花名册!A1' });
    expect(blocks[4 + 6]).toEqual({ text: '7\t户主7\t贫困户', location: '花名册!A9' });
    expect(blocks[4 + 7]).toEqual({ text: '8\t户主8\t2023-05-01', location: '花名册!A10' });
    const dates = [...datesOf({ ...c, dates: [{ date: '2023-06-30', precision: 'day', location: '说明!A2', text: '2023年6月30日' }] })];
    expect(dates).toHaveLength(1 + rows / 2);
    expect(dates[1]).toEqual({ date: '2023-05-01', precision: 'day', location: '花名册!A4', text: '2023-05-01' });
  });

  it('keeps row blocks stored for a large sheet with merged cells (a merged value is read once)', () => {
    const grid = ledger(Math.ceil(LARGE_SHEET_CELLS / 4));
    grid.merges = [{ r1: 0, c1: 0, r2: 0, c2: 3 }];
    const c = content([grid]);
    expect(c.tables[0].rowBlocksAt).toBeUndefined();
    expect(c.blocks[0]).toEqual({ text: '花名册', location: '花名册!A1' });
    expect(c.blocks[1]).toEqual({ text: '序号\t户主\t登记日期\t备注', location: '花名册!A2' });
    expect([...blocksOf(c)]).toEqual(c.blocks);
  });
});
