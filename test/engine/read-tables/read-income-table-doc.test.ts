// An income table in an old Word .doc (made by LibreOffice, read by word-extractor): item names as
// villages write them, amounts with thousands separators, the year in the title.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractBytes } from '../../../main/engine/extract/registry.js';
import { loadDataTables } from '../../../main/engine/config/rule-data/load-data-tables.js';
import { readIncomeTables } from '../../../main/engine/read-tables/read-income-tables.js';
import type { ArchiveFile } from '../../../rules/api.js';

const sample = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../fixtures/formats/income-table.doc');

describe('readIncomeTables on a .doc Word table', () => {
  it('reads every item under its canonical name and the year from the title', async () => {
    const bytes = readFileSync(sample);
    const outcome = await extractBytes(bytes, 'income-table.doc');
    expect(outcome.unreadable).toBeNull();
    const file: ArchiveFile = {
      path: '红星村/张三户/收入测算.doc',
      name: '收入测算.doc',
      ext: 'doc',
      size: bytes.length,
      village: '红星村',
      householdKey: '红星村/张三',
      content: outcome.content,
      unreadable: null,
      matches: [{ item: '家庭收入测算表', years: [2023], via: 'filename' }],
    };
    const [table, ...rest] = readIncomeTables(file, loadDataTables());
    expect(rest).toEqual([]);
    expect(table!.year).toBe(2023);
    expect(table!.items).toMatchObject({
      工资性收入: 18000,
      生产经营性收入: 6500,
      财产性收入: 0,
      转移性收入: 3200,
      生产经营性支出: 2000,
      家庭纯收入: 25700,
      家庭人口: 4,
      人均纯收入: 6425,
    });
  });
});
