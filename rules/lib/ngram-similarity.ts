// Near-duplicate texts by the Jaccard similarity of their character n-gram sets. Exact and fast for
// thousands of texts: identical sets are grouped by hash, and the rest are joined with prefix
// filtering (two sets with Jaccard ≥ t must share a token among the first |x| − ⌈t·|x|⌉ + 1 of each,
// tokens ordered rarest first), so only pairs that can reach the threshold are compared.

/** The distinct character n-grams of a text (the whole text when shorter than n). */
export function shingles(text: string, n = 3): string[] {
  const chars = [...text];
  if (chars.length === 0) return [];
  if (chars.length <= n) return [chars.join('')];
  const out = new Set<string>();
  for (let i = 0; i + n <= chars.length; i++) out.add(chars.slice(i, i + n).join(''));
  return [...out];
}

export function jaccard(a: readonly string[], b: readonly string[]): number {
  const setA = new Set(a);
  const setB = new Set(b);
  let common = 0;
  for (const x of setB) if (setA.has(x)) common++;
  const union = setA.size + setB.size - common;
  return union === 0 ? 0 : common / union;
}

export interface SimilarOwners {
  /** Groups of owners linked by similar texts (connected components), each of two owners or more. */
  groups: number[][];
  /** For each owner, its highest similarity to a text of another owner (0 when none). */
  best: Float64Array;
  /** For each owner, the index of its text that reached `best` (−1 when none). */
  bestText: Int32Array;
}

function find(parent: Int32Array, x: number): number {
  while (parent[x] !== x) {
    parent[x] = parent[parent[x]];
    x = parent[x];
  }
  return x;
}

function intersectSize(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      common++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return common;
}

/**
 * Links owners (households) whose texts have Jaccard similarity ≥ `threshold`.
 * @param sets the shingle set of each text; @param owners the owner of each text (`0..ownerCount-1`).
 * Texts of one owner are never compared with each other.
 */
export function groupSimilarOwners(sets: string[][], owners: number[], ownerCount: number, threshold: number): SimilarOwners {
  const best = new Float64Array(ownerCount);
  const bestText = new Int32Array(ownerCount).fill(-1);
  const parent = new Int32Array(ownerCount).map((_, i) => i);

  // Identical sets first: one representative each.
  const byKey = new Map<string, number[]>();
  sets.forEach((set, i) => {
    if (set.length === 0) return;
    const key = [...set].sort().join('\u0001');
    const list = byKey.get(key);
    if (list) list.push(i);
    else byKey.set(key, [i]);
  });
  const groupsOfText = [...byKey.values()];

  const ownersOf = (texts: number[]): number[] => [...new Set(texts.map((t) => owners[t]))];
  // Each text of one group is linked to a text of another owner in the other group: O(|A| + |B|).
  const linkOneWay = (textsA: number[], ownersB: number[], similarity: number): void => {
    for (const a of textsA) {
      const oa = owners[a];
      const partner = ownersB[0] !== oa ? ownersB[0] : ownersB[1];
      if (partner === undefined) continue;
      parent[find(parent, oa)] = find(parent, partner);
      if (similarity > best[oa]) [best[oa], bestText[oa]] = [similarity, a];
    }
  };
  const link = (textsA: number[], textsB: number[], similarity: number): void => {
    linkOneWay(textsA, ownersOf(textsB), similarity);
    linkOneWay(textsB, ownersOf(textsA), similarity);
  };
  for (const texts of groupsOfText) link(texts, texts, 1);

  // Tokens as integers ordered rarest first.
  const frequency = new Map<string, number>();
  for (const texts of groupsOfText) for (const token of sets[texts[0]]) frequency.set(token, (frequency.get(token) ?? 0) + 1);
  const order = [...frequency.keys()].sort((a, b) => frequency.get(a)! - frequency.get(b)! || (a < b ? -1 : 1));
  const tokenId = new Map(order.map((t, i) => [t, i]));
  const reps = groupsOfText
    .map((texts) => ({ texts, tokens: Int32Array.from(sets[texts[0]].map((t) => tokenId.get(t)!)).sort() }))
    .sort((a, b) => a.tokens.length - b.tokens.length);

  const index = new Map<number, number[]>();
  const seenAt = new Int32Array(reps.length).fill(-1);
  for (let x = 0; x < reps.length; x++) {
    const tokens = reps[x].tokens;
    const size = tokens.length;
    const prefix = size - Math.ceil(threshold * size) + 1;
    for (let p = 0; p < prefix; p++) {
      const list = index.get(tokens[p]);
      if (!list) continue;
      for (const y of list) {
        if (seenAt[y] === x) continue;
        seenAt[y] = x;
        const other = reps[y].tokens;
        if (other.length < threshold * size) continue;
        const common = intersectSize(tokens, other);
        const similarity = common / (size + other.length - common);
        if (similarity >= threshold) link(reps[x].texts, reps[y].texts, similarity);
      }
    }
    for (let p = 0; p < prefix; p++) {
      const list = index.get(tokens[p]);
      if (list) list.push(x);
      else index.set(tokens[p], [x]);
    }
  }

  const members = new Map<number, number[]>();
  for (let o = 0; o < ownerCount; o++) {
    if (bestText[o] < 0) continue;
    const root = find(parent, o);
    const list = members.get(root);
    if (list) list.push(o);
    else members.set(root, [o]);
  }
  return { groups: [...members.values()].filter((g) => g.length > 1), best, bestText };
}
