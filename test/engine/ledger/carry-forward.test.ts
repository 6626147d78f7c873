import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../rules/api.js';
import { carryForward } from '../../../main/engine/ledger/carry-forward.js';
import { parsePreviousReport } from '../../../main/engine/report/read-previous-report.js';
import { writeJsonReport } from '../../../main/engine/report/write-json-report.js';
import { sampleReport } from '../report/sample-report.js';

const f = (key: string, extra: Partial<Finding> = {}): Finding => ({
  key, rule: key.split('|')[0]!, severity: 'error', village: '红星村', household: '张三', path: '红星村/张三', message: key, details: {}, ...extra,
});

describe('carryForward (JSON ledger)', () => {
  it('carries the fields through a JSON report written and read back; 已销号 in 已整改 stays 已销号; ID numbers in keys still match', () => {
    const id = '620422199001011234';
    const previous = sampleReport({
      findings: [
        f('a|1', { status: 'new', rectification: { measure: '补表', owner: '王', deadline: '2023-09-01', state: '整改中' } }),
        f(`b|${id}`, { rectification: { state: '已整改' } }),
        f('c|1', { rectification: { state: '无需整改', note: '' } }),
        f('gone|1', { rectification: { measure: '已补', state: '已整改' } }),
      ],
      resolved: [f('old|1', { rectification: { state: '已销号', resolvedOn: '2023-06-30' } })],
    });
    const reread = parsePreviousReport(writeJsonReport(previous), 'prev.json');
    // The .xlsx shows keys masked; a ledger read from it must still match the unmasked key of a new scan.
    reread.findings[1] = { ...reread.findings[1]!, key: 'b|620422********1234' };
    const { findings, resolved } = carryForward([f('a|1'), f(`b|${id}`), f('c|1'), f('new|1')], reread, '2023-09-30');
    expect(findings.map((x) => [x.key, x.status, x.rectification?.state, x.overdue ?? false, x.suppressed ?? false])).toEqual([
      ['a|1', 'open', '整改中', true, false],
      [`b|${id}`, 'open', '整改未到位', false, false],
      // 无需整改 without a reason is not an accepted exception: it stays in the list.
      ['c|1', 'open', '无需整改', false, false],
      ['new|1', 'new', undefined, false, false],
    ]);
    expect(resolved.map((x) => [x.key, x.rectification])).toEqual([
      ['gone|1', { measure: '已补', state: '已整改', resolvedOn: '2023-09-30' }],
      ['old|1', { state: '已销号', resolvedOn: '2023-06-30' }],
    ]);
  });

  it('drops what a hand-edited JSON puts where it does not belong', () => {
    const text = JSON.stringify({ ...sampleReport(), findings: [f('a|1', { rectification: { state: '胡写', deadline: 'soon', owner: 3 } as never })] });
    expect(parsePreviousReport(text, 'x.json').findings[0]!.rectification).toBeUndefined();
  });
});
