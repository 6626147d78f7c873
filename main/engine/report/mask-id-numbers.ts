// Reports are printed and passed around; an ID number (身份证号, 残疾证号 …) in a message or a folder
// name must not travel with them. Runs of 15, 18 or 20–22 digits (an 18-digit one may end in X)
// keep their first 6 and last 4 characters.
const ID_LIKE = /(?<![0-9A-Za-z])(\d{6})(\d{5}|\d{8}|\d{10,12})(\d{3}[0-9Xx])(?![0-9A-Za-z])/g;

export function maskIdNumbers(text: string): string {
  return text.replace(ID_LIKE, (whole, head: string, middle: string, tail: string) => {
    // Only 18-digit runs may end with X; `12345678901234X` is not an ID.
    if (/[Xx]$/.test(tail) && whole.length !== 18) return whole;
    if (!hasBirthDate(whole)) return whole;
    return head + '*'.repeat(middle.length) + tail;
  });
}

/**
 * An ID number (and a disability card number, which is the ID plus two digits) carries the holder's birth date
 * after the 6-digit area code; a 户编号 such as `620422101201000006` (area code and a serial) does not, and clerks
 * need it to find the household in the system. A run that could be a birth date is masked, on the safe side.
 */
function hasBirthDate(digits: string): boolean {
  const isOld = digits.length === 15;
  const year = isOld ? 1900 + Number(digits.slice(6, 8)) : Number(digits.slice(6, 10));
  const rest = isOld ? digits.slice(8, 12) : digits.slice(10, 14);
  const month = Number(rest.slice(0, 2));
  const day = Number(rest.slice(2, 4));
  return year >= 1900 && year <= 2099 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** Every string in a value, masked (details carry paths, names and quoted text as well). */
export function maskDeep<T>(value: T): T {
  if (typeof value === 'string') return maskIdNumbers(value) as T;
  if (Array.isArray(value)) return value.map(maskDeep) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskDeep(v)])) as T;
  }
  return value;
}
