import { describe, expect, it } from 'vitest';
import { normalizeText, removeCjkSpaces, toHalfWidth } from '../../../main/engine/extract/normalize-text.js';

describe('normalizeText', () => {
  it('turns full-width digits and letters into half-width', () => {
    expect(toHalfWidth('２０２３年ＡＢＣ')).toBe('2023年ABC');
  });

  it('removes the spaces OCR and PDF text put between Chinese characters', () => {
    expect(removeCjkSpaces('家 庭 基 本 情 况 表')).toBe('家庭基本情况表');
    expect(removeCjkSpaces('张三 2023年')).toBe('张三 2023年');
  });

  it('does both, collapses blanks and trims', () => {
    expect(normalizeText('  户主：　张　三   收入 １２０００ 元 ')).toBe('户主: 张三收入 12000 元');
  });
});
