// Every export check on its own, against the fixture's hand-written plants (fixtures/export/plants/): the
// households planting it give exactly the findings the plant names for it, its look-alikes (the catalogue's
// exemptions) and the clean base households give none, each message is filled in, and without a column it
// needs the check says so in one notice and reports nothing.
import { describe, expect, it } from 'vitest';
import { AS_OF, baseHousehold } from '../../../fixtures/export/base-household.js';
import { buildExportFixture } from '../../../fixtures/export/make-export.js';
import type { Plant } from '../../../fixtures/export/plant.js';
import { exportChecks } from '../../../rules/export/index.js';
import type { Rule } from '../../../rules/api.js';
import { runCheck, type ExportSpec } from './helpers.js';
import { loadRuleData } from '../../../main/engine/config/rule-data/load-rule-data.js';

// The code's checks and those written as data (rules/data/export-person-checks.yaml), alike.
const allChecks = [...exportChecks, ...(await loadRuleData()).extraRules];

const fixture = buildExportFixture();
const county = { ruralDibaoStandard: { 2024: 5400 }, medicalBurden: { share: 0.3 } };
const clean = [baseHousehold({ n: 901, village: '和平村', kind: 'tuopin' }), baseHousehold({ n: 902, village: '和平村', kind: 'monitored' }), baseHousehold({ n: 903, village: '和平村', kind: 'eliminated' })];
// Clean households ride along so the export has every column, a 务工 workbook included, whatever the plants hold.
const spec = (plants: Plant[]): ExportSpec => ({
  roster: [...clean.flatMap((h) => h.rows), ...plants.flatMap((p) => p.household.rows)],
  work: [...clean.flatMap((h) => h.work), ...plants.flatMap((p) => p.household.work)],
  asOf: AS_OF,
  exportChecks: county,
});
const labels = (p: Plant): string[] => [p.plants].flat();
const reportedAs = (rule: Rule): string => rule.meta.reportsAs ?? rule.meta.id;

/** The plant's expected keys for this check (6.1/6.4 report as elimination-doubt, told apart by reason). */
function expectedKeys(rule: Rule, plants: Plant[]): string[] {
  const mine = new Set(fixture.expected.filter((e) => e.rule === reportedAs(rule)).map((e) => e.key));
  const planted = fixture.expected.filter((e) => mine.has(e.key) && plants.some((p) => labels(p).join('、') === e.plants));
  if (!rule.meta.reportsAs) return planted.map((e) => e.key).sort();
  const reasons: Record<string, string[]> = { 'export/elim-guarantee-gap': ['housing-unsafe', 'water-unsafe', 'uninsured', 'dropout'], 'export/elim-no-labour': ['no-labour'] };
  return planted.filter((e) => reasons[rule.meta.id].includes(e.key.split('|')[3])).map((e) => e.key).sort();
}

/** The roster and 务工 rows without `column` (or, for the birth date, with IDs masked and no 出生日期). */
function without(column: string, s: ExportSpec): ExportSpec {
  const strip = (rows: ExportSpec['roster']) =>
    rows.map((row) => {
      const copy = { ...row };
      if (column === '出生日期|证件号码') {
        delete copy.出生日期;
        if (copy.证件号码) copy.证件号码 = `${String(copy.证件号码).slice(0, 6)}********${String(copy.证件号码).slice(14)}`;
      } else {
        // Numbered headers (致贫/返贫风险1, 2) go with their canonical name.
        const canonical = (k: string): string => k.replace(/[/\d]/g, '');
        for (const name of column.split('|')) for (const k of Object.keys(copy)) if (k === name || k === aliases[name] || canonical(k) === name) delete copy[k];
      }
      return copy;
    });
  return { ...s, roster: strip(s.roster), work: s.work && strip(s.work) };
}

// Header texts of the fixture for canonical names it writes otherwise.
const aliases: Record<string, string> = { 村: '行政村', 乡: '乡镇', 家庭人口: '家庭人口数', 是否失学辍学: '是否义务教育阶段适龄儿童少年失学辍学', 是否有成员未参加医保: '是否有家庭成员未参加基本医疗保险', 公益性岗位月数: '公益性岗位(月数)' };


for (const rule of allChecks) {
  const id = rule.meta.id;
  describe(id, () => {
    const invalid = fixture.plants.filter((p) => labels(p).includes(id));
    const lookAlikes = fixture.plants.filter((p) => labels(p).includes(`look-alike:${id}`));

    it('invalid: each planted household gives exactly its planted findings, messages filled in', () => {
      expect(invalid.length).toBeGreaterThan(0);
      const { findings, notices } = runCheck(rule, spec(invalid));
      expect(notices.filter((n) => n.includes('运行出错'))).toEqual([]);
      expect(findings.map((f) => f.key).sort()).toEqual(expectedKeys(rule, invalid));
      for (const f of findings) {
        expect(f.message).not.toMatch(/\{[\p{L}\p{N}_]+\}/u);
        expect(f.severity).toMatch(/error|warning|info/);
        expect(f.exportCategory).toBe(rule.meta.export!.category);
        if (f.household !== null) expect(f.details.location).toMatch(/^[^!]+![A-Z]+\d+$/);
      }
    });

    it('valid: clean households and the look-alikes of its exemptions give none', () => {
      const { findings } = runCheck(rule, spec(lookAlikes));
      expect(findings.filter((f) => f.rule === reportedAs(rule)).map((f) => f.key)).toEqual([]);
    });

    it('missing column: one notice naming it, no finding', () => {
      const column = rule.meta.export!.columns[0];
      const { findings, notices } = runCheck(rule, without(column, spec(invalid)));
      expect(findings.filter((f) => f.rule === reportedAs(rule))).toEqual([]);
      const label = column === '出生日期|证件号码' ? '出生日期（或未打码的证件号码）' : column.split('|').join('”或“');
      expect(notices.filter((n) => n.includes(id))).toEqual([expect.stringMatching(new RegExp(`^本次导出缺少.*“${label.replace(/[()（）|]/g, '.')}”.*列，以下检查未执行：${id}（${rule.meta.name}）$`))]);
    });
  });
}
