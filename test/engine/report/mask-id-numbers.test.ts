import { describe, expect, it } from 'vitest';
import { maskIdNumbers } from '../../../main/engine/report/mask-id-numbers.js';

describe('maskIdNumbers', () => {
  it('keeps the first 6 and last 4 characters of an 18-digit ID number', () => {
    expect(maskIdNumbers('户主身份证号620422199001015678，请核对')).toBe('户主身份证号620422********5678，请核对');
  });

  it('masks an ID ending in X, a 15-digit old ID and a 20-digit disability card number', () => {
    expect(maskIdNumbers('62042219900101567X')).toBe('620422********567X');
    expect(maskIdNumbers('身份证 620422900101567 旧证')).toBe('身份证 620422*****1567 旧证');
  });

  it('masks IDs inside paths and folder names', () => {
    expect(maskIdNumbers('红星村/户档/0001_张三_620422199001015678/收入表.xlsx')).toBe(
      '红星村/户档/0001_张三_620422********5678/收入表.xlsx',
    );
    expect(maskIdNumbers('残疾证号62042219900101567842')).toBe('残疾证号620422**********7842');
  });

  it('leaves a household number alone: area code and serial, no birth date', () => {
    expect(maskIdNumbers('户编号 620422101201000006')).toBe('户编号 620422101201000006');
    expect(maskIdNumbers('户编号 620422101213000006')).toBe('户编号 620422101213000006');
  });

  it('leaves phone numbers, amounts, years and already masked numbers alone', () => {
    for (const text of ['电话 13912345678', '人均纯收入 7200 元', '2023 年', '620422********5678', '1234567890123456']) {
      expect(maskIdNumbers(text)).toBe(text);
    }
  });
});
