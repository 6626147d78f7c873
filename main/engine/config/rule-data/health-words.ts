// Reads the health-word list (`rules/data/health-words.yaml`) for the personal-data check.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { RuleDataError } from './rule-data-error.js';

export interface HealthWordsData {
  healthWords: string[];
  healthWordExceptions: string[];
}

export const defaultHealthWordsPath = fileURLToPath(new URL('../../../../rules/data/health-words.yaml', import.meta.url));

/** Words and their exception phrases: put both in RuleData (`healthWords`, `healthWordExceptions`). */
export async function loadHealthWordList(path: string = defaultHealthWordsPath): Promise<HealthWordsData> {
  return parseHealthWords(await readFile(path, 'utf8'), path);
}

/** The words alone (RuleData.healthWords); without `healthWordExceptions` beside them 精神文明 would count as a health word. */
export async function loadHealthWords(path: string = defaultHealthWordsPath): Promise<string[]> {
  return (await loadHealthWordList(path)).healthWords;
}

/** Throws RuleDataError when the lists are missing or malformed, or an exception contains no word (it would never apply). */
export function parseHealthWords(yamlText: string, source = 'health-words.yaml'): HealthWordsData {
  let raw: unknown;
  try {
    raw = parseYaml(yamlText);
  } catch (error) {
    throw new RuleDataError(`${source}：不是有效的 YAML：${(error as Error).message}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new RuleDataError(`${source}：应包含 words（健康状况用语）和 exceptions（不算的固定说法）两个列表`);
  }
  const record = raw as Record<string, unknown>;
  const healthWords = readWords(record.words, `${source} 的 words`);
  if (healthWords.length === 0) throw new RuleDataError(`${source}：words 不能为空`);
  const healthWordExceptions = readWords(record.exceptions ?? [], `${source} 的 exceptions`);
  for (const exception of healthWordExceptions) {
    if (!healthWords.some((word) => exception.includes(word))) {
      throw new RuleDataError(`${source}：例外“${exception}”不含 words 中的任何词，不会起作用`);
    }
  }
  return { healthWords, healthWordExceptions };
}

function readWords(value: unknown, where: string): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw new RuleDataError(`${where}：应是文字列表`);
  return [...new Set((value as string[]).map((v) => v.trim()).filter((v) => v.length > 0))];
}
