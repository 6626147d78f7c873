// The rule stage's budget, through the engine: an item a rule spends too long on is cut out of its results and
// reported as rule-timeout; the rule and the scan go on.
import { describe, expect, it } from 'vitest';
import type { ArchiveFile, Rule } from '../../rules/api.js';
import { ruleTimeout } from '../../rules/rule-timeout.js';
import { runRules } from '../../main/engine/evaluate/run-rules.js';
import { makeModel, runRule } from './helpers/make-model.js';

function busyWait(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

/** Reports every file; spends 80 ms on the one named 慢.txt. */
const slowOnOne: Rule = {
  meta: { id: 'slow-on-one', name: '测试', severity: 'info', description: '测试用', messages: { seen: '看过 {name}' } },
  check(model, ctx) {
    ctx.each(
      model.files,
      (file: ArchiveFile) => ({ village: file.village, household: null, path: file.path }),
      (file) => {
        if (file.name === '慢.txt') busyWait(80);
        ctx.report({ messageId: 'seen', data: { name: file.name }, village: file.village, household: null, path: file.path, details: {}, keyParts: [file.path] });
      },
    );
  },
};

const model = makeModel({
  villages: [{ name: '红星村', files: ['快1.txt', '慢.txt', '快2.txt'].map((name) => ({ path: `红星村/台账/${name}`, text: ['记录'] })) }],
});

describe('rule-timeout', () => {
  it('valid: nothing when every item is within the budget', () => {
    const { findings } = runRules([slowOnOne, ruleTimeout], model, {}, { itemMs: 5_000 });
    expect(findings.map((f) => f.key)).toEqual([
      'slow-on-one|红星村||红星村/台账/快1.txt',
      'slow-on-one|红星村||红星村/台账/慢.txt',
      'slow-on-one|红星村||红星村/台账/快2.txt',
    ]);
    expect(runRule(ruleTimeout, model)).toEqual([]);
  });

  it('invalid: the slow item is cut out and named, the items after it are still checked', () => {
    const { findings } = runRules([ruleTimeout, slowOnOne], model, {}, { itemMs: 40 });
    expect(findings.map((f) => f.key)).toEqual([
      'slow-on-one|红星村||红星村/台账/快1.txt',
      'slow-on-one|红星村||红星村/台账/快2.txt',
      'rule-timeout|红星村||slow-on-one|红星村/台账/慢.txt',
    ]);
    const timeout = findings.at(-1)!;
    expect(timeout.path).toBe('红星村/台账/慢.txt');
    expect(timeout.severity).toBe('warning');
    expect(timeout.message).toMatch(/^“测试”检查在此处用时 0\.\d 秒，超过时限被中止，这项检查在此处的结果不完整/);
  });
});
