// Which year's income a figure is, when the source does not say (domain.md): income is counted over the 12 months
// ending before the assessment, and those months are named by the year most of them fall in.

/** The income year for an assessment (or export) on `day` (YYYY-MM-DD): 2023-09-30 → 2023, 2024-03-10 → 2023. */
export function incomeYearForDay(day: string): number {
  const year = Number(day.slice(0, 4));
  return Number(day.slice(5, 7)) >= 7 ? year : year - 1;
}
