// Dates in exports and forms come as `202303`, `2023-03`, `2023年3月`, `2023/3/15`, `20230315`
// or an Excel serial number; the model keeps YYYY-MM-DD (first of the month when only the month is known).

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function format(year: number, month: number, day: number): string | null {
  if (year < 1950 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function parseCellDate(text: string | undefined | null): string | null {
  if (!text) return null;
  const s = text.normalize('NFKC').trim();
  if (!s) return null;
  let m = /^(\d{4})(\d{2})$/.exec(s);
  if (m) return format(+m[1], +m[2], 1);
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return format(+m[1], +m[2], +m[3]);
  m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*(?:[-/.月]\s*(\d{1,2})\s*日?|月)?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(s);
  if (m) return format(+m[1], +m[2], m[3] ? +m[3] : 1);
  m = /^(\d{5})(?:\.\d+)?$/.exec(s);
  if (m) {
    const serial = +m[1];
    if (serial < 20000 || serial > 80000) return null;
    const date = new Date(EXCEL_EPOCH_MS + serial * 86400000);
    return format(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
  }
  return null;
}
