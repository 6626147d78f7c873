// The words a county's checklist table may use for 层级 and 适用条件, read from rules/data/checklist-words.yaml
// (clerks add their own wordings there); each maps to one of the fixed ids below, checked when the file loads.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { Condition, ItemLevel } from '../../../../rules/api.js';

export const conditionIds: Condition[] = ['student', 'compulsory-student', 'disabled', 'dibao', 'tekun', 'risk-eliminated', 'monitored'];

export const levelIds: ItemLevel[] = ['household', 'monitored', 'village'];

const FILE = 'checklist-words.yaml';

function readWords<T extends string>(raw: unknown, section: string, ids: readonly T[]): Record<string, T> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error(`${FILE} 中“${section}”应写成“词: 含义”的列表`);
  const words: Record<string, T> = {};
  for (const [word, id] of Object.entries(raw)) {
    if (!ids.includes(id as T)) throw new Error(`${FILE} 中“${section}”下“${word}”的含义“${String(id)}”无法识别（可用：${ids.join('、')}）`);
    words[word.replace(/\s/g, '')] = id as T;
  }
  return words;
}

const data = parse(readFileSync(fileURLToPath(new URL(`../../../../rules/data/${FILE}`, import.meta.url)), 'utf8')) as Record<string, unknown>;

/** Condition words a county's table may use, and the YAML ids. */
export const conditionWords: Record<string, Condition> = readWords(data.conditions, 'conditions', conditionIds);

export const levelWords: Record<string, ItemLevel> = readWords(data.levels, 'levels', levelIds);
