// Header and label texts vary in width, brackets, spacing and units between counties and years;
// they are compared after this normalisation so `人均纯收入（元）` and `人均纯收入 (元)` are one name.

const UNIT = /\((元|万元|人|个|元\/人|元\/年|元\/人\/年|人民币元|岁|%|口)\)$/;

/** NFKC (full-width → half-width), one kind of bracket, no whitespace, lower case. */
export function normalizeLabel(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[【\[〔［]/g, '(')
    .replace(/[】\]〕］]/g, ')')
    .replace(/\s+/g, '')
    .toLowerCase();
}

/** The label without a trailing unit in brackets or a colon, and the multiplier the unit implies. */
export function stripUnit(label: string): { label: string; scale: number } {
  let text = label.replace(/[:：]+$/, '');
  let scale = 1;
  const unit = UNIT.exec(text);
  if (unit) {
    if (unit[1] === '万元') scale = 10000;
    text = text.slice(0, unit.index);
  }
  return { label: text, scale };
}

/** Leading numbering (`1.`, `（一）`, `①`, `一、`) and `其中：` removed, for row labels of a form. */
export function stripNumbering(label: string): string {
  return label
    .replace(/^(其中[:：]?|含[:：])/, '')
    .replace(/^(\(?\d{1,2}\)|\d{1,2}[.、．]|\d{1,2}(?=\D)|\(?[一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}[、.．])/, '')
    .replace(/^(其中[:：]?)/, '');
}

/** The canonical key for a text under a synonym table (canonical → names), or undefined. */
export function buildLookup(table: Record<string, string[]>): Map<string, string> {
  const lookup = new Map<string, string>();
  for (const [canonical, names] of Object.entries(table)) {
    for (const name of [canonical, ...names]) lookup.set(stripUnit(normalizeLabel(name)).label, canonical);
  }
  return lookup;
}
