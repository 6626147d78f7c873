// The large-heap worker's reply: an outcome packed into one buffer and unpacked on the main thread must be the
// outcome, cell for cell, holes of ragged rows included.
import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { packOutcome, unpackOutcome } from '../../../main/engine/extract/pack-outcome.js';
import type { ExtractOutcome } from '../../../main/engine/types.js';

describe('packOutcome / unpackOutcome', () => {
  it('gives back the outcome a big sheet made, with far fewer bytes than its cells', () => {
    const rows = Array.from({ length: 50_000 }, (_, r) => [String(r), `户主${r % 500}`, r % 2 ? '是' : '否', '红星村', r % 7 ? '' : '已消除']);
    const outcome: ExtractOutcome = {
      content: {
        format: 'xlsx',
        title: '监测对象信息',
        blocks: [{ text: '监测对象信息', location: 'Sheet1!A1' }],
        tables: [
          { name: 'Sheet1', kind: 'sheet', rows, location: 'Sheet1' },
          { name: '表格1', kind: 'table', rows: [['a', 'b'], [], ['c']], location: '表格1', page: 2 },
        ],
        dates: [{ date: '2024-01-01', precision: 'day', location: 'Sheet1!A1', text: '2024年1月1日' }],
        truncated: { rowsRead: 50_000 },
      },
      unreadable: null,
    };
    const packed = packOutcome(outcome);
    expect(unpackOutcome(packed)).toEqual(outcome);
    // Against the outcome serialized as it is (what postMessage would copy): each repeated text once.
    expect(packed.length).toBeLessThan(serialize(outcome).length);
  });

  it('keeps a ragged row ragged', () => {
    const row: string[] = [];
    row[0] = '甲';
    row[3] = '丁';
    const outcome: ExtractOutcome = { content: { format: 'docx', title: null, blocks: [], tables: [{ name: '表格1', kind: 'table', rows: [row], location: '表格1' }], dates: [] }, unreadable: null };
    const back = unpackOutcome(packOutcome(outcome)).content!.tables[0]!.rows[0]!;
    expect(back.length).toBe(4);
    expect(1 in back).toBe(false);
    expect(back[3]).toBe('丁');
  });

  it('passes an unreadable outcome through', () => {
    const outcome: ExtractOutcome = { content: null, unreadable: { reason: 'corrupt', message: '文件已损坏' } };
    expect(unpackOutcome(packOutcome(outcome))).toEqual(outcome);
  });
});

describe('packOutcome on a table of mostly distinct texts', () => {
  it('sends it as it is and still gives it back whole', () => {
    const rows = Array.from({ length: 60_000 }, (_, r) => [String(r), `户主${r}`, `第${r}户 入户核实`]);
    const outcome: ExtractOutcome = { content: { format: 'xlsx', title: null, blocks: [], tables: [{ name: '花名册', kind: 'sheet', rows, location: '花名册' }], dates: [] }, unreadable: null };
    const packed = packOutcome(outcome);
    expect(unpackOutcome(packed)).toEqual(outcome);
    // Kept as it is: no pool and no index per cell on top of the texts.
    expect(packed.length).toBeLessThan(serialize(outcome).length * 1.05);
  });
});
