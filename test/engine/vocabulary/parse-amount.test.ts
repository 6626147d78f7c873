import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../../main/engine/vocabulary/parse-amount.js';

describe('parseAmount', () => {
  it('reads plain numbers, scaled when the column is in 万元', () => {
    expect(parseAmount('12345.6')).toBe(12345.6);
    expect(parseAmount('-200')).toBe(-200);
    expect(parseAmount('1.23456', 10000)).toBe(12345.6);
    expect(parseAmount('007')).toBe(7);
  });

  it('reads amounts as clerks type them', () => {
    expect(parseAmount('12,345.6')).toBe(12345.6);
    expect(parseAmount('１２３４５')).toBe(12345);
    expect(parseAmount('1.2万元')).toBe(12000);
    expect(parseAmount('3000元', 10000)).toBe(3000);
    expect(parseAmount(' 4 人')).toBe(4);
  });

  it('leaves what is not an amount', () => {
    for (const text of ['', null, undefined, '月均2000元', '无', '1.2.3', '12e3']) expect(parseAmount(text)).toBeNull();
  });
});
