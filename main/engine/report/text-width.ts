// Spreadsheet column widths and terminal columns count in Latin characters; a CJK character
// (or a full-width form) takes two.
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    width += WIDE.test(char) || code >= 0x20000 ? 2 : 1;
  }
  return width;
}

/** Cuts text to at most `max` display columns, ending with `…` when cut. */
export function truncateToWidth(text: string, max: number): string {
  if (displayWidth(text) <= max) return text;
  let out = '';
  let width = 0;
  for (const char of text) {
    const w = displayWidth(char);
    if (width + w > max - 1) break;
    out += char;
    width += w;
  }
  return out + '…';
}
