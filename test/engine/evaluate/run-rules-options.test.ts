// A rule's options: declared in its meta with a default, set by thresholds.yaml where the option names a key of it
// (a county overrides that file with --config), and given to the rule as ctx.options — the only place it reads them.
import { describe, expect, it } from 'vitest';
import type { Rule } from '../../../rules/api.js';
import { rules } from '../../../rules/index.js';
import { optionDefaults, optionsFromThresholds, runRules } from '../../../main/engine/evaluate/run-rules.js';
import { makeModel } from '../../rules/helpers/make-model.js';

const probe = (seen: Array<Record<string, unknown>>): Rule => ({
  meta: {
    id: 'probe',
    name: '探针',
    severity: 'info',
    description: '记下收到的选项',
    messages: {},
    options: { margin: { name: '幅度', default: 0.1, threshold: 'nearThresholdMargin' }, words: { name: '词', default: ['甲'] } },
  },
  check: (_model, ctx) => void seen.push(ctx.options),
});

describe('rule options', () => {
  it('a rule gets its declared defaults, then what thresholds.yaml sets, then what it is given', () => {
    const seen: Array<Record<string, unknown>> = [];
    const rule = probe(seen);
    runRules([rule], makeModel({}));
    runRules([rule], makeModel({}), optionsFromThresholds([rule], { nearThresholdMargin: 0.25 }));
    runRules([rule], makeModel({}), { probe: { words: ['乙'] } });
    expect(seen).toEqual([
      { margin: 0.1, words: ['甲'] },
      { margin: 0.25, words: ['甲'] },
      { margin: 0.1, words: ['乙'] },
    ]);
  });

  it('one thresholds.yaml value reaches every rule that declares it: near-threshold and the export checks share the margin', () => {
    const all = Object.values(rules);
    const byRule = optionsFromThresholds(all, { nearThresholdMargin: 0.2, publicNoticeMinDays: 7 });
    expect(byRule['near-threshold']).toEqual({ margin: 0.2 });
    expect(byRule['incomplete-procedure']).toEqual({ publicNoticeMinDays: 7 });
    const exportIds = Object.keys(rules).filter((id) => id.startsWith('export/'));
    expect(exportIds.length).toBeGreaterThan(40);
    for (const id of exportIds) expect(byRule[id], id).toEqual({ margin: 0.2 });
    expect(byRule['outdated-term']).toBeUndefined();
    expect(optionDefaults(rules['template-plan']!)).toEqual({ threshold: 0.9, minChars: 20, ngram: 2 });
  });
});
