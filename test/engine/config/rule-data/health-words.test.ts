import { describe, expect, it } from 'vitest';
import { loadHealthWordList, loadHealthWords, parseHealthWords } from '../../../../main/engine/config/rule-data/health-words.js';
import { RuleDataError } from '../../../../main/engine/config/rule-data/rule-data-error.js';

describe('health words', () => {
  it('reads the shipped list with its exceptions', async () => {
    const data = await loadHealthWordList();
    expect(data.healthWords).toEqual(expect.arrayContaining(['患有大病', '残疾等级', '精神', '重度残疾', '癌', '尿毒症', '白血病', '肢体残疾']));
    expect(data.healthWordExceptions).toEqual(expect.arrayContaining(['精神文明', '精神面貌', '大病保险']));
    expect(await loadHealthWords()).toEqual(data.healthWords);
  });

  it('trims and de-duplicates', () => {
    expect(parseHealthWords('words: [" 癌 ", 癌, 精神]\nexceptions: [精神文明]')).toEqual({ healthWords: ['癌', '精神'], healthWordExceptions: ['精神文明'] });
  });

  it('refuses an exception that contains no word, an empty list and a malformed file', () => {
    expect(() => parseHealthWords('words: [癌]\nexceptions: [精神文明]', 'county.yaml')).toThrow(/county\.yaml：例外“精神文明”不含 words 中的任何词/);
    expect(() => parseHealthWords('words: []')).toThrow(RuleDataError);
    expect(() => parseHealthWords('words: 癌')).toThrow(/words：应是文字列表/);
    expect(() => parseHealthWords('- 癌')).toThrow(/应包含 words/);
  });
});
