import { describe, expect, it } from 'vitest';
import { normalizeText, originalSpan } from '../../../rules/lib/normalize-text.js';
import { seededRandom } from '../../../fixtures/generator/seeded-random.js';

/** The first, plain implementation: one NFKC call and one object per character. The fast one must agree. */
function referenceNormalize(original: string): { text: string; starts: number[]; ends: number[] } {
  const WHITESPACE = /[\s\u3000]/u;
  const ASCII_WORD = /[0-9A-Za-z]/;
  const chars: Array<{ text: string; start: number; end: number }> = [];
  for (let i = 0; i < original.length; ) {
    const source = String.fromCodePoint(original.codePointAt(i)!);
    chars.push({ text: source.normalize('NFKC'), start: i, end: i + source.length });
    i += source.length;
  }
  const visible = (k: number, step: number): string | null => {
    for (let j = k + step; j >= 0 && j < chars.length; j += step) if (!WHITESPACE.test(chars[j].text)) return chars[j].text;
    return null;
  };
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (let k = 0; k < chars.length; k++) {
    const c = chars[k];
    if (WHITESPACE.test(c.text)) {
      const before = visible(k, -1);
      const after = visible(k, 1);
      if (!(before !== null && after !== null && ASCII_WORD.test(before) && ASCII_WORD.test(after))) continue;
      text += ' ';
      starts.push(c.start);
      ends.push(c.end);
      while (k + 1 < chars.length && WHITESPACE.test(chars[k + 1].text)) k++;
      continue;
    }
    for (const unit of c.text) {
      for (let u = 0; u < unit.length; u++) {
        starts.push(c.start);
        ends.push(c.end);
      }
      text += unit;
    }
  }
  return { text, starts, ends };
}

describe('normalizeText', () => {
  it('folds full-width forms and drops the spaces OCR puts between Chinese characters', () => {
    const n = normalizeText('贫 困　户（ＡＢ１）');
    expect(n.text).toBe('贫困户(AB1)');
    const at = n.text.indexOf('贫困户');
    expect(originalSpan(n, at, at + 3)).toEqual({ start: 0, end: 5 });
  });

  it('keeps one space between ASCII words, mapped to the first space of the run', () => {
    const n = normalizeText('卡号 6222  0212，Sheet　1');
    expect(n.text).toBe('卡号6222 0212,Sheet 1');
    const space = n.text.indexOf(' ');
    expect([n.starts[space], n.ends[space]]).toEqual([7, 8]);
  });

  it('maps a character outside the BMP to both of its code units', () => {
    const n = normalizeText('𠮷 贫困户');
    expect(n.text).toBe('𠮷贫困户');
    expect(originalSpan(n, 2, 5)).toEqual({ start: 3, end: 6 });
  });

  it('agrees with the plain implementation on random mixed text', () => {
    const alphabet = [
      ...'贫困户扶贫脱贫监测对象张三李四',
      ...'，。：；（）《》、“”！？',
      ...'ＡＢｃ１２３％＃',
      ...'abcXYZ0189-./',
      ' ', '\u3000', '\u00a0', '\t', '\n', '\u2003', '\ufeff',
      '𠮷', '𡈽', '⑴', '㎡', 'ﬁ', '⾙', 'é', 'e\u0301',
    ];
    const next = seededRandom(20261204);
    const random = (n: number): number => Math.floor(next() * n);
    for (let round = 0; round < 3000; round++) {
      let text = '';
      const length = random(24);
      for (let i = 0; i < length; i++) text += alphabet[random(alphabet.length)];
      expect(normalizeText(text), JSON.stringify(text)).toEqual(referenceNormalize(text));
    }
  });
});
