// Reads the dates written in Chinese documents (`2023年3月5日`, `2023.3.5`, `二〇二三年三月五日` …)
// and single date cells of ledgers and exports (`202303`, Excel serial numbers).
import type { DateMention, TextBlock } from '../api.js';

/** Full-width digits and punctuation as ASCII (the engine's toHalfWidth). */
function toHalfWidth(text: string): string {
  return text.normalize('NFKC');
}

export type DatePrecision = DateMention['precision'];

export interface ParsedDate {
  /** `YYYY-MM-DD`; the first of the month (or year) when the source was less precise. */
  date: string;
  precision: DatePrecision;
}

const minYear = 1949;
const maxYear = 2100;

const numeralDigits: Record<string, number> = {
  '〇': 0, '○': 0, '零': 0, 'O': 0, 'o': 0, '0': 0,
  '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
};

/** Chinese numerals of a month or day: `三`, `十`, `十二`, `二十`, `廿一`, `三十一`. */
function readChineseNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  const m = /^([一二三]|廿)?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!m || text === '') return null;
  if (m[1] === '廿') return 20 + (m[3] ? numeralDigits[m[3]] : 0);
  if (!m[2]) return m[1] && !m[3] ? numeralDigits[m[1]] : m[3] && !m[1] ? numeralDigits[m[3]] : null;
  return (m[1] ? numeralDigits[m[1]] : 1) * 10 + (m[3] ? numeralDigits[m[3]] : 0);
}

function readChineseYear(text: string): number | null {
  let year = 0;
  for (const ch of text) {
    const d = numeralDigits[ch];
    if (d === undefined) return null;
    year = year * 10 + d;
  }
  return year;
}

const daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isValidDate(year: number, month: number, day: number): boolean {
  if (year < minYear || year > maxYear || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 ? (leap ? 29 : 28) : daysInMonth[month - 1]);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function makeDate(year: number, month: number, day: number, precision: DatePrecision): ParsedDate | null {
  if (!isValidDate(year, month, day)) return null;
  return { date: `${year}-${pad(month)}-${pad(day)}`, precision };
}

const cnDigit = '[〇○零一二三四五六七八九Oo0]';
const cnSmall = '[一二三四五六七八九十廿]{1,3}';
// Order matters: the alternatives are tried left to right at each position.
const datePattern = new RegExp(
  [
    // 2023年3月5日, 2023年03月, 2023年
    '(?<!\\d)(\\d{4})\\s*年(?:\\s*(\\d{1,2})\\s*月(?:\\s*(\\d{1,2})\\s*[日号])?)?',
    // 2023-03-05, 2023.3.5, 2023/3/5 (same separator twice)
    '(?<![\\d.\\-/])(\\d{4})([.\\-/])(\\d{1,2})\\5(\\d{1,2})(?![\\d])',
    // 2023-03, 2023/3 (a dot is left out: `2023.03` is as likely an amount)
    '(?<![\\d.\\-/])(\\d{4})[\\-/](\\d{1,2})(?![\\d.\\-/])',
    // 二〇二三年三月五日
    `(${cnDigit}{4})年(?:(${cnSmall})月(?:(${cnSmall})[日号])?)?`,
  ].join('|'),
  'g',
);

function matchToDate(m: RegExpExecArray): ParsedDate | null {
  if (m[1] !== undefined) {
    const year = Number(m[1]);
    if (m[3] !== undefined) return makeDate(year, Number(m[2]), Number(m[3]), 'day');
    if (m[2] !== undefined) return makeDate(year, Number(m[2]), 1, 'month');
    return makeDate(year, 1, 1, 'year');
  }
  if (m[4] !== undefined) return makeDate(Number(m[4]), Number(m[6]), Number(m[7]), 'day');
  if (m[8] !== undefined) return makeDate(Number(m[8]), Number(m[9]), 1, 'month');
  if (m[10] !== undefined) {
    const year = readChineseYear(m[10]);
    if (year === null) return null;
    if (m[11] === undefined) return makeDate(year, 1, 1, 'year');
    const month = readChineseNumber(m[11]);
    if (month === null) return null;
    if (m[12] === undefined) return makeDate(year, month, 1, 'month');
    const day = readChineseNumber(m[12]);
    return day === null ? null : makeDate(year, month, day, 'day');
  }
  return null;
}

/** Every date written in the blocks' text, in order, with the block's location. */
export function findDates(blocks: Iterable<TextBlock>): DateMention[] {
  const found: DateMention[] = [];
  for (const block of blocks) datesInText(block.text, block.location, found);
  return found;
}

/** findDates one block at a time: the dates of a large sheet's rows need not all be held at once. */
export function* eachDate(blocks: Iterable<TextBlock>): Generator<DateMention> {
  const found: DateMention[] = [];
  for (const block of blocks) {
    datesInText(block.text, block.location, found);
    if (found.length === 0) continue;
    yield* found;
    found.length = 0;
  }
}

const hasDigit = /[\d〇○零一二三四五六七八九]/;

/** Adds the dates written in one text to `found`. */
export function datesInText(written: string, location: string, found: DateMention[]): void {
  const text = toHalfWidth(written);
  if (!hasDigit.test(text)) return;
  // Quote the original characters (full-width digits stay full-width) when positions line up.
  const original = text.length === written.length ? written : text;
  datePattern.lastIndex = 0;
  for (let m = datePattern.exec(text); m; m = datePattern.exec(text)) {
    const parsed = matchToDate(m);
    if (parsed) found.push({ date: parsed.date, precision: parsed.precision, location, text: original.slice(m.index, m.index + m[0].length) });
  }
}

/** Excel's day 1 is 1900-01-01; serials count from 1899-12-30 because of the 1900 leap-year bug. */
export function excelSerialToDate(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial) || serial < 1) return null;
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const d = new Date(epoch + Math.floor(serial) * 86_400_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/**
 * One cell's date: `2023-03-05`, `2023/3/5 0:00:00`, `2023年3月`, `202303`, `20230305`, `2023.03`,
 * or a number (an Excel serial, or 202303 / 20230305 written as a number). Null when it is no date.
 */
export function parseDateText(value: string | number | Date | null | undefined): ParsedDate | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    return makeDate(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate(), 'day');
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    if (Number.isInteger(value) && value >= 10_000_000) return parseDateText(String(value));
    if (Number.isInteger(value) && value >= 100_000) return parseDateText(String(value));
    if (value >= 1 && value < 80_000) {
      const iso = excelSerialToDate(value);
      return iso ? { date: iso, precision: 'day' } : null;
    }
    return null;
  }
  const text = toHalfWidth(value).trim();
  if (text === '') return null;
  let m = /^(\d{4})(\d{2})(\d{2})?$/.exec(text);
  if (m) return makeDate(Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : 1, m[3] ? 'day' : 'month');
  m = /^(\d{4})[.\-/年](\d{1,2})月?$/.exec(text);
  if (m) return makeDate(Number(m[1]), Number(m[2]), 1, 'month');
  m = /^(\d{4})[.\-/年](\d{1,2})[.\-/月](\d{1,2})[日号]?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (m) return makeDate(Number(m[1]), Number(m[2]), Number(m[3]), 'day');
  m = /^(\d{4})年?$/.exec(text);
  if (m) return makeDate(Number(m[1]), 1, 1, 'year');
  if (/^\d+(\.\d+)?$/.test(text) && text.length <= 5 && Number(text) >= 1) return parseDateText(Number(text));
  const mentions = findDates([{ text, location: '' }]);
  return mentions.length === 1 && mentions[0].text.length >= text.length - 1
    ? { date: mentions[0].date, precision: mentions[0].precision }
    : null;
}
