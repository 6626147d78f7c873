import { describe, expect, it } from 'vitest';
import { toHalfWidth } from '../../../main/engine/vocabulary/normalize-text.js';

describe('toHalfWidth', () => {
  it('turns full-width digits, letters and the ideographic space into half-width', () => {
    expect(toHalfWidth('２０２３年ＡＢＣ　１２月')).toBe('2023年ABC 12月');
  });
});
