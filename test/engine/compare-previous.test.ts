import { describe, expect, it } from 'vitest';
import { applyPrevious, collectResolved, markStatus, pipeFindings } from '../../main/engine/compare-previous.js';
import { finding } from './report/sample-report.js';

const stillThere = finding({ key: 'missing-document|红星村|张三|家庭收入测算表|2023', rule: 'missing-document', severity: 'error', message: '缺少 2023 年家庭收入测算表' });
const fixed = finding({ key: 'stale-ledger|红星村||帮扶台账', rule: 'stale-ledger', severity: 'warning', household: null, message: '帮扶台账最后一条记录是 2022-12-01' });
const appeared = finding({ key: 'near-threshold|红星村|李四', rule: 'near-threshold', severity: 'info', household: '李四', message: '人均纯收入临近监测线' });

describe('markStatus', () => {
  it('marks a finding whose key was reported before as open and any other as new, without touching its input', () => {
    const input = [stillThere, appeared];
    const out = markStatus(new Set([stillThere.key]))(input);
    expect(out.map((f) => [f.key, f.status])).toEqual([
      [stillThere.key, 'open'],
      [appeared.key, 'new'],
    ]);
    expect(input[0].status).toBeUndefined();
  });

  it('matches by key only: the same problem with a reworded message is still open', () => {
    const reworded = { ...stillThere, message: '缺少2023年度收入测算表' };
    expect(markStatus(new Set([stillThere.key]))([reworded])[0].status).toBe('open');
  });
});

describe('collectResolved', () => {
  it('lists earlier findings that are gone, once each, without their old status', () => {
    const previous = [{ ...stillThere, status: 'open' as const }, { ...fixed, status: 'new' as const }, { ...fixed, status: 'new' as const }];
    const resolved = collectResolved(previous, [stillThere]);
    expect(resolved).toHaveLength(1);
    expect(resolved[0].key).toBe(fixed.key);
    expect(resolved[0]).not.toHaveProperty('status');
  });
});

describe('pipeFindings', () => {
  it('runs the steps left to right', () => {
    const dropInfo = (fs: readonly typeof stillThere[]) => fs.filter((f) => f.severity !== 'info');
    const out = pipeFindings([stillThere, appeared], dropInfo, markStatus(new Set()));
    expect(out.map((f) => [f.key, f.status])).toEqual([[stillThere.key, 'new']]);
  });
});

describe('applyPrevious', () => {
  it('gives every current finding a status and lists the resolved ones', () => {
    const result = applyPrevious([stillThere, appeared], { findings: [stillThere, fixed] });
    expect(result.findings.map((f) => f.status)).toEqual(['open', 'new']);
    expect(result.resolved.map((f) => f.key)).toEqual([fixed.key]);
  });

  it('with an empty earlier report everything is new and nothing resolved', () => {
    const result = applyPrevious([stillThere], { findings: [] });
    expect(result.findings[0].status).toBe('new');
    expect(result.resolved).toEqual([]);
  });
});
