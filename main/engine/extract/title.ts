// Picks a document's own title from its first paragraphs, the way a clerk reads the page top.

export type TitleCandidate = { text: string; isHeading: boolean } | { table: string[][] };

/** Lines that stand above a title without being one (`附件1`, `编号：`). */
const preamble = /^(附件\s*[\d一二三四五六七八九十]*\s*[:：]?|编号[:：].*|No\.?\s*\d*)$/i;
const maxTitleLength = 60;
/** Only the top of the document speaks for its title. */
const lookahead = 6;

/**
 * The first heading-styled paragraph near the top; else the first short non-empty paragraph;
 * else, for a document that starts with a table, the table's first row when it is one merged cell.
 */
export function pickTitle(candidates: readonly TitleCandidate[]): string | null {
  const top = candidates.slice(0, lookahead);
  const heading = top.find((c): c is { text: string; isHeading: boolean } => 'text' in c && c.isHeading && c.text.length <= maxTitleLength * 2);
  if (heading) return cleanTitle(heading.text);
  for (const c of top) {
    if ('table' in c) {
      const first = c.table[0]?.filter((t) => t !== '') ?? [];
      if (first.length > 0 && first.every((t) => t === first[0]) && first[0].length <= maxTitleLength) return cleanTitle(first[0]);
      return null;
    }
    if (preamble.test(c.text)) continue;
    return c.text.length <= maxTitleLength ? cleanTitle(c.text) : null;
  }
  return null;
}

function cleanTitle(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
