import { parse as parseYaml } from 'yaml';
import type {
  Checklist,
  ChecklistItem,
  Condition,
  ItemLevel,
  ProcedureDefinition,
  ProcedureName,
  ProcedureStep,
} from '../../../../rules/api.js';
import { ChecklistError } from './checklist-error.js';
import { conditionIds, levelIds } from './conditions.js';

const procedureNames: ProcedureName[] = ['识别纳入', '风险消除'];

type Raw = Record<string, unknown>;

function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readStringList(value: unknown, where: string, field: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' && typeof v !== 'number')) {
    throw new ChecklistError(`${where}：“${field}”应是文字列表，例如 [甲, 乙]`);
  }
  return value.map((v) => String(v).trim()).filter(Boolean);
}

function readConditions(value: unknown, where: string, field: string): Condition[] {
  const words = readStringList(value, where, field);
  for (const word of words) {
    if (!conditionIds.includes(word as Condition)) {
      throw new ChecklistError(`${where}：未知的适用条件“${word}”，可用的有 ${conditionIds.join('、')}`);
    }
  }
  return words as Condition[];
}

function readLevel(value: unknown, where: string): ItemLevel {
  if (!levelIds.includes(value as ItemLevel)) {
    throw new ChecklistError(`${where}：层级“${String(value)}”无法识别，应为 household（每户）、monitored（监测户）或 village（村）`);
  }
  return value as ItemLevel;
}

function readItem(raw: unknown, index: number, source: string): ChecklistItem {
  const where = `${source} 第 ${index + 1} 项资料`;
  if (!isRecord(raw) || typeof raw.name !== 'string' || !raw.name.trim()) {
    throw new ChecklistError(`${where}：缺少资料名称（name）`);
  }
  const named = `${where}（${raw.name}）`;
  const maxAge = raw.maxAgeMonths;
  if (maxAge !== undefined && (typeof maxAge !== 'number' || maxAge <= 0)) {
    throw new ChecklistError(`${named}：maxAgeMonths 应是正整数（月数）`);
  }
  return {
    name: raw.name.trim(),
    aliases: readStringList(raw.aliases, named, 'aliases'),
    level: readLevel(raw.level, named),
    conditions: readConditions(raw.when, named, 'when'),
    anyOf: readConditions(raw.anyOf, named, 'anyOf'),
    yearly: raw.yearly === true,
    covers: readStringList(raw.covers, named, 'covers'),
    requiredItself: raw.requiredItself !== false,
    ...(typeof maxAge === 'number' ? { maxAgeMonths: maxAge } : {}),
  };
}

function readStep(raw: unknown, index: number, where: string): ProcedureStep {
  const stepWhere = `${where} 第 ${index + 1} 步`;
  if (!isRecord(raw) || typeof raw.name !== 'string' || !raw.name.trim()) {
    throw new ChecklistError(`${stepWhere}：缺少步骤名称（name）`);
  }
  if (typeof raw.rank !== 'number') {
    throw new ChecklistError(`${stepWhere}（${raw.name}）：缺少步骤顺序（rank，数字）`);
  }
  return {
    name: raw.name.trim(),
    aliases: readStringList(raw.aliases, stepWhere, 'aliases'),
    rank: raw.rank,
    optional: raw.optional === true,
  };
}

function readProcedure(raw: unknown, index: number, source: string): ProcedureDefinition {
  const where = `${source} 第 ${index + 1} 个程序`;
  if (!isRecord(raw) || !procedureNames.includes(raw.name as ProcedureName)) {
    throw new ChecklistError(`${where}：程序名称应为“识别纳入”或“风险消除”`);
  }
  if (!Array.isArray(raw.steps) || raw.steps.length === 0) {
    throw new ChecklistError(`${where}（${String(raw.name)}）：没有步骤（steps）`);
  }
  return {
    name: raw.name as ProcedureName,
    item: typeof raw.item === 'string' ? raw.item : `${String(raw.name)}程序`,
    level: raw.level === undefined ? 'monitored' : readLevel(raw.level, where),
    conditions: readConditions(raw.when, where, 'when'),
    steps: raw.steps.map((s, i) => readStep(s, i, `${where}（${String(raw.name)}）`)),
  };
}

/** Parses a checklist written in the YAML form of rules/data/checklist.yaml. */
export function parseChecklistYaml(text: string, source: string): Checklist {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (error) {
    throw new ChecklistError(`资料目录 ${source} 不是有效的 YAML：${(error as Error).message}`);
  }
  if (!isRecord(doc) || !Array.isArray(doc.items)) {
    throw new ChecklistError(`资料目录 ${source} 中没有资料清单（items）`);
  }
  const items = doc.items.map((raw, i) => readItem(raw, i, source));
  const procedures = Array.isArray(doc.procedures) ? doc.procedures.map((raw, i) => readProcedure(raw, i, source)) : [];
  const checklist: Checklist = {
    name: typeof doc.name === 'string' ? doc.name : source,
    items,
    procedures,
    source,
  };
  validateChecklist(checklist);
  return checklist;
}

/** Checks what no single entry can: duplicate names and covers naming unknown items. */
export function validateChecklist(checklist: Checklist): void {
  const names = new Set<string>();
  for (const item of checklist.items) {
    if (names.has(item.name)) throw new ChecklistError(`资料目录 ${checklist.source}：资料“${item.name}”重复出现`);
    names.add(item.name);
  }
  for (const item of checklist.items) {
    for (const covered of item.covers) {
      if (!names.has(covered)) {
        throw new ChecklistError(`资料目录 ${checklist.source}：资料“${item.name}”声明可代替“${covered}”，但目录中没有“${covered}”`);
      }
    }
  }
}
