// Reads a monitoring-system export (person rows with the household's fields repeated) into households.
// Column names vary between exports and years; they are matched through rules/data/system-columns.yaml
// and rules/data/income-synonyms.yaml, so a new spelling is a data change, not a code change.
import type { ExtractedContent, HouseholdFacts, IncomeItems, Member, SystemHousehold, TextTable } from '../../../rules/api.js';
import { parseAmount } from '../vocabulary/parse-amount.js';
import { COUNT_ITEMS } from '../vocabulary/income-labels.js';
import type { ExportVocabulary } from '../config/rule-data/load-data-tables.js';
import { findHeaderRow, makeHeaderMatcher, type ColumnMap } from '../vocabulary/match-columns.js';
import { buildMemberFromRow, isYes } from './member-flags.js';
import { parseCellDate } from '../vocabulary/parse-cell-date.js';
import { incomeYearForDay } from '../../../rules/index.js';

export interface SystemExportResult {
  households: SystemHousehold[];
  /** The person roster (has 证件号码 and 与户主关系), not a 户信息 / 务工 / 行政村 workbook. */
  isRoster: boolean;
  /** Chinese sentences for the report's notices. */
  problems: string[];
}

interface RosterSheet {
  table: TextTable;
  headerIndex: number;
  columns: ColumnMap;
}

const EMPTY = /^(无|否|\/|-|—|－|空|未|非监测对象|不是监测对象)?$/;

/** 是 / 已消除 say eliminated, 否 / 未消除 say not; with the column blank, an elimination date says so. */
function isEliminated(text: string, eliminatedOn: string | null): boolean {
  if (text === '') return eliminatedOn !== null;
  return isYes(text) && !/未|不/.test(text);
}

function isRosterColumns(columns: ColumnMap): boolean {
  return columns.system.has('姓名') && columns.system.has('证件号码') && columns.system.has('与户主关系');
}

function findRosterSheets(content: ExtractedContent, vocab: ExportVocabulary): { sheets: RosterSheet[]; exportLike: boolean } {
  const match = makeHeaderMatcher(vocab);
  const sheets: RosterSheet[] = [];
  let exportLike = false;
  for (const table of content.tables) {
    const header = findHeaderRow(table.rows, match);
    if (!header) continue;
    const { system } = header.columns;
    if (system.has('村') && (system.has('户编号') || system.has('证件号码') || system.has('姓名') || system.has('户主姓名'))) {
      exportLike = true;
    }
    if (isRosterColumns(header.columns)) sheets.push({ table, headerIndex: header.index, columns: header.columns });
  }
  return { sheets, exportLike };
}

/** Whether a file's header row looks like a system export (a village column and people or households). */
export function looksLikeSystemExport(content: ExtractedContent, vocab: ExportVocabulary): boolean {
  // A household's own member table has 姓名, 证件号码 and 与户主关系 too; only an export adds the
  // village or the household number, since it lists many households.
  const { sheets, exportLike } = findRosterSheets(content, vocab);
  return exportLike || sheets.some((s) => s.columns.system.has('户编号'));
}

/** The income year the export states: a 年度 cell, `2024年度` / `2024年…收入` in a title row, the sheet or the file
 * name, else the 导出日期 in a title row (the 12 months before it, domain.md). */
function readIncomeYear(sheet: RosterSheet, title: string | null, yearCell: string, relPath: string): { year: number; how: string } | undefined {
  const fromCell = /(20\d{2})/.exec(yearCell.normalize('NFKC'));
  if (fromCell) return { year: Number(fromCell[1]), how: '导出表“年度”列' };
  // The same for every household of the sheet: read once (a county's export has 30,000 households).
  let stated = statedYears.get(sheet);
  if (!stated) statedYears.set(sheet, (stated = { year: readStatedIncomeYear(sheet, title, relPath) }));
  return stated.year;
}

const statedYears = new WeakMap<RosterSheet, { year: { year: number; how: string } | undefined }>();

function readStatedIncomeYear(sheet: RosterSheet, title: string | null, relPath: string): { year: number; how: string } | undefined {
  const fileName = relPath.split('/').pop() ?? relPath;
  const places: Array<[string, string]> = [
    [title ?? '', '导出表标题'],
    ...sheet.table.rows.slice(0, sheet.headerIndex).map((r): [string, string] => [r.join(' '), '导出表标题行']),
    [sheet.table.name, '工作表名'],
    [fileName, '文件名'],
  ];
  for (const pattern of [/(20\d{2})\s*年度/, /收入年度[:：\s]*(20\d{2})/, /(20\d{2})\s*年.{0,8}收入/]) {
    for (const [text, how] of places) {
      const m = pattern.exec(text.normalize('NFKC'));
      if (m) return { year: Number(m[1]), how: `${how}写明 ${m[1]} 年度` };
    }
  }
  for (const [text, how] of places) {
    const m = /导出(?:日期|时间)[:：\s]*(20\d{2})\s*[-/.年]\s*(\d{1,2})/.exec(text.normalize('NFKC'));
    if (m) {
      const day = `${m[1]}-${m[2].padStart(2, '0')}-01`;
      return { year: incomeYearForDay(day), how: `${how}的导出日期 ${m[1]}-${m[2].padStart(2, '0')}（收入按导出前 12 个月计）` };
    }
  }
  return undefined;
}

