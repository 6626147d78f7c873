import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { defaultRetiredTermsPath, loadRetiredTerms, parseRetiredTerms } from '../../../../main/engine/config/rule-data/retired-terms.js';
import { RuleDataError } from '../../../../main/engine/config/rule-data/rule-data-error.js';

const entry = (extra: string): string => `
exempt: [光伏扶贫]
terms:
  - term: 贫困户
    patterns: ['[贫貧]困[户戶]']
    suggestion: 脱贫户 / 监测对象
    retiredOn: '2021-01-01'
    severity: error
    specs:
      - { from: 该户为贫困户, to: 该户为脱贫户 }
${extra}`;

describe('parseRetiredTerms', () => {
  it('reads the shipped dictionary', async () => {
    const data = await loadRetiredTerms();
    const poor = data.retiredTerms.find((t) => t.term === '贫困户');
    expect(poor).toMatchObject({ suggestion: '脱贫户 / 监测对象', retiredOn: '2021-01-01', severity: 'error' });
    expect(poor!.patterns.length).toBeGreaterThan(0);
  });

  it('reads a small dictionary with an unquoted date', () => {
    const data = parseRetiredTerms(entry('').replace("'2021-01-01'", '2021-01-01'));
    expect(data).toEqual({
      exemptTerms: ['光伏扶贫'],
      retiredTerms: [
        {
          term: '贫困户',
          patterns: ['[贫貧]困[户戶]'],
          suggestion: '脱贫户 / 监测对象',
          retiredOn: '2021-01-01',
          severity: 'error',
          specs: [{ from: '该户为贫困户', to: '该户为脱贫户' }],
        },
      ],
    });
  });

  it('refuses to load when a spec fails, naming the term and the spec', () => {
    const text = entry('      - { from: 全村贫困户名单, to: 全村监测对象名单 }');
    expect(() => parseRetiredTerms(text, 'county.yaml')).toThrow(RuleDataError);
    expect(() => parseRetiredTerms(text, 'county.yaml')).toThrow(/county\.yaml：停用表述“贫困户”的自测用例不通过：“全村贫困户名单”应得到“全村监测对象名单”，实际得到“全村脱贫户名单”/);
  });

  it('refuses a spec that expects nothing flagged when something is', () => {
    expect(() => parseRetiredTerms(entry('      - { from: 仍为贫困户, to: null }'))).toThrow(/应得到“不标出”/);
  });

  it('refuses a spec whose corrected text would be flagged again', async () => {
    const shipped = await readFile(defaultRetiredTermsPath, 'utf8');
    // A suggestion that contains a retired term would be reported in the corrected text.
    const broken = shipped.replace('suggestion: 帮扶干部', 'suggestion: 扶贫专干');
    expect(() => parseRetiredTerms(broken)).toThrow(/扶贫干部/);
  });

  it('names an invalid pattern, a bad date and a missing suggestion', () => {
    expect(() => parseRetiredTerms(entry('').replace("'[贫貧]困[户戶]'", "'贫困(户'"))).toThrow(/“贫困户”的匹配式 贫困\(户 无效/);
    expect(() => parseRetiredTerms(entry('').replace("'2021-01-01'", "'2021-13-01'"))).toThrow(/（贫困户）：停用日期（retiredOn）应写成 YYYY-MM-DD/);
    expect(() => parseRetiredTerms(entry('').replace('suggestion: 脱贫户 / 监测对象', ''))).toThrow(/缺少建议表述/);
    expect(() => parseRetiredTerms(entry('').replace('severity: error', 'severity: fatal'))).toThrow(/severity 应为/);
  });

  it('refuses a term listed twice and a file without terms', () => {
    const twice = entry('') + entry('').split('terms:\n')[1];
    expect(() => parseRetiredTerms(twice)).toThrow(/“贫困户”出现了两次/);
    expect(() => parseRetiredTerms('exempt: []')).toThrow(/缺少 terms 列表/);
    expect(() => parseRetiredTerms('terms: [')).toThrow(/不是有效的 YAML/);
  });
});
