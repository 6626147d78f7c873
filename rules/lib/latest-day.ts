import type { DateMention } from '../api.js';

/** The last day (YYYY-MM-DD) a year, or a year and month, can mean: `2020` → `2020-12-31`. */
export function latestDay(year: number, month = 12): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The last day a date mention can mean, given how precise its source was. */
export function latestDayOfMention(mention: DateMention): string {
  if (mention.precision === 'day') return mention.date;
  const [year, month] = mention.date.split('-').map(Number);
  return mention.precision === 'year' ? latestDay(year) : latestDay(year, month);
}
