import ExcelJS from 'exceljs';
import type { Checklist, ChecklistItem, Condition, ItemLevel, ProcedureDefinition, ProcedureName } from '../../../../rules/api.js';
import { ChecklistError } from './checklist-error.js';
import { conditionWords, levelWords } from './conditions.js';
import { validateChecklist } from './parse-checklist-yaml.js';

export interface ParsedChecklist {
  checklist: Checklist;
  /** Rows that could not be read and were skipped, one Chinese sentence each. */
  warnings: string[];
}

const requiredColumns = ['层级', '资料名称', '别名', '适用条件', '是否按年度'] as const;
const optionalColumns = ['所属程序', '步骤顺序', '是否必需', '可代替'] as const;
type Column = (typeof requiredColumns)[number] | (typeof optionalColumns)[number];

/** Conditions that say who the item is for; all must hold. The others are alternatives (低保、特困供养). */
const qualifyingConditions: Condition[] = ['monitored', 'risk-eliminated'];

const cleanHeader = (text: string): string => text.replace(/[\s*＊:：]/g, '');
const splitList = (text: string): string[] =>
  text
    .split(/[、，,;；\s/／]+/)
    .map((s) => s.trim())
    .filter(Boolean);

interface TableRow {
  number: number;
  cells: Partial<Record<Column, string>>;
}

function findHeader(sheet: ExcelJS.Worksheet): { row: number; columns: Map<Column, number> } | null {
  const last = Math.min(sheet.rowCount, 15);
  for (let r = 1; r <= last; r++) {
    const columns = new Map<Column, number>();
    sheet.getRow(r).eachCell({ includeEmpty: false }, (cell, col) => {
      const text = cleanHeader(cell.text ?? '');
      for (const name of [...requiredColumns, ...optionalColumns]) {
        if (text === name && !columns.has(name)) columns.set(name, col);
      }
    });
    if (requiredColumns.every((c) => columns.has(c))) return { row: r, columns };
  }
  return null;
}

function readRows(sheet: ExcelJS.Worksheet, header: { row: number; columns: Map<Column, number> }): TableRow[] {
  const rows: TableRow[] = [];
  for (let r = header.row + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: TableRow['cells'] = {};
    let hasText = false;
    for (const [name, col] of header.columns) {
      const text = (row.getCell(col).text ?? '').trim();
      if (text) {
        cells[name] = text;
        hasText = true;
      }
    }
    if (hasText) rows.push({ number: r, cells });
  }
  return rows;
}

function readConditionCell(text: string | undefined): { all: Condition[]; any: Condition[]; unknown: string[] } {
  const all: Condition[] = [];
  const any: Condition[] = [];
  const unknown: string[] = [];
  for (const word of splitList(text ?? '')) {
    const condition = conditionWords[word];
    if (!condition) unknown.push(word);
    else if (qualifyingConditions.includes(condition)) all.push(condition);
    else any.push(condition);
  }
  return { all, any, unknown };
}

