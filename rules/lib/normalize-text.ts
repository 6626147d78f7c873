// Text as matchers see it: full-width forms folded to half-width (NFKC per character) and the
// spaces OCR puts between Chinese characters (`贫 困 户`) removed, with a map back to the original
// so a hit can be reported and replaced where it was written.
//
// Every piece of text in the archive passes through here, so it works character by character
// without regular expressions or per-character objects.

export interface NormalizedText {
  text: string;
  /** For each character of `text`, the offset of its source character in the original. */
  starts: number[];
  /** For each character of `text`, the offset just after its source character in the original. */
  ends: number[];
}

const ASCII_WORD = /[0-9A-Za-z]/;
const WHITESPACE = /[\s\u3000]/u;

/** NFKC of one character, remembered: an archive uses the same few hundred non-ASCII characters. */
const folded = new Map<string, string>();

function fold(char: string, code: number): string {
  // ASCII and the common CJK ideographs are their own NFKC form.
  if (code < 0x80 || (code >= 0x4e00 && code <= 0x9fff)) return char;
  let result = folded.get(char);
  if (result === undefined) {
    result = char.normalize('NFKC');
    if (folded.size < 65536) folded.set(char, result);
  }
  return result;
}

/** The characters `\s` matches (U+3000 among them). */
function isSpaceCode(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return code === 0x85;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

function isSpace(piece: string): boolean {
  return piece.length === 1 ? isSpaceCode(piece.charCodeAt(0)) : WHITESPACE.test(piece);
}

export function normalizeText(original: string): NormalizedText {
  const length = original.length;
  const pieces: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  // The folded character at `at` (a surrogate pair is one) and where the next one starts.
  let piece = '';
  let next = 0;
  const read = (at: number): void => {
    const code = original.charCodeAt(at);
    if (code >= 0xd800 && code <= 0xdbff && at + 1 < length) {
      piece = fold(original.slice(at, at + 2), code);
      next = at + 2;
    } else {
      piece = fold(original[at], code);
      next = at + 1;
    }
  };
  let lastVisible: string | null = null;
  for (let i = 0; i < length; ) {
    read(i);
    if (!isSpace(piece)) {
      pieces.push(piece);
      for (let u = 0; u < piece.length; u++) {
        starts.push(i);
        ends.push(next);
      }
      lastVisible = piece;
      i = next;
      continue;
    }
    // A run of spaces. Between two ASCII words (`Sheet 1`, `6222 0212`) it means something and
    // stays as one space, mapped to the run's first character; elsewhere it is layout.
    const runStart = i;
    const firstEnd = next;
    let j = next;
    let after: string | null = null;
    while (j < length) {
      read(j);
      if (!isSpace(piece)) {
        after = piece;
        break;
      }
      j = next;
    }
    if (lastVisible !== null && after !== null && ASCII_WORD.test(lastVisible) && ASCII_WORD.test(after)) {
      pieces.push(' ');
      starts.push(runStart);
      ends.push(firstEnd);
    }
    i = j;
  }
  return { text: pieces.join(''), starts, ends };
}

/** The original span of normalized characters `[start, end)`. */
export function originalSpan(normalized: NormalizedText, start: number, end: number): { start: number; end: number } {
  return { start: normalized.starts[start], end: normalized.ends[end - 1] };
}
