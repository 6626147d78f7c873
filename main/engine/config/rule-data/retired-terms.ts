// Reads the retired-wording dictionary (`rules/data/retired-terms.yaml`, prh-like): validates each
// entry, compiles its patterns and runs its `specs`, so a wrong edit fails at load with the entry named.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import type { RetiredTerm, Severity } from '../../../../rules/api.js';
import { compileTermDictionary, findRetiredTerms, replaceWithSuggestions, type TermDictionary } from '../../../../rules/index.js';
import { RuleDataError } from './rule-data-error.js';

export interface RetiredTermsData {
  retiredTerms: RetiredTerm[];
  exemptTerms: string[];
}

export interface SpecFailure {
  term: string;
  from: string;
  expected: string | null;
  actual: string | null;
}

export const defaultRetiredTermsPath = fileURLToPath(new URL('../../../../rules/data/retired-terms.yaml', import.meta.url));

const severities: Severity[] = ['error', 'warning', 'info'];

export async function loadRetiredTerms(path: string = defaultRetiredTermsPath): Promise<RetiredTermsData> {
  return parseRetiredTerms(await readFile(path, 'utf8'), path);
}

/** Parses and validates the dictionary, then runs its specs; throws RuleDataError naming the failing entry or spec. */
export function parseRetiredTerms(yamlText: string, source = 'retired-terms.yaml'): RetiredTermsData {
  let raw: unknown;
  try {
    raw = parseYaml(yamlText);
  } catch (error) {
    throw new RuleDataError(`${source}：不是有效的 YAML：${(error as Error).message}`);
  }
  if (!isRecord(raw)) throw new RuleDataError(`${source}：应包含 terms（停用表述列表）和 exempt（不标出的说法）`);
  if (!Array.isArray(raw.terms)) throw new RuleDataError(`${source}：缺少 terms 列表`);
  const exemptTerms = readStrings(raw.exempt ?? [], `${source} 的 exempt`);
  const retiredTerms = raw.terms.map((entry, index) => readTerm(entry, `${source} 第 ${index + 1} 条`));
  const seen = new Set<string>();
  for (const t of retiredTerms) {
    if (seen.has(t.term)) throw new RuleDataError(`${source}：停用表述“${t.term}”出现了两次`);
    seen.add(t.term);
  }
  const data = { retiredTerms, exemptTerms };
  let dictionary: TermDictionary;
  try {
    dictionary = compileTermDictionary(retiredTerms, exemptTerms);
  } catch (error) {
    throw new RuleDataError(`${source}：${(error as Error).message}`);
  }
  const failures = checkTermSpecs(data, dictionary);
  if (failures.length > 0) {
    const f = failures[0];
    throw new RuleDataError(
      `${source}：停用表述“${f.term}”的自测用例不通过：“${f.from}”应得到${show(f.expected)}，实际得到${show(f.actual)}` +
        (failures.length > 1 ? `（另有 ${failures.length - 1} 条不通过）` : ''),
    );
  }
  return data;
}

/**
 * Runs every entry's specs against the whole dictionary (so longest match and exempt compounds apply):
 * `to` is the text with each flagged term replaced by its first suggestion, `null` when nothing is
 * flagged. A `to` must itself come out clean, or the suggestion would be flagged again.
 */
export function checkTermSpecs(data: RetiredTermsData, dictionary = compileTermDictionary(data.retiredTerms, data.exemptTerms)): SpecFailure[] {
  const failures: SpecFailure[] = [];
  const apply = (text: string): string | null => {
    const hits = findRetiredTerms(text, dictionary);
    return hits.length === 0 ? null : replaceWithSuggestions(text, hits);
  };
  for (const term of data.retiredTerms) {
    for (const spec of term.specs) {
      const actual = apply(spec.from);
      if (actual !== spec.to) failures.push({ term: term.term, from: spec.from, expected: spec.to, actual });
      else if (spec.to !== null && apply(spec.to) !== null) {
        failures.push({ term: term.term, from: spec.to, expected: null, actual: apply(spec.to) });
      }
    }
  }
  return failures;
}

function readTerm(raw: unknown, where: string): RetiredTerm {
  if (!isRecord(raw) || typeof raw.term !== 'string' || raw.term.trim() === '') {
    throw new RuleDataError(`${where}：缺少停用表述（term）`);
  }
  const named = `${where}（${raw.term}）`;
  if (typeof raw.suggestion !== 'string' || raw.suggestion.trim() === '') {
    throw new RuleDataError(`${named}：缺少建议表述（suggestion）`);
  }
  const retiredOn = raw.retiredOn instanceof Date ? raw.retiredOn.toISOString().slice(0, 10) : raw.retiredOn;
  if (typeof retiredOn !== 'string' || !isValidDate(retiredOn)) {
    throw new RuleDataError(`${named}：停用日期（retiredOn）应写成 YYYY-MM-DD`);
  }
  const severity = raw.severity ?? 'error';
  if (!severities.includes(severity as Severity)) {
    throw new RuleDataError(`${named}：severity 应为 error、warning 或 info`);
  }
  if (raw.note !== undefined && typeof raw.note !== 'string') throw new RuleDataError(`${named}：note 应是一段文字`);
  return {
    term: raw.term.trim(),
    patterns: readStrings(raw.patterns ?? [], `${named} 的 patterns`),
    suggestion: raw.suggestion.trim(),
    retiredOn,
    severity: severity as Severity,
    ...(typeof raw.note === 'string' ? { note: raw.note } : {}),
    specs: readSpecs(raw.specs ?? [], named),
  };
}

function readSpecs(raw: unknown, where: string): RetiredTerm['specs'] {
  if (!Array.isArray(raw)) throw new RuleDataError(`${where}：specs 应是 {from, to} 的列表`);
  return raw.map((spec, i) => {
    if (!isRecord(spec) || typeof spec.from !== 'string' || !(typeof spec.to === 'string' || spec.to === null)) {
      throw new RuleDataError(`${where} 的第 ${i + 1} 个 spec：应写成 { from: 原文, to: 改后文字或 null }`);
    }
    return { from: spec.from, to: spec.to };
  });
}

function readStrings(raw: unknown, where: string): string[] {
  if (!Array.isArray(raw) || raw.some((v) => typeof v !== 'string')) {
    throw new RuleDataError(`${where}：应是文字列表`);
  }
  return (raw as string[]).map((v) => v.trim()).filter((v) => v.length > 0);
}

function isValidDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(text: string | null): string {
  return text === null ? '“不标出”' : `“${text}”`;
}