interface Group {
  rows: Array<{ cells: string[]; rowNumber: number }>;
}

function groupRows(sheet: RosterSheet): Group[] {
  const col = (name: string): number | undefined => sheet.columns.system.get(name);
  const get = (cells: string[], name: string): string => {
    const i = col(name);
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  const groups = new Map<string, Group>();
  let currentKey: string | null = null;
  let currentVillage = '';
  sheet.table.rows.forEach((cells, index) => {
    if (index <= sheet.headerIndex) return;
    const name = get(cells, '姓名');
    // Blank rows, total rows and a header repeated mid-sheet are not people.
    if (!name || /合计|总计|小计/.test(name) || name === '姓名') return;
    const village = get(cells, '村');
    const householdId = get(cells, '户编号');
    const headName = get(cells, '户主姓名');
    const isHead = /^户主$/.test(get(cells, '与户主关系'));
    let key: string;
    if (householdId) key = `id:${householdId}`;
    else if (headName) key = `head:${village}:${headName}`;
    // Without a household number, a 户主 row starts a household and the rows after it join it.
    else if (isHead || currentKey === null || village !== currentVillage) key = `row:${village}:${index}`;
    else key = currentKey;
    let group = groups.get(key);
    if (!group) {
      group = { rows: [] };
      groups.set(key, group);
    }
    group.rows.push({ cells, rowNumber: index + 1 });
    currentKey = key;
    currentVillage = village;
  });
  return [...groups.values()];
}

function buildHousehold(group: Group, sheet: RosterSheet, relPath: string, title: string | null, problems: string[]): SystemHousehold {
  const { system, numbered, income: incomeColumns } = sheet.columns;
  const get = (cells: string[], name: string): string => {
    const i = system.get(name);
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  const headRow = group.rows.find((r) => get(r.cells, '与户主关系') === '户主') ?? group.rows[0];
  if (!group.rows.some((r) => get(r.cells, '与户主关系') === '户主')) {
    problems.push(`系统导出表 ${relPath} 第${headRow.rowNumber}行所在的户没有“与户主关系”为“户主”的成员，已把第一位成员当作户主`);
  }
  // Household fields are repeated on every person row, but some exports fill them on the head's row only.
  const householdValue = (name: string): string => {
    const own = get(headRow.cells, name);
    if (own !== '') return own;
    for (const r of group.rows) {
      const v = get(r.cells, name);
      if (v !== '') return v;
    }
    return '';
  };

  const members: Member[] = group.rows.map(({ cells }) => buildMemberFromRow((column) => get(cells, column)));

  const risks: string[] = [];
  for (const index of numbered.get('致贫返贫风险') ?? []) {
    const value = (headRow.cells[index] ?? '').trim();
    if (!EMPTY.test(value) && !risks.includes(value)) risks.push(value);
  }

  // The head's row first, then the others in order (the head's own row is simply read twice).
  const income: IncomeItems = {};
  for (const { index, label } of incomeColumns) {
    const scale = COUNT_ITEMS.has(label.item) ? 1 : label.scale;
    let value = parseAmount(headRow.cells[index], scale);
    for (let r = 0; value === null && r < group.rows.length; r++) value = parseAmount(group.rows[r]!.cells[index], scale);
    if (value !== null) income[label.item] = value;
  }

  const monitorType = householdValue('监测对象类别');
  const identifiedOn = parseCellDate(householdValue('识别监测时间'));
  const eliminatedOn = parseCellDate(householdValue('消除监测时间'));
  const eliminatedText = householdValue('风险是否已消除');
  const householdType = householdValue('户类型');
  const stated = readIncomeYear(sheet, title, householdValue('年度'), relPath);
  const facts: HouseholdFacts = {
    source: 'system',
    ...(householdType ? { householdType } : {}),
    ...(!EMPTY.test(monitorType) ? { monitorType } : {}),
    isMonitored: !EMPTY.test(monitorType),
    risks,
    ...(identifiedOn ? { identifiedOn } : {}),
    ...(eliminatedOn ? { eliminatedOn } : {}),
    ...(householdValue('风险消除方式') ? { eliminationMethod: householdValue('风险消除方式') } : {}),
    riskEliminated: isEliminated(eliminatedText, eliminatedOn),
    members,
    income,
    ...(stated ? { incomeYear: stated.year, incomeYearHow: stated.how } : {}),
    location: `${relPath} 第${headRow.rowNumber}行`,
  };
  const householdId = householdValue('户编号');
  return {
    ...(householdId ? { householdId } : {}),
    village: householdValue('村'),
    head: get(headRow.cells, '姓名'),
    source: relPath,
    row: headRow.rowNumber,
    facts,
  };
}

export function readSystemExport(
  content: ExtractedContent,
  relPath: string,
  vocab: ExportVocabulary,
): SystemExportResult {
  const { sheets } = findRosterSheets(content, vocab);
  const problems: string[] = [];
  const households: SystemHousehold[] = [];
  for (const sheet of sheets) {
    for (const group of groupRows(sheet)) households.push(buildHousehold(group, sheet, relPath, content.title, problems));
  }
  if (sheets.length > 0 && households.length === 0) {
    problems.push(`系统导出表 ${relPath} 找到了表头，但表头下面没有人员数据`);
  }
  return { households, isRoster: sheets.length > 0, problems };
}
