// Ages in full years on a given day (the --as-of date, never the clock), and at the school-year cut-off.

/** Full years from a YYYY-MM-DD birth date to a YYYY-MM-DD day. */
export function ageOn(birth: string, day: string): number {
  // Read by character, with no substring made: a county's export asks this for every person, many times over.
  const years = fourDigits(day) - fourDigits(birth);
  return compareFrom(day, birth, 5) < 0 ? years - 1 : years;
}

function fourDigits(text: string): number {
  return (text.charCodeAt(0) - 48) * 1000 + (text.charCodeAt(1) - 48) * 100 + (text.charCodeAt(2) - 48) * 10 + (text.charCodeAt(3) - 48);
}

/** `a.slice(from)` against `b.slice(from)` as strings compare (−1, 0, 1), without making them. */
function compareFrom(a: string, b: string, from: number): number {
  const end = Math.min(a.length, b.length);
  for (let i = from; i < end; i++) {
    const d = a.charCodeAt(i) - b.charCodeAt(i);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/** The cut-off (`MM-DD`) that opened the school year containing `asOf`: 2026-12-05 with 08-31 → 2026-08-31. */
export function schoolCutoffDay(asOf: string, cutoff: string): string {
  const year = Number(asOf.slice(0, 4));
  const thisYear = `${year}-${cutoff}`;
  return asOf > thisYear ? thisYear : `${year - 1}-${cutoff}`;
}

/** Whole months from one YYYY-MM-DD to another (a month counts once its day is reached). */
export function monthsBetween(from: string, to: string): number {
  const [y1, m1, d1] = from.split('-').map(Number);
  const [y2, m2, d2] = to.split('-').map(Number);
  return (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0);
}
