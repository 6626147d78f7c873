// Recognises income item labels (`务工收入`, `（二）政策性收入（元）`) through rules/data/income-synonyms.yaml.
import type { IncomeItems } from '../../../rules/api.js';
import type { IncomeVocabulary } from '../config/rule-data/load-data-tables.js';
import { buildLookup, normalizeLabel, stripNumbering, stripUnit } from './normalize-label.js';

export interface IncomeLabel {
  /** The canonical item, or the sub-item's own name (as listed in the vocabulary) for a part. */
  item: string;
  /** For a sub-item: the canonical item it belongs to. */
  partOf?: string;
  /** 10000 when the label says 万元. */
  scale: number;
}

/** Items counted in people, never scaled by 万元. */
export const COUNT_ITEMS: ReadonlySet<string> = new Set(['家庭人口']);

export type IncomeLabelMatcher = (text: string) => IncomeLabel | null;

const incomeMatchers = new WeakMap<IncomeVocabulary, IncomeLabelMatcher>();

/** One matcher per vocabulary, built once (it is asked for once per income table of every household). */
export function makeIncomeLabelMatcher(vocab: IncomeVocabulary): IncomeLabelMatcher {
  let matcher = incomeMatchers.get(vocab);
  if (matcher === undefined) incomeMatchers.set(vocab, (matcher = buildIncomeLabelMatcher(vocab)));
  return matcher;
}

function buildIncomeLabelMatcher(vocab: IncomeVocabulary): IncomeLabelMatcher {
  const canonical = buildLookup(vocab.incomeSynonyms);
  const parts = new Map<string, { name: string; partOf: string }>();
  for (const [owner, names] of Object.entries(vocab.incomeParts ?? {})) {
    for (const name of names) parts.set(stripUnit(normalizeLabel(name)).label, { name, partOf: owner });
  }
  return (text) => {
    if (!text) return null;
    const { label, scale } = stripUnit(stripNumbering(normalizeLabel(text)));
    const item = canonical.get(label);
    if (item !== undefined) return { item, scale };
    const part = parts.get(label);
    if (part) return { item: part.name, partOf: part.partOf, scale };
    return null;
  };
}

/**
 * Completes items read from a table: a canonical item absent from the table becomes the sum of its
 * sub-items (种植收入 + 养殖收入 → 生产经营性收入); sub-items stay as their own entries.
 */
export function sumParts(items: IncomeItems, parts: Array<{ item: string; partOf: string }>): IncomeItems {
  const result: IncomeItems = { ...items };
  const sums = new Map<string, number>();
  for (const { item, partOf } of parts) {
    if (items[partOf] !== undefined || result[item] === undefined) continue;
    sums.set(partOf, (sums.get(partOf) ?? 0) + result[item]);
  }
  for (const [item, sum] of sums) result[item] = Math.round(sum * 100) / 100;
  return result;
}
