// A county's --config file: what it changes, and the Chinese error for every kind of mistake in it.
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadOcrSettings } from '../../../../main/engine/extract/ocr-settings.js';
import { loadRuleData } from '../../../../main/engine/config/rule-data/load-rule-data.js';
import { UserFacingError } from '../../../../main/engine/user-facing-error.js';

const example = fileURLToPath(new URL('../../../../rules/county-config.example.yaml', import.meta.url));
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'county-config-'));
});

async function config(name: string, yaml: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, yaml);
  return file;
}

async function errorOf(yaml: string): Promise<string> {
  const file = await config('某某县.yaml', yaml);
  const error = await loadRuleData([file]).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserFacingError);
  return (error as Error).message;
}

describe('county configuration', () => {
  it('applies the shipped example: lines, thresholds, an added term with its specs, a health word, a rule off', async () => {
    const defaults = await loadRuleData();
    const county = await loadRuleData([example]);
    expect(county.data.monitoringLines.find((l) => l.year === 2025)?.line).toBe(8000);
    expect(county.tables.thresholds.publicNoticeMinDays).toBe(7);
    expect(defaults.tables.thresholds.publicNoticeMinDays).toBe(5);
    expect(county.data.retiredTerms.map((t) => t.term)).toContain('扶贫明白卡');
    expect(defaults.data.retiredTerms.map((t) => t.term)).not.toContain('扶贫明白卡');
    expect(county.data.healthWords).toContain('癫痫');
    expect(county.tables.systemColumns['乡']).toContain('所属乡镇（街道）');
    expect(county.disabledRules).toEqual(['stale-ledger']);
    expect(defaults.disabledRules).toEqual([]);
  });

  it('removes a retired term and a health word', async () => {
    const file = await config('删减.yaml', 'retiredTerms:\n  remove: [扶贫车间]\nhealthWords:\n  remove: [重疾]\n');
    const county = await loadRuleData([file]);
    expect(county.data.retiredTerms.map((t) => t.term)).not.toContain('扶贫车间');
    expect(county.data.healthWords).not.toContain('重疾');
  });

  it('names the file and the unknown section', async () => {
    expect(await errorOf('threshold:\n  publicNoticeMinDays: 7\n')).toBe(
      '某某县.yaml 中的“threshold”无法识别（可用：monitoringLines、thresholds、incomeSynonyms、systemColumns、retiredTerms、healthWords、rules、exportChecks、exportPersonChecks、ocr）',
    );
  });

  it('names an unknown threshold and lists the allowed ones', async () => {
    expect(await errorOf('thresholds:\n  noticeDays: 7\n')).toMatch(/^某某县\.yaml（thresholds） 中的“noticeDays”不是程序认识的阈值名称（可用：nearThresholdMargin、/);
  });

  it('refuses a threshold value that is not a number', async () => {
    expect(await errorOf('thresholds:\n  publicNoticeMinDays: 七天\n')).toBe('某某县.yaml（thresholds） 中“publicNoticeMinDays”的值“七天”不是有效的非负数');
  });

  it('refuses an unknown rule id and a switch other than off/on', async () => {
    expect(await errorOf('rules:\n  stale-ledgers: off\n')).toMatch(/^某某县\.yaml（rules） 中没有“stale-ledgers”这条规则（可用：missing-document、/);
    expect(await errorOf('rules:\n  stale-ledger: 关\n')).toBe('某某县.yaml（rules） 中“stale-ledger”的值“关”无效：只能写 off（关闭）或 on（开启）');
  });

  it('runs the dictionary specs after the merge: an added term whose spec fails is refused', async () => {
    const message = await errorOf(
      'retiredTerms:\n  add:\n    - term: 扶贫明白卡\n      suggestion: 帮扶明白卡\n      retiredOn: 2021-03-01\n      specs:\n        - from: 张贴扶贫明白卡\n          to: 张贴扶贫明白卡\n',
    );
    expect(message).toContain('retired-terms.yaml（合并 某某县.yaml 后）');
    expect(message).toContain('停用表述“扶贫明白卡”的自测用例不通过');
  });

  it('refuses removing a term that is not in the dictionary', async () => {
    expect(await errorOf('retiredTerms:\n  remove: [扶贫户口]\n')).toBe('某某县.yaml（retiredTerms）：要删去的“扶贫户口”不在默认列表中');
  });

  it('changes the OCR settings: words added and removed, numbers set, each out-of-range value refused by name', async () => {
    const { ocrEdits } = await loadRuleData([example]);
    const settings = loadOcrSettings(undefined, ocrEdits);
    const shipped = loadOcrSettings();
    expect(settings.photoWords).toEqual([...shipped.photoWords, '门牌']);
    expect(settings.fullTextWords).toEqual([...shipped.fullTextWords, '承诺书']);
    expect(settings.confidenceFloor).toBe(75);
    expect(shipped.confidenceFloor).toBe(70);
    const removed = await loadRuleData([await config('去掉照片词.yaml', 'ocr:\n  photoWords:\n    remove: [全家福]\n')]);
    expect(loadOcrSettings(undefined, removed.ocrEdits).photoWords).not.toContain('全家福');
    expect(await errorOf('ocr:\n  renderDpi: 1200\n')).toBe('某某县.yaml（ocr） 中 renderDpi（页面转图片的分辨率）的值“1200”无效：应是 72 到 400 之间的数');
    expect(await errorOf('ocr:\n  dpi: 200\n')).toBe(
      '某某县.yaml（ocr） 中的“dpi”无法识别（可用：photoWords、fullTextWords、confidenceFloor、titleRegion、renderDpi、maxPages、minImageBytes）',
    );
    const file = await config('删错词.yaml', 'ocr:\n  photoWords:\n    remove: [不存在的词]\n');
    const { ocrEdits: wrong } = await loadRuleData([file]);
    expect(() => loadOcrSettings(undefined, wrong)).toThrow('删错词.yaml（ocr 的 photoWords）：要删去的“不存在的词”不在默认列表中');
  });

  it('says which line of broken YAML, and a missing file by name', async () => {
    expect(await errorOf('thresholds:\n  publicNoticeMinDays: [7\n')).toMatch(/^某某县\.yaml 不是有效的 YAML 格式/);
    const missing = await loadRuleData([path.join(dir, '没有这个.yaml')]).catch((e: Error) => e.message);
    expect(missing).toBe('找不到县里的配置文件 没有这个.yaml，请检查路径');
  });
});
