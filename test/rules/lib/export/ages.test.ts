import { describe, expect, it } from 'vitest';
import { ageOn, schoolCutoffDay } from '../../../../rules/lib/export/ages.js';

describe('ageOn', () => {
  it('counts full years: the birthday itself completes the year, the day before does not', () => {
    expect(ageOn('2008-12-15', '2024-12-15')).toBe(16);
    expect(ageOn('2008-12-16', '2024-12-15')).toBe(15);
    expect(ageOn('2008-01-01', '2024-12-15')).toBe(16);
    expect(ageOn('1952-02-29', '2024-02-28')).toBe(71);
    expect(ageOn('1952-02-29', '2024-02-29')).toBe(72);
  });

  it('compares a birth month alone as the text compares', () => {
    expect(ageOn('2008-12', '2024-12-15')).toBe(16);
    expect(ageOn('2008-12', '2024-11-30')).toBe(15);
  });

  it('takes the school year that contains the day', () => {
    expect(schoolCutoffDay('2024-12-15', '08-31')).toBe('2024-08-31');
    expect(schoolCutoffDay('2024-06-01', '08-31')).toBe('2023-08-31');
  });
});
