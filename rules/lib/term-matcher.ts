// Finds retired terms in a piece of text: the longest term at a place, never inside an exempt
// compound, never where the wording speaks of the past (see term-context.ts).
import type { RetiredTerm } from '../api.js';
import { normalizeText, originalSpan } from './normalize-text.js';
import {
  findQuotedTitles,
  hasFormerPrefix,
  isAnchoredBefore,
  isBodyBeingReorganised,
  isGovernedByFormer,
  isIssuerOfCitation,
  isRenamedHere,
  type Span,
} from './term-context.js';

export interface CompiledTerm {
  entry: RetiredTerm;
  regexes: RegExp[];
  /** The suggestion's alternatives, normalized (`脱贫户 / 监测对象` → two). */
  alternatives: string[];
}

export interface TermDictionary {
  terms: CompiledTerm[];
  /** Normalized exempt compounds. */
  exempt: string[];
  /** Every pattern in one expression: most text matches none of them and is done with in one pass. */
  any: RegExp;
}

export interface TermHit {
  term: RetiredTerm;
  /** Offsets in the original text. */
  start: number;
  end: number;
  /** The text as written there. */
  matched: string;
}

export interface FindTermsOptions {
  /** Skip `《…》` titles and the issuer named before a title or 文号. Default true. */
  ignoreQuotedTitles?: boolean;
  /**
   * Text running into this one (a PDF line's unfinished sentence from the line before): read for
   * context and for a term broken across the lines, never reported on its own.
   */
  lead?: string;
  /** Which terms to report (e.g. those retired by the audit date); all by default. */
  isActive?: (term: RetiredTerm) => boolean;
}

/** Compiles patterns (throws naming the term when one is not a valid expression or matches nothing). */
export function compileTermDictionary(terms: RetiredTerm[], exempt: string[]): TermDictionary {
  const compiled = terms.map((entry) => {
    const sources = entry.patterns.length > 0 ? entry.patterns : [escapeRegExp(entry.term)];
    const regexes = sources.map((source) => {
      let regex: RegExp;
      try {
        regex = new RegExp(source, 'gu');
      } catch (error) {
        throw new Error(`停用表述“${entry.term}”的匹配式 ${source} 无效：${(error as Error).message}`);
      }
      if (regex.test('')) throw new Error(`停用表述“${entry.term}”的匹配式 ${source} 会匹配空文本`);
      return regex;
    });
    return { entry, regexes, alternatives: suggestionAlternatives(entry.suggestion).map((s) => normalizeText(s).text) };
  });
  const any = new RegExp(compiled.flatMap((t) => t.regexes.map((r) => `(?:${r.source})`)).join('|') || '(?!)', 'u');
  return { terms: compiled, exempt: exempt.map((e) => normalizeText(e).text).filter((e) => e.length > 0), any };
}

/** `脱贫户 / 监测对象` → [`脱贫户`, `监测对象`]; the first is the replacement. */
export function suggestionAlternatives(suggestion: string): string[] {
  return suggestion
    .split(/\s*[/／]\s*/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

interface Candidate extends Span {
  term: CompiledTerm;
}

export function findRetiredTerms(text: string, dictionary: TermDictionary, options: FindTermsOptions = {}): TermHit[] {
  // Numbers, codes and dates (most spreadsheet cells) hold no Chinese term.
  if (!/[^\x00-\x7f]/.test(text)) return [];
  const ignoreQuotedTitles = options.ignoreQuotedTitles ?? true;
  const lead = options.lead ?? '';
  const full = lead + text;
  const normalized = normalizeText(full);
  const norm = normalized.text;
  if (!dictionary.any.test(norm)) return [];
  const exemptSpans = dictionary.exempt.flatMap((e) => occurrences(norm, e));
  const candidates = collectCandidates(norm, dictionary).filter(
    // A compound that begins with an exempt term keeps everything overlapping it (光伏扶贫资金).
    (c) => !exemptSpans.some((x) => x.start <= c.start && c.start < x.end),
  );
  const titles = ignoreQuotedTitles ? findQuotedTitles(norm) : [];
  const hits: TermHit[] = [];
  for (const c of selectLongest(candidates)) {
    const entry = c.term.entry;
    if (options.isActive && !options.isActive(entry)) continue;
    if (titles.some((t) => t.start <= c.start && c.end <= t.end)) continue;
    if (ignoreQuotedTitles && isIssuerOfCitation(norm, c.end)) continue;
    if (hasFormerPrefix(norm, c.start) || isGovernedByFormer(norm, c.start)) continue;
    if (isRenamedHere(norm, c.end) || isBodyBeingReorganised(norm, c.start, c.end)) continue;
    if (isAnchoredBefore(norm, c.start, c.end, entry.retiredOn)) continue;
    if (readsAsSuggestion(norm, c)) continue;
    const span = originalSpan(normalized, c.start, c.end);
    if (span.end <= lead.length) continue;
    const start = Math.max(0, span.start - lead.length);
    hits.push({ term: entry, start, end: span.end - lead.length, matched: text.slice(start, span.end - lead.length) });
  }
  return hits;
}

/** The text with each hit replaced by the first alternative of its suggestion. */
export function replaceWithSuggestions(text: string, hits: TermHit[]): string {
  let result = '';
  let at = 0;
  for (const hit of [...hits].sort((a, b) => a.start - b.start)) {
    result += text.slice(at, hit.start) + suggestionAlternatives(hit.term.suggestion)[0];
    at = hit.end;
  }
  return result + text.slice(at);
}

function collectCandidates(norm: string, dictionary: TermDictionary): Candidate[] {
  const candidates: Candidate[] = [];
  for (const term of dictionary.terms) {
    for (const regex of term.regexes) {
      regex.lastIndex = 0;
      for (let m = regex.exec(norm); m !== null; m = regex.exec(norm)) {
        if (m[0].length === 0) {
          regex.lastIndex++;
          continue;
        }
        candidates.push({ term, start: m.index, end: m.index + m[0].length });
      }
    }
  }
  return candidates;
}

/** Leftmost, then longest; a candidate overlapping a chosen one is dropped (建档立卡贫困户, not also 贫困户). */
function selectLongest(candidates: Candidate[]): Candidate[] {
  const sorted = [...candidates].sort((a, b) => a.start - b.start || b.end - a.end);
  const chosen: Candidate[] = [];
  let reach = 0;
  for (const c of sorted) {
    if (c.start < reach) continue;
    chosen.push(c);
    reach = c.end;
  }
  return chosen;
}

function readsAsSuggestion(norm: string, c: Candidate): boolean {
  return c.term.alternatives.some((alt) =>
    occurrences(norm, alt).some((o) => o.start <= c.start && c.end <= o.end),
  );
}

function occurrences(text: string, needle: string): Span[] {
  const spans: Span[] = [];
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) {
    spans.push({ start: i, end: i + needle.length });
  }
  return spans;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
