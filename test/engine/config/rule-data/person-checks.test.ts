// Export checks written as data: each typed predicate, the examples run at load, a county adding and removing one.
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRuleData } from '../../../../main/engine/config/rule-data/load-rule-data.js';
import { runRules } from '../../../../main/engine/evaluate/run-rules.js';
import { exportModel, head, member } from '../../../rules/export/helpers.js';
import type { Rule } from '../../../../rules/api.js';

async function county(yaml: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'dossier-person-checks-'));
  const file = path.join(dir, '某县.yaml');
  await writeFile(file, yaml);
  return file;
}

const entry = (when: string, examples: string, extra = '') => `exportPersonChecks:
  add:
    - id: export/county-check
      name: 县里的检查
      severity: info
      category: 证件、年龄、关系、户主
      description: 县里加的检查
      columns: [健康状况, 劳动技能${extra}]
      when: ${when}
      message: '{member}（{age}周岁）健康状况“{健康状况}”，劳动技能“{劳动技能}”。'
      examples:
${examples}
`;

const ok = `        invalid:
          - { 健康状况: 患有大病, 劳动技能: 普通劳动力 }
        valid:
          - { 健康状况: 健康, 劳动技能: 普通劳动力 }`;

describe('export checks written as data', () => {
  it('a county adds a check through --config: it loads, runs its examples and fires on the export', async () => {
    const { extraRules } = await loadRuleData([await county(entry('{ all: [ { health: [serious] }, { labour: [ordinary, skilled] } ] }', ok))]);
    const rule = extraRules.find((r) => r.meta.id === 'export/county-check') as Rule;
    expect(rule.meta.name).toBe('县里的检查');
    const model = exportModel({ roster: [head({ 健康状况: '患有大病' }), member({ 姓名: '张小红', 与户主关系: '配偶', 证件号码: '620422198303031222' })] });
    const { findings } = runRules([rule], model);
    expect(findings.map((f) => [f.key, f.message])).toEqual([['export/county-check|和平村|张三|张三', '张三（46周岁）健康状况“患有大病”，劳动技能“普通劳动力”。']]);
  });

  it('refuses an entry whose own example does not fire, naming the entry and the row', async () => {
    const wrong = `        invalid:
          - { 健康状况: 长期慢性病, 劳动技能: 普通劳动力 }
        valid:
          - { 健康状况: 健康, 劳动技能: 普通劳动力 }`;
    await expect(loadRuleData([await county(entry('{ health: [serious] }', wrong))])).rejects.toThrow(
      /export\/county-check（县里的检查）没有通过自带的示例：应报的第 1 行 .*长期慢性病.* 没有报出/,
    );
  });

  it('refuses an unknown predicate value with the allowed ones', async () => {
    await expect(loadRuleData([await county(entry('{ labour: [strong] }', ok))])).rejects.toThrow(/labour 只能列出：skilled、ordinary、weak、lost、none/);
  });

  it('a county removes a shipped one, and may switch one off by id', async () => {
    const removed = await loadRuleData([await county('exportPersonChecks:\n  remove: [export/assist-dibao-and-tekun]\n')]);
    expect(removed.extraRules.map((r) => r.meta.id)).not.toContain('export/assist-dibao-and-tekun');
    const off = await loadRuleData([await county('rules:\n  export/medical-dual-enrolment: off\n')]);
    expect(off.disabledRules).toEqual(['export/medical-dual-enrolment']);
  });

  it('evaluates not, any and age; a blank or unknown value never fires', async () => {
    const when = '{ all: [ { age: { min: 60 } }, { not: { labour: [none] } }, { any: [ { column: 是否参加大病保险, is: "no" }, { column: 民族, in: [未知] } ] } ] }';
    const examples = `        invalid:
          - { 出生日期: '19500101', 健康状况: 健康, 劳动技能: 普通劳动力, 是否参加大病保险: 否 }
        valid:
          - { 出生日期: '19500101', 健康状况: 健康, 劳动技能: 无劳动力, 是否参加大病保险: 否 }
          - { 出生日期: '19800101', 健康状况: 健康, 劳动技能: 普通劳动力, 是否参加大病保险: 否 }
          - { 出生日期: '19500101', 健康状况: 健康, 劳动技能: 普通劳动力, 是否参加大病保险: '' }
          - { 出生日期: '19500101', 健康状况: 健康, 劳动技能: 普通劳动力, 是否参加大病保险: 不清楚 }`;
    const { extraRules } = await loadRuleData([await county(entry(when, examples, ', 是否参加大病保险, 出生日期|证件号码'))]);
    expect(extraRules.some((r) => r.meta.id === 'export/county-check')).toBe(true);
  });
});
