// Text normalisation shared by the stages that compare or search text: documents mix
// full-width and half-width characters, and OCR or PDF text puts spaces between Chinese characters.

const cjk = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
const spaceBetweenCjk = new RegExp(`([${cjk}])[ \\t\\u00a0\\u3000]+(?=[${cjk}])`, 'g');

/** NFKC (full-width digits and letters become half-width, the ideographic space a space). */
export function toHalfWidth(text: string): string {
  return text.normalize('NFKC');
}

/** Removes spaces standing between two Chinese characters (`张 三` → `张三`). */
export function removeCjkSpaces(text: string): string {
  return text.replace(spaceBetweenCjk, '$1');
}

/** Both of the above, plus runs of blanks collapsed to one space and the ends trimmed. */
export function normalizeText(text: string): string {
  return removeCjkSpaces(toHalfWidth(text)).replace(/[ \t\u00a0]+/g, ' ').trim();
}
