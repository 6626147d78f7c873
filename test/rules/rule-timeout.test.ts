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

/** Reports every file; spends 400 ms on the one named 慢.txt. */
const slowOnOne: Rule = {
  meta: { id: 'slow-on-one', name: '测试', severity: 'info', description: '测试用', messages: { seen: '看过 {name}' } },
  check(model, ctx) {
    ctx.each(
      model.files,
      (file: ArchiveFile) => ({ village: file.village, household: null, path: file.path }),
      (file) => {
        if (file.name === '慢.txt') busyWait(400);
        ctx.report({ messageId: 'seen', data: { name: file.name }, village: file.village, household: null, path: file.path, details: {}, keyParts: [file.path] });
      },
    );
  },
};

/** Never returns on the file named 死循环.txt: only a watchdog can stop it. */
const stuckOnOne: Rule = {
  meta: { id: 'stuck-on-one', name: '卡住', severity: 'info', description: '测试用', messages: { seen: '看过 {name}' } },
  check(model, ctx) {
    ctx.each(
      model.files,
      (file: ArchiveFile) => ({ village: file.village, household: null, path: file.path }),
      (file) => {
        ctx.report({ messageId: 'seen', data: { name: file.name }, village: file.village, household: null, path: file.path, details: {}, keyParts: [file.path] });
        // eslint-disable-next-line no-empty
        if (file.name === '死循环.txt') for (;;) {}
      },
    );
    ctx.notice('规则在循环之后继续运行');
  },
};

const stuckModel = () =>
  makeModel({
    villages: [{ name: '红星村', files: ['快1.txt', '死循环.txt', '快2.txt'].map((name) => ({ path: `红星村/台账/${name}`, text: ['记录'] })) }],
  });

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
    const { findings } = runRules([ruleTimeout, slowOnOne], model, {}, { itemMs: 150 });
    expect(findings.map((f) => f.key)).toEqual([
      'slow-on-one|红星村||红星村/台账/快1.txt',
      'slow-on-one|红星村||红星村/台账/快2.txt',
      'rule-timeout|红星村||slow-on-one|红星村/台账/慢.txt',
    ]);
    const timeout = findings.at(-1)!;
    expect(timeout.path).toBe('红星村/台账/慢.txt');
    expect(timeout.severity).toBe('warning');
    expect(timeout.message).toMatch(/^“测试”检查在此处用时 0\.[12] 秒，超过时限被中止，这项检查在此处的结果不完整/);
  });

  it('invalid: an item that never returns is stopped at the budget, and the rule and the stage go on', () => {
    const stuck = stuckModel();
    const started = performance.now();
    const { findings, notices } = runRules([stuckOnOne, slowOnOne, ruleTimeout], stuck, {}, { itemMs: 300 });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(findings.map((f) => f.key)).toEqual([
      'stuck-on-one|红星村||红星村/台账/快1.txt',
      'stuck-on-one|红星村||红星村/台账/快2.txt',
      'slow-on-one|红星村||红星村/台账/快1.txt',
      'slow-on-one|红星村||红星村/台账/死循环.txt',
      'slow-on-one|红星村||红星村/台账/快2.txt',
      'rule-timeout|红星村||stuck-on-one|红星村/台账/死循环.txt',
    ]);
    expect(findings.at(-1)!.message).toMatch(/^“卡住”检查在此处用时 0\.[345] 秒，超过时限被中止/);
    expect(notices).toEqual(['规则在循环之后继续运行']);
  });

  it('valid: a loop longer than one budget, every item quick, is not cut', () => {
    const many = makeModel({
      villages: [{ name: '红星村', files: Array.from({ length: 12 }, (_, i) => ({ path: `红星村/台账/慢${i}.txt`, text: ['记录'] })) }],
    });
    const slowEach: Rule = {
      ...slowOnOne,
      check(m, ctx) {
        ctx.each(m.files, (f: ArchiveFile) => ({ village: f.village, household: null, path: f.path }), (f) => {
          busyWait(30);
          ctx.report({ messageId: 'seen', data: { name: f.name }, village: f.village, household: null, path: f.path, details: {}, keyParts: [f.path] });
        });
      },
    };
    // 12 × 30 ms = 360 ms, past a 100 ms budget several times over: the watchdog restarts, nothing is cut or doubled.
    const { findings } = runRules([slowEach, ruleTimeout], many, {}, { itemMs: 100 });
    expect(findings.map((f) => f.path)).toEqual(Array.from({ length: 12 }, (_, i) => `红星村/台账/慢${i}.txt`));
  });

  it('invalid: a rule that never returns outside its loops is stopped as a whole; what it reported stands, the next rule runs', () => {
    const hangsAfterOne: Rule = {
      meta: { id: 'hangs-after-one', name: '整体卡住', severity: 'info', description: '测试用', messages: { seen: '看过 {name}' } },
      check(m, ctx) {
        const file = m.files[0]!;
        ctx.report({ messageId: 'seen', data: { name: file.name }, village: file.village, household: null, path: file.path, details: {}, keyParts: [file.path] });
        // eslint-disable-next-line no-empty
        for (;;) {}
      },
    };
    const started = performance.now();
    // The rule's budget is its own (here 1 s); each item still gets its 300 ms inside it (up to twice that when it
    // started late in a run and is tried again at the head of the next).
    const { findings } = runRules([hangsAfterOne, stuckOnOne, ruleTimeout], stuckModel(), {}, { itemMs: 300, ruleMs: 1000 });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(findings.map((f) => f.key)).toEqual([
      'hangs-after-one|红星村||红星村/台账/快1.txt',
      'stuck-on-one|红星村||红星村/台账/快1.txt',
      'stuck-on-one|红星村||红星村/台账/快2.txt',
      'rule-timeout|||hangs-after-one|',
      'rule-timeout|红星村||stuck-on-one|红星村/台账/死循环.txt',
    ]);
    expect(findings[3]!.message).toMatch(/^“整体卡住”检查整体用时 (0\.9|1|1\.\d) 秒，超过时限被中止，这项检查的结果不完整（已报出的问题仍然有效）/);
  });
});
