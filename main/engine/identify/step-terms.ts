// The words procedure steps are recognised by (step names and aliases), matched longest first so a
// short alias inside a longer word (`核查表` inside `入户核查表`, `信息采集表` inside
// `风险消除信息采集表`) never counts for a different step or a different checklist item.
import type { ProcedureDefinition, ProcedureName } from '../../../rules/api.js';

export interface StepCandidate {
  procedure: ProcedureName;
  item: string;
  step: string;
}

export interface StepSpan {
  start: number;
  end: number;
  word: string;
  /** Every procedure step the word names; empty for a masked word (another checklist item). */
  candidates: StepCandidate[];
}

export interface PreparedStepTerms {
  procedures: ProcedureDefinition[];
  /** Normalised word → the steps it names. Masked words map to an empty list. */
  byWord: Map<string, StepCandidate[]>;
  /** Longest first. */
  words: string[];
}

/** Aliases this short are common words (`确认`, `公示`, `比对`): they count in names and headings only, placed as a title word. */
export const shortWordLength = 2;

/** NFKC, without spaces, punctuation or symbols, lower case: the form names and headings are compared in. */
export function normalizeStepText(text: string): string {
  return text.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '').toLowerCase();
}

/**
 * @param maskWords names and aliases of the checklist's other items: where one of them is the longer
 * word (`基本情况核查表`), the step alias inside it (`核查表`) does not count.
 */
export function prepareStepTerms(procedures: ProcedureDefinition[], maskWords: string[] = []): PreparedStepTerms {
  const byWord = new Map<string, StepCandidate[]>();
  for (const word of maskWords.map(normalizeStepText)) if (word) byWord.set(word, []);
  for (const procedure of procedures) {
    for (const step of procedure.steps) {
      for (const raw of [step.name, ...step.aliases]) {
        const word = normalizeStepText(raw);
        if (!word) continue;
        const list = byWord.get(word) ?? [];
        if (!list.some((c) => c.procedure === procedure.name && c.step === step.name)) {
          list.push({ procedure: procedure.name, item: procedure.item, step: step.name });
        }
        byWord.set(word, list);
      }
    }
  }
  const words = [...byWord.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b));
  return { procedures, byWord, words };
}

/** Non-overlapping occurrences of step words in normalised text, longer words winning overlaps. */
export function findStepSpans(text: string, terms: PreparedStepTerms): StepSpan[] {
  if (!text) return [];
  const taken = new Array<boolean>(text.length).fill(false);
  const spans: StepSpan[] = [];
  for (const word of terms.words) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      let isFree = true;
      for (let i = at; i < at + word.length; i++) if (taken[i]) isFree = false;
      if (!isFree) continue;
      for (let i = at; i < at + word.length; i++) taken[i] = true;
      spans.push({ start: at, end: at + word.length, word, candidates: terms.byWord.get(word)! });
    }
  }
  return spans.filter((s) => s.candidates.length > 0).sort((a, b) => a.start - b.start);
}

// Words that say which procedure a folder, file or heading belongs to. `认定` is left out of the
// words that make a file look like a combined procedure document (住房安全认定 is not one).
const contextWords: Record<ProcedureName, RegExp> = {
  识别纳入: /识别|纳入|认定/,
  风险消除: /风险消除|消除|退出/,
};

/** The procedures a name or heading speaks of (`识别纳入程序` → 识别纳入; `风险消除公示` → 风险消除). */
export function readProcedureContext(text: string): ProcedureName[] {
  return (Object.keys(contextWords) as ProcedureName[]).filter((name) => contextWords[name].test(text));
}

/** A name or title that announces a document holding several steps of a procedure. */
export function looksLikeProcedureBundle(text: string): boolean {
  return /程序|识别|纳入|消除|退出/.test(text);
}

/**
 * The steps a word stands for in its context. A word several procedures share (民主评议, 村级公示)
 * goes to the procedure the context names; without one, to the procedure every monitored household
 * has (the one with the fewest conditions), never to both.
 */
export function resolveCandidates(candidates: StepCandidate[], context: ProcedureName[], terms: PreparedStepTerms): StepCandidate[] {
  const inContext = candidates.filter((c) => context.includes(c.procedure));
  if (inContext.length > 0) return inContext;
  const procedures = [...new Set(candidates.map((c) => c.procedure))];
  if (procedures.length === 1) return candidates;
  const rank = (name: ProcedureName): number => {
    const index = terms.procedures.findIndex((p) => p.name === name);
    return (terms.procedures[index]?.conditions.length ?? 99) * 1000 + index;
  };
  const primary = procedures.sort((a, b) => rank(a) - rank(b))[0];
  return candidates.filter((c) => c.procedure === primary);
}
