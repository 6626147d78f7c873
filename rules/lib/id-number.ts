// Checks for the numbers a public notice must not show, and their masking for messages.

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = '10X98765432';

/**
 * An ID number as written in a cell, made comparable: full-width characters and spaces out, upper-case X. Plain
 * ASCII (nearly every cell) skips NFKC, which is slow over a county's 100,000 people.
 */
export function normalizeIdText(text: string): string {
  const ascii = /^[\x20-\x7e]*$/.test(text) ? text : text.normalize('NFKC');
  return ascii.replace(/\s+/g, '').toUpperCase();
}

/** Whether year-month-day is a day of the calendar, by arithmetic (no Date per person of a county's export). */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return day <= days;
}

/** An 18-character resident ID (GB 11643): region, a real birth date, and a matching check character. */
export function isValidIdNumber(text: string): boolean {
  if (!/^[1-9]\d{16}[\dXx]$/.test(text)) return false;
  const year = Number(text.slice(6, 10));
  if (year < 1900 || year > 2099 || !isCalendarDate(year, Number(text.slice(10, 12)), Number(text.slice(12, 14)))) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(text[i]) * ID_WEIGHTS[i];
  return ID_CHECK_CHARS[sum % 11] === text[17].toUpperCase();
}

/** The Luhn checksum bank card numbers carry. */
export function isLuhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Keeps `head` leading and `tail` trailing characters: `620422198001011234` → `6204**********1234`. */
export function maskNumber(text: string, head = 4, tail = 4): string {
  if (text.length <= head + tail) return '*'.repeat(text.length);
  return text.slice(0, head) + '*'.repeat(text.length - head - tail) + text.slice(-tail);
}