/** Reads a county's checklist from the documented table template (first sheet with the five columns). */
export async function parseChecklistXlsx(buffer: Buffer, source: string): Promise<ParsedChecklist> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch (error) {
    throw new ChecklistError(`资料目录 ${source} 不是有效的 Excel（.xlsx）文件：${(error as Error).message}`);
  }
  let found: { sheet: ExcelJS.Worksheet; header: NonNullable<ReturnType<typeof findHeader>> } | null = null;
  for (const sheet of workbook.worksheets) {
    const header = findHeader(sheet);
    if (header) {
      found = { sheet, header };
      break;
    }
  }
  if (!found) {
    throw new ChecklistError(
      `资料目录 ${source} 中找不到表头：需要一行含有“${requiredColumns.join('”“')}”这几列的表格`,
    );
  }
  const sheetName = found.sheet.name;
  const warnings: string[] = [];
  const items: ChecklistItem[] = [];
  const procedures = new Map<ProcedureName, ProcedureDefinition>();
  const skip = (row: TableRow, problem: string): void => {
    warnings.push(`资料目录 ${source}「${sheetName}」第 ${row.number} 行${problem}，已跳过该行`);
  };

  for (const row of readRows(found.sheet, found.header)) {
    const { cells } = row;
    const name = cells['资料名称'];
    if (!name) {
      skip(row, '没有填写资料名称');
      continue;
    }
    // Every bad cell of the row is named at once, so the clerk fixes the row in one pass.
    const problems: string[] = [];
    const levelText = (cells['层级'] ?? '').replace(/\s/g, '');
    const level: ItemLevel | undefined = levelWords[levelText];
    if (!level) problems.push(`层级“${levelText || '空'}”无法识别，应为 户、监测户 或 村`);
    const conditions = readConditionCell(cells['适用条件']);
    if (conditions.unknown.length > 0) {
      problems.push(`适用条件“${conditions.unknown.join('、')}”无法识别，可用：有在校生、有义务教育在校生、残疾、享受低保、特困供养、风险已消除、监测户`);
    }
    const yearlyText = (cells['是否按年度'] ?? '否').trim();
    if (!['是', '否'].includes(yearlyText)) problems.push(`“是否按年度”应填 是 或 否，而不是“${yearlyText}”`);
    const procedureText = cells['所属程序']?.replace(/程序$/, '');
    if (procedureText && procedureText !== '识别纳入' && procedureText !== '风险消除') {
      problems.push(`所属程序“${procedureText}”无法识别，应为 识别纳入 或 风险消除`);
    }
    const rank = Number(cells['步骤顺序']);
    if (procedureText && !Number.isFinite(rank)) problems.push('是程序步骤，但“步骤顺序”不是数字');
    if (problems.length > 0 || !level) {
      skip(row, `（${name}）的${problems.join('；')}`);
      continue;
    }
    if (procedureText) {
      const procedureName = procedureText as ProcedureName;
      let procedure = procedures.get(procedureName);
      if (!procedure) {
        procedure = {
          name: procedureName,
          item: `${procedureName}程序`,
          level: level === 'village' ? 'monitored' : level,
          conditions: procedureName === '风险消除' ? ['risk-eliminated'] : [],
          steps: [],
        };
        procedures.set(procedureName, procedure);
      }
      for (const c of conditions.all) if (!procedure.conditions.includes(c)) procedure.conditions.push(c);
      procedure.steps.push({
        name,
        aliases: splitList(cells['别名'] ?? ''),
        rank,
        optional: cells['是否必需']?.trim() === '否',
      });
      continue;
    }
    if (items.some((i) => i.name === name)) {
      skip(row, `（${name}）与前面的资料重名`);
      continue;
    }
    items.push({
      name,
      aliases: splitList(cells['别名'] ?? ''),
      level,
      conditions: conditions.all,
      anyOf: conditions.any,
      yearly: yearlyText === '是',
      covers: splitList(cells['可代替'] ?? ''),
      requiredItself: true,
    });
  }
  for (const procedure of procedures.values()) procedure.steps.sort((a, b) => a.rank - b.rank);
  const knownNames = new Set(items.map((i) => i.name));
  for (const item of items) {
    const unknown = item.covers.filter((c) => !knownNames.has(c));
    if (unknown.length > 0) {
      warnings.push(`资料目录 ${source}：资料“${item.name}”的“可代替”中有目录里没有的资料“${unknown.join('、')}”，已忽略`);
      item.covers = item.covers.filter((c) => knownNames.has(c));
    }
  }
  if (items.length === 0 && procedures.size === 0) {
    throw new ChecklistError(`资料目录 ${source}「${sheetName}」中没有可用的资料行`);
  }
  const checklist: Checklist = { name: source.split(/[\\/]/).pop() ?? source, items, procedures: [...procedures.values()], source };
  validateChecklist(checklist);
  return { checklist, warnings };
}
