// Ages in full years on a given day (the --as-of date, never the clock), and at the school-year cut-off.

/** Full years from a YYYY-MM-DD birth date to a YYYY-MM-DD day. */
export function ageOn(birth: string, day: string): number {
  // Read by position, not split: a county's export asks this for every person, twice.
  const years = Number(day.slice(0, 4)) - Number(birth.slice(0, 4));
  return day.slice(5) < birth.slice(5) ? years - 1 : years;
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
