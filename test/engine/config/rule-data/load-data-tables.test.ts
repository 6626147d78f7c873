import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataTableError, loadDataTables } from '../../../../main/engine/config/rule-data/load-data-tables.js';
import { RuleDataError } from '../../../../main/engine/config/rule-data/rule-data-error.js';

function override(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'data-tables-'));
  const path = join(dir, '县里覆盖.yaml');
  writeFileSync(path, text);
  return path;
}

describe('loadDataTables', () => {
  it('loads the shipped lines, thresholds and synonyms', () => {
    const tables = loadDataTables();
    expect(tables.monitoringLines.map((l) => [l.year, l.line])).toEqual([
      [2021, 6000],
      [2022, 6500],
      [2023, 7200],
      [2024, 7800],
    ]);
    expect(tables.monitoringLines[1].note).toContain('占位');
    expect(tables.thresholds).toEqual({
      nearThresholdMargin: 0.1,
      minMonthsBeforeElimination: 6,
      templateSimilarity: 0.9,
      publicNoticeMinDays: 5,
      ledgerMaxAgeMonths: 6,
      incomeTolerance: 1,
    });
    expect(tables.incomeSynonyms['转移性收入']).toContain('政策性收入');
    expect(tables.incomeParts['生产经营性收入']).toEqual(expect.arrayContaining(['种植收入', '养殖收入']));
    expect(tables.systemColumns['村']).toContain('行政村');
    expect(tables.systemColumns['村']).not.toContain('自然村');
  });

  it('merges a county override over the defaults', () => {
    const path = override(`monitoringLines:\n  2025: 8100\n  2024: 7900\nthresholds:\n  publicNoticeMinDays: 7\nincomeSynonyms:\n  转移性收入: [惠农补贴收入]\nsystemColumns:\n  村: [村委会]\n`);
    const tables = loadDataTables({ overridePaths: [path] });
    expect(tables.monitoringLines.slice(-2).map((l) => [l.year, l.line])).toEqual([
      [2024, 7900],
      [2025, 8100],
    ]);
    expect(tables.thresholds.publicNoticeMinDays).toBe(7);
    expect(tables.thresholds.nearThresholdMargin).toBe(0.1);
    expect(tables.incomeSynonyms['转移性收入']).toEqual(expect.arrayContaining(['政策性收入', '惠农补贴收入']));
    expect(tables.systemColumns['村']).toEqual(expect.arrayContaining(['行政村', '村委会']));
  });

  it('refuses bad data with a Chinese message naming the file and the entry', () => {
    const cases: Array<[string, RegExp]> = [
      ['monitoringLines:\n  2025: 八千\n', /县里覆盖\.yaml.*2025 年的监测标准“八千”/],
      ['thresholds:\n  nearThresholdMargn: 0.2\n', /县里覆盖\.yaml.*“nearThresholdMargn”不是程序认识的阈值名称/],
      ['thresholds:\n  nearThresholdMargin: 10\n', /“nearThresholdMargin”是比例/],
      ['systemColumns:\n  村庄: [村庄名称]\n', /“村庄”不是程序认识的规范列名/],
      ["incomeSynonyms:\n  财产性收入: [务工收入]\n", /县里覆盖\.yaml.*“务工收入”同时写在“财产性收入”和“工资性收入”的明细下/],
      ['thresholds: [\n', /不是有效的 YAML/],
    ];
    for (const [text, message] of cases) {
      const path = override(text);
      let error: unknown;
      try {
        loadDataTables({ overridePaths: [path] });
      } catch (e) {
        error = e;
      }
      expect(error, text).toBeInstanceOf(DataTableError);
      expect(error).toBeInstanceOf(RuleDataError);
      expect((error as Error).message, text).toMatch(message);
    }
  });
});
