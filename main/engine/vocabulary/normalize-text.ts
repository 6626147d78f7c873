// Documents mix full-width and half-width characters; dates and amounts are searched in the half-width form. (The
// retired-term and personal-data checks normalise text their own way, keeping positions: rules/lib/normalize-text.ts.)

/** NFKC (full-width digits and letters become half-width, the ideographic space a space). */
export function toHalfWidth(text: string): string {
  return text.normalize('NFKC');
}
