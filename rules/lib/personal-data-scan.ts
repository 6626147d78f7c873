// Finds what a public notice must not show: full ID numbers, mobile numbers, bank card numbers and
// words that reveal a health condition. Masked numbers (`620422********1234`) are not findings.
import { isLuhnValid, isValidIdNumber, maskNumber } from './id-number.js';
import { normalizeText } from './normalize-text.js';

export type PersonalDataKind = 'id-number' | 'phone' | 'bank-account' | 'health';

export interface PersonalDataHit {
  kind: PersonalDataKind;
  /** Safe to show: numbers masked, a health word as written in the dictionary. */
  sample: string;
}

export interface HealthWordList {
  words: string[];
  /** Phrases a word may stand in without exposing anything (精神文明, 大病保险). */
  exceptions: string[];
}

// A number as written: four-digit groups split by spaces or hyphens (cards), 3-4-4 (mobiles), or one
// run. `*` next to digits means masked: such a run is not a number.
const NUMBER_TOKEN =
  /(?<![\d*])(?:\d{4}(?:[ -]\d{4}){3}(?:[ -]?\d{1,3})?|1[3-9]\d[ -]\d{4}[ -]\d{4}|\d+[Xx]?)(?![\d*])(?![A-Za-z])/g;

/** A word list normalized once (full-width folded, spaces dropped) for many texts. */
export interface PreparedHealthWords {
  words: string[];
  exceptions: string[];
}

export function prepareHealthWords(list: HealthWordList): PreparedHealthWords {
  const prepare = (words: string[]): string[] => words.map((w) => normalizeText(w).text).filter((w) => w.length > 0);
  return { words: prepare(list.words), exceptions: prepare(list.exceptions) };
}

export function findPersonalData(text: string, health: PreparedHealthWords): PersonalDataHit[] {
  const norm = normalizeText(text).text;
  const hits: PersonalDataHit[] = [];
  for (const m of norm.matchAll(NUMBER_TOKEN)) {
    const hit = classifyNumber(m[0].replace(/[ -]/g, ''), norm.slice(Math.max(0, m.index - 8), m.index));
    if (hit !== null) hits.push(hit);
  }
  return [...hits, ...findHealthWords(norm, health)];
}

// A household or file number of card length (户编号 620422…, 档案号) is labelled as such; a card is not.
const NUMBERING_LABEL = /(?:编号|户号|档案号|序号|证号|代码|单号|批号|文号)[:：]?\s*$/;

function classifyNumber(digits: string, before: string): PersonalDataHit | null {
  // 20 or 22 characters: an ID with a disability-card suffix appended.
  if ((digits.length === 18 || digits.length === 20 || digits.length === 22) && isValidIdNumber(digits.slice(0, 18))) {
    return { kind: 'id-number', sample: maskNumber(digits) };
  }
  if (/^1[3-9]\d{9}$/.test(digits)) return { kind: 'phone', sample: maskNumber(digits, 3, 4) };
  if (/^861[3-9]\d{9}$/.test(digits)) return { kind: 'phone', sample: maskNumber(digits.slice(2), 3, 4) };
  if (/^\d{16,19}$/.test(digits) && isLuhnValid(digits) && !NUMBERING_LABEL.test(before)) return { kind: 'bank-account', sample: maskNumber(digits) };
  return null;
}

interface WordSpan {
  word: string;
  start: number;
  end: number;
}

/** Health words outside their exception phrases; the longest word at a place (重度残疾, not also 残疾). */
function findHealthWords(norm: string, health: PreparedHealthWords): PersonalDataHit[] {
  const exceptions = health.exceptions.flatMap((e) => spansOf(norm, e));
  const candidates = health.words
    .flatMap((w) => spansOf(norm, w))
    .filter((s) => !exceptions.some((x) => x.start <= s.start && s.end <= x.end))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const hits: PersonalDataHit[] = [];
  let reach = 0;
  for (const span of candidates) {
    if (span.start < reach) continue;
    hits.push({ kind: 'health', sample: span.word });
    reach = span.end;
  }
  return hits;
}

function spansOf(text: string, word: string): WordSpan[] {
  if (word === '') return [];
  const spans: WordSpan[] = [];
  for (let i = text.indexOf(word); i !== -1; i = text.indexOf(word, i + 1)) spans.push({ word, start: i, end: i + word.length });
  return spans;
}
