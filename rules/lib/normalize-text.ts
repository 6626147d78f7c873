// Text as matchers see it: full-width forms folded to half-width (NFKC per character) and the
// spaces OCR puts between Chinese characters (`贫 困 户`) removed, with a map back to the original
// so a hit can be reported and replaced where it was written.

export interface NormalizedText {
  text: string;
  /** For each character of `text`, the offset of its source character in the original. */
  starts: number[];
  /** For each character of `text`, the offset just after its source character in the original. */
  ends: number[];
}

const WHITESPACE = /[\s\u3000]/u;
const ASCII_WORD = /[0-9A-Za-z]/;

export function normalizeText(original: string): NormalizedText {
  const chars: Array<{ text: string; start: number; end: number }> = [];
  for (let i = 0; i < original.length; ) {
    const codePoint = original.codePointAt(i)!;
    const source = String.fromCodePoint(codePoint);
    chars.push({ text: source.normalize('NFKC'), start: i, end: i + source.length });
    i += source.length;
  }
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (let k = 0; k < chars.length; k++) {
    const c = chars[k];
    if (WHITESPACE.test(c.text) || c.text === '') {
      // A space between two ASCII words (`Sheet 1`, `6222 0212`) means something; elsewhere it is layout.
      const before = previousVisible(chars, k);
      const after = nextVisible(chars, k);
      const isMeaningful = before !== null && after !== null && ASCII_WORD.test(before) && ASCII_WORD.test(after);
      if (!isMeaningful) continue;
      text += ' ';
      starts.push(c.start);
      ends.push(c.end);
      while (k + 1 < chars.length && WHITESPACE.test(chars[k + 1].text)) k++;
      continue;
    }
    for (const unit of c.text) {
      for (let u = 0; u < unit.length; u++) {
        starts.push(c.start);
        ends.push(c.end);
      }
      text += unit;
    }
  }
  return { text, starts, ends };
}

/** The original span of normalized characters `[start, end)`. */
export function originalSpan(normalized: NormalizedText, start: number, end: number): { start: number; end: number } {
  return { start: normalized.starts[start], end: normalized.ends[end - 1] };
}

function previousVisible(chars: Array<{ text: string }>, index: number): string | null {
  for (let k = index - 1; k >= 0; k--) if (!WHITESPACE.test(chars[k].text)) return chars[k].text;
  return null;
}

function nextVisible(chars: Array<{ text: string }>, index: number): string | null {
  for (let k = index + 1; k < chars.length; k++) if (!WHITESPACE.test(chars[k].text)) return chars[k].text;
  return null;
}
