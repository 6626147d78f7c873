// The extraction cache writes a large outcome a piece at a time: the line must be exactly what JSON.stringify gives,
// and a warm scan must read it back as it was.
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { jsonPieces, writeJsonLine } from '../../../main/engine/extract/extraction-cache.js';

let dir: string | null = null;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

function written(value: unknown): { text: string; bytes: number } {
  dir = mkdtempSync(join(tmpdir(), 'json-line-'));
  const file = join(dir, 'pack.jsonl');
  const fd = openSync(file, 'w');
  const bytes = writeJsonLine(fd, value);
  closeSync(fd);
  return { text: readFileSync(file, 'utf8'), bytes };
}

describe('writeJsonLine', () => {
  it('writes a large outcome as JSON.stringify does, in pieces, with its byte length', () => {
    const rows = Array.from({ length: 20_000 }, (_, r) => [`户主${r}`, r % 3 === 0 ? '' : `第${r}户“入户”\n核实`, String(r)]);
    const outcome = {
      k: 'abc:xlsx:3',
      o: {
        content: {
          format: 'xlsx',
          title: '花名册',
          blocks: rows.map((row, r) => ({ text: row.join('\t'), location: `花名册!A${r + 1}`, page: undefined })),
          tables: [{ name: '花名册', kind: 'sheet', rows, location: '花名册' }],
          dates: [],
          scanPages: [1, undefined, 3],
          isScan: undefined,
        },
        unreadable: null,
      },
    };
    const { text, bytes } = written(outcome);
    expect(text).toBe(`${JSON.stringify(outcome)}\n`);
    expect(bytes).toBe(Buffer.byteLength(text));
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(outcome)));
  });

  it('writes small values and empty arrays the same way', () => {
    // eslint-disable-next-line no-sparse-arrays
    const holey = [, { a: 1 }, undefined, () => 1, { b: undefined }];
    for (const value of [null, 0, '文字', [], {}, { a: [], b: { c: null } }, Array.from({ length: 4097 }, (_, i) => i), holey]) {
      expect(written(value).text).toBe(`${JSON.stringify(value)}\n`);
      rmSync(dir!, { recursive: true, force: true });
    }
  });

  it('never makes a piece of a whole table: the rows inside a workbook\'s tables are written a slice at a time', () => {
    const rows = Array.from({ length: 100_000 }, (_, r) => [String(r), `户主${r}`, '脱贫户', '2023-05-01', `第${r}户 入户核实`]);
    const outcome = { k: 'abc:xlsx:4', o: { content: { format: 'xlsx', tables: [{ name: '花名册', kind: 'sheet', rows, location: '花名册' }] } } };
    const pieces = [...jsonPieces(outcome)];
    expect(pieces.join('')).toBe(JSON.stringify(outcome));
    // The whole table is ~4 million characters; no piece may hold more than a slice of its rows.
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(20_000);
  });
});
