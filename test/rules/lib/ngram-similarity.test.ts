import { describe, expect, it } from 'vitest';
import { groupSimilarOwners, jaccard, shingles } from '../../../rules/lib/ngram-similarity.js';

describe('groupSimilarOwners', () => {
  it('finds exactly the pairs an all-pairs comparison finds, with the same best similarity', () => {
    let seed = 11;
    const random = (): number => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return seed / 4294967296;
    };
    const alphabet = '发展养殖务工就业公益岗位教育资助医疗救助危房改造落实政策';
    const bases = Array.from({ length: 6 }, () => Array.from({ length: 60 }, () => alphabet[Math.floor(random() * alphabet.length)]));
    const texts = Array.from({ length: 240 }, (_, i) => {
      const chars = [...bases[i % bases.length]];
      const edits = Math.floor(random() * 8);
      for (let k = 0; k < edits; k++) chars[Math.floor(random() * chars.length)] = alphabet[Math.floor(random() * alphabet.length)];
      return chars.join('');
    });
    const sets = texts.map((t) => shingles(t, 2));
    // Two texts per owner for the first 40 owners: an owner's own texts are never compared.
    const owners = texts.map((_, i) => (i < 80 ? Math.floor(i / 2) : i - 40));
    const ownerCount = 200;
    const threshold = 0.8;
    const result = groupSimilarOwners(sets, owners, ownerCount, threshold);

    const expected = new Float64Array(ownerCount);
    for (let a = 0; a < texts.length; a++) {
      for (let b = 0; b < texts.length; b++) {
        if (owners[a] === owners[b]) continue;
        const s = jaccard(sets[a], sets[b]);
        if (s >= threshold && s > expected[owners[a]]) expected[owners[a]] = s;
      }
    }
    expect([...expected].some((s) => s > threshold && s < 1)).toBe(true);
    expect([...expected].filter((s) => s === 0).length).toBeGreaterThan(0);
    expect([...result.best].map((s) => s.toFixed(6))).toEqual([...expected].map((s) => s.toFixed(6)));
    expect(result.groups.flat().sort((x, y) => x - y)).toEqual([...expected.keys()].filter((o) => expected[o] > 0));
  });

  it('never links an owner to itself', () => {
    const set = shingles('发展肉牛养殖申请产业奖补资金', 2);
    expect(groupSimilarOwners([set, set], [0, 0], 1, 0.9).groups).toEqual([]);
    expect(groupSimilarOwners([set, set], [0, 1], 2, 0.9).groups).toEqual([[0, 1]]);
  });
});
