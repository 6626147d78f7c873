// Reports are printed and passed around; an ID number (身份证号, 残疾证号 …) in a message or a folder
// name must not travel with them. Runs of 15, 18 or 20–22 digits (an 18-digit one may end in X)
// keep their first 6 and last 4 characters.
const ID_LIKE = /(?<![0-9A-Za-z])(\d{6})(\d{5}|\d{8}|\d{10,12})(\d{3}[0-9Xx])(?![0-9A-Za-z])/g;

export function maskIdNumbers(text: string): string {
  return text.replace(ID_LIKE, (whole, head: string, middle: string, tail: string) => {
    // Only 18-digit runs may end with X; `12345678901234X` is not an ID.
    if (/[Xx]$/.test(tail) && whole.length !== 18) return whole;
    return head + '*'.repeat(middle.length) + tail;
  });
}
