// Reads a household's own 家庭基本情况表: the members table (姓名, 与户主关系, 健康状况, 在校生状况 …)
// and the label–value cells around it (家庭人口, 户类型, 监测对象类别 …), for comparison with the system.
import type { ArchiveFile, HouseholdFacts, IncomeItems, Member, TextTable } from '../../../rules/api.js';
import { blocksOf } from '../../../rules/index.js';
import type { ExportVocabulary } from '../config/rule-data/load-data-tables.js';
import { makeHeaderMatcher, mapColumns, type ColumnMap, type HeaderCell } from '../vocabulary/match-columns.js';
import { buildMemberFromRow, isYes } from '../system-export/member-flags.js';
import { parseCellDate } from '../vocabulary/parse-cell-date.js';
import { COUNT_ITEMS } from '../vocabulary/income-labels.js';
import { parseAmount } from '../vocabulary/parse-amount.js';

// Han names of 2–5 characters, longer ones only with the middle dot of minority names.
const PERSON_NAME = /^\p{Script=Han}{2,5}$|^[\p{Script=Han}·•]{3,16}$|^[A-Za-z][A-Za-z .'-]{1,30}$/u;
/** Words that end a form's field labels (帮扶责任人, 住房情况), never a person's name. */
const LABEL_ENDING = /(人|情况|类型|类别|时间|日期|电话|状况|信息|措施|意见|签字|签名|盖章|备注|说明|合计|小计)$/;
const EMPTY = /^(无|否|\/|-|—|－|空)?$/;

function isMembersHeader(columns: ColumnMap): boolean {
  const { system } = columns;
  return system.has('姓名') && (system.has('与户主关系') || system.has('证件号码') || system.has('健康状况'));
}

/** The members under the header row, and the index of the last row of their block. */
function readMembers(table: TextTable, headerIndex: number, columns: ColumnMap): { members: Member[]; end: number } {
  const get = (cells: string[], name: string): string => {
    const i = columns.system.get(name);
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  const members: Member[] = [];
  let end = headerIndex;
  for (let index = headerIndex + 1; index < table.rows.length; index++) {
    const cells = table.rows[index] ?? [];
    const name = get(cells, '姓名').replace(/\s+/g, '');
    // The members block ends at a blank line or where the next section of the form begins.
    if (!cells.some((c) => c && c.trim())) {
      if (members.length > 0) break;
      continue;
    }
    if (name && (!PERSON_NAME.test(name) || LABEL_ENDING.test(name) || name === '姓名')) break;
    end = index;
    if (!name) continue;
    members.push(buildMemberFromRow((column) => get(cells, column), name));
  }
  return { members, end: members.length > 0 ? end : headerIndex };
}

type Fields = Map<string, string>;

function fieldKey(hit: HeaderCell): string {
  return hit.kind === 'system' ? hit.name : `income:${hit.label.item}`;
}

/** Label cells anywhere in a table, each with the first different, non-label cell to its right. */
function readLabelCells(row: string[], match: (cell: string) => HeaderCell | null, fields: Fields, scales: Map<string, number>): void {
  for (let i = 0; i < row.length; i++) {
    const hit = match(row[i]);
    if (!hit) continue;
    for (let j = i + 1; j < row.length; j++) {
      const value = (row[j] ?? '').trim();
      if (!value || row[j] === row[i]) continue;
      if (match(value)) break;
      const key = fieldKey(hit);
      if (!fields.has(key)) {
        fields.set(key, value);
        if (hit.kind === 'income') scales.set(key, hit.label.scale);
      }
      break;
    }
  }
}

export function readBasicInfo(file: ArchiveFile, vocab: ExportVocabulary): HouseholdFacts | null {
  if (!file.content) return null;
  const match = makeHeaderMatcher(vocab);
  const fields: Fields = new Map();
  const scales = new Map<string, number>();
  let members: Member[] = [];
  for (const table of file.content.tables) {
    let membersEnd = -1;
    table.rows.forEach((row, index) => {
      if (index <= membersEnd) return;
      const columns = mapColumns(row, match);
      if (members.length === 0 && isMembersHeader(columns)) {
        ({ members, end: membersEnd } = readMembers(table, index, columns));
        return;
      }
      readLabelCells(row, match, fields, scales);
    });
  }
  for (const block of blocksOf(file.content)) {
    for (const m of block.text.matchAll(/([^\s:：，,；;]{2,16})[:：]\s*([^\s，,；;]+)/g)) {
      const hit = match(m[1]);
      if (hit && !fields.has(fieldKey(hit))) fields.set(fieldKey(hit), m[2]);
    }
  }
  if (members.length === 0 && fields.size === 0) return null;

  const income: IncomeItems = {};
  for (const [key, value] of fields) {
    if (!key.startsWith('income:')) continue;
    const item = key.slice('income:'.length);
    const amount = parseAmount(value, COUNT_ITEMS.has(item) ? 1 : scales.get(key) ?? 1);
    if (amount !== null) income[item] = amount;
  }
  const text = (name: string): string => (fields.get(name) ?? '').trim();
  const monitorType = EMPTY.test(text('监测对象类别')) ? '' : text('监测对象类别');
  const risks = [...text('致贫返贫风险').split(/[、，,;；/\s]+/)].filter((r) => !EMPTY.test(r));
  const identifiedOn = parseCellDate(text('识别监测时间'));
  const eliminatedOn = parseCellDate(text('消除监测时间'));
  const eliminatedText = text('风险是否已消除');
  const yearMatch = /(20\d{2})/.exec(text('年度'));
  return {
    source: 'archive',
    ...(text('户类型') ? { householdType: text('户类型') } : {}),
    ...(monitorType ? { monitorType } : {}),
    isMonitored: monitorType !== '',
    risks,
    ...(identifiedOn ? { identifiedOn } : {}),
    ...(eliminatedOn ? { eliminatedOn } : {}),
    riskEliminated: eliminatedText ? isYes(eliminatedText) && !/未|不/.test(eliminatedText) : eliminatedOn !== null,
    members,
    income,
    ...(yearMatch ? { incomeYear: Number(yearMatch[1]) } : {}),
    location: file.path,
  };
}
