// Reads every sheet of the monitoring-system export(s) into rows under canonical column names, for the export
// logic checks (export-checks.md). Sheets are told apart by their columns: the person roster, a 户信息 sheet
// (household fields, no person names) and the 务工 sheets (已外出务工 / 计划外出务工), joined to the roster on
// 户编号 + 姓名 (+ ID), never on a masked ID alone.
import type { ExportData, ExportHousehold, ExportPerson, ExportRow, ExtractedContent, RuleData, TextTable } from '../../../rules/api.js';
import type { ExportVocabulary } from '../config/rule-data/load-data-tables.js';
import { findHeaderRow, makeHeaderMatcher, type ColumnMap } from '../vocabulary/match-columns.js';
import { parseCellDate } from '../vocabulary/parse-cell-date.js';
import { readVillageName } from '../discover/archive-names.js';
import { normalizeIdText } from '../../../rules/index.js';

export interface ExportSource {
  path: string;
  content: ExtractedContent;
}

/** Value words the reader itself needs (who has left; relation synonyms), from export-checks.yaml `values`. */
export interface ExportReadWords {
  left: string[];
  relationSynonyms: Record<string, string>;
}

type SheetKind = 'roster' | 'household' | 'work';

interface SheetInfo {
  path: string;
  name: string;
  kind: SheetKind;
  /** Canonical column (system or income item) → index; numbered columns → all their indices. */
  index: Map<string, number[]>;
  /** The columns read from one cell (most of them), for the reads done millions of times over a county. */
  single: Map<string, number>;
}

const WORK_COLUMNS = ['是否已务工', '务工月收入', '务工企业名称', '是否计划务工', '就业服务需求', '务工所在县', '务工开始时间'];

function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

class SheetRow implements ExportRow {
  readonly path: string;
  readonly sheet: string;
  constructor(
    private readonly info: SheetInfo,
    private readonly cells: string[],
    readonly rowNumber: number,
  ) {
    this.path = info.path;
    this.sheet = info.name;
  }
  get(column: string): string {
    const single = this.info.single.get(column);
    if (single !== undefined) return (this.cells[single] ?? '').trim();
    const indices = this.info.index.get(column);
    if (!indices) return '';
    return indices
      .map((i) => (this.cells[i] ?? '').trim())
      .filter((v) => v !== '')
      .join('、');
  }
  has(column: string): boolean {
    return this.info.index.has(column);
  }
  locate(column?: string): string {
    const index = column ? this.info.index.get(column)?.[0] : undefined;
    return `${this.sheet}!${columnLetter(index ?? 0)}${this.rowNumber}`;
  }
}

function indexColumns(columns: ColumnMap): Map<string, number[]> {
  const index = new Map<string, number[]>();
  for (const [name, i] of columns.system) index.set(name, [i]);
  for (const [name, list] of columns.numbered) index.set(name, list);
  for (const { index: i, label } of columns.income) if (!index.has(label.item)) index.set(label.item, [i]);
  return index;
}

function singles(index: Map<string, number[]>): Map<string, number> {
  return new Map([...index].filter(([, list]) => list.length === 1).map(([name, [i]]) => [name, i]));
}

function classify(index: Map<string, number[]>): SheetKind | null {
  const has = (c: string): boolean => index.has(c);
  if (has('姓名') && (has('与户主关系') || (has('证件号码') && !WORK_COLUMNS.some(has)))) return 'roster';
  if (has('姓名') && WORK_COLUMNS.filter(has).length >= 2) return 'work';
  if (has('户编号') && !has('姓名')) return 'household';
  return null;
}

function isMasked(text: string): boolean {
  return text.includes('*') || text.includes('＊');
}

function idStateOf(id: string): ExportPerson['idState'] {
  if (!id) return 'blank';
  if (/[*＊]/.test(id)) return 'masked';
  if (/^\d{17}[\dX](\d\d(\d\d)?)?$/.test(id)) return 'full';
  return 'other';
}

function birthFromId(id: string): string | null {
  const digits = id.slice(6, 14);
  return /^\d{8}$/.test(digits) ? parseCellDate(digits) : null;
}

function sexOf(row: ExportRow, id: string): ExportPerson['sex'] {
  const written = row.get('性别');
  if (/^(男|1|１)$/.test(written)) return '男';
  if (/^(女|2|２)$/.test(written)) return '女';
  const c = id[16];
  if (c && /\d/.test(c)) return Number(c) % 2 === 1 ? '男' : '女';
  return null;
}

function disabilityCardOf(row: ExportRow, id: string): ExportPerson['disabilityCard'] {
  if (id.length === 20 || id.length === 22) {
    const digit = (c: string | undefined): number | null => (c && /\d/.test(c) ? Number(c) : null);
    return { category: digit(id[18]), grade: digit(id[19]) };
  }
  return /残疾/.test(row.get('证件类型')) ? { category: null, grade: null } : null;
}

/** The reader's words from the loaded rule data (export-checks.yaml `values`). */
export function exportReadWords(data: RuleData): ExportReadWords {
  const values = (data.exportChecks as { values?: Partial<ExportReadWords> } | undefined)?.values;
  return { left: values?.left ?? [], relationSynonyms: values?.relationSynonyms ?? {} };
}

export function normalizeRelation(text: string, words: ExportReadWords): string {
  const s = text.normalize('NFKC').replace(/\s+/g, '');
  return words.relationSynonyms[s] ?? s;
}

/** normalizeRelation once per distinct cell text (an export repeats a dozen relations over 100,000 rows). */
function relationReader(words: ExportReadWords): (text: string) => string {
  const seen = new Map<string, string>();
  return (text) => {
    let relation = seen.get(text);
    if (relation === undefined) seen.set(text, (relation = normalizeRelation(text, words)));
    return relation;
  };
}

function isSkippedRow(name: string): boolean {
  return !name || /合计|总计|小计/.test(name) || name === '姓名';
}

interface PendingHousehold {
  key: string;
  people: ExportPerson[];
}

function readSheets(sources: ExportSource[], vocab: ExportVocabulary): Array<{ sheet: SheetInfo; table: TextTable; headerIndex: number }> {
  const match = makeHeaderMatcher(vocab);
  const found: Array<{ sheet: SheetInfo; table: TextTable; headerIndex: number }> = [];
  for (const { path, content } of sources) {
    for (const table of content.tables) {
      const header = findHeaderRow(table.rows, match);
      if (!header) continue;
      const index = indexColumns(header.columns);
      const kind = classify(index);
      if (!kind) continue;
      found.push({ sheet: { path, name: table.name, kind, index, single: singles(index) }, table, headerIndex: header.index });
    }
  }
  return found;
}

/** Whether a file holds a 务工 or 户信息 sheet of an export (not a roster, but read with it). */
export function hasExportPartSheet(content: ExtractedContent, vocab: ExportVocabulary): boolean {
  return readSheets([{ path: '', content }], vocab).some((s) => s.sheet.kind !== 'roster');
}

/** The export as the export checks read it; `null` when no sheet is a person roster. */
export function readExportData(sources: ExportSource[], vocab: ExportVocabulary, words: ExportReadWords): ExportData | null {
  const sheets = readSheets(sources, vocab);
  const rosters = sheets.filter((s) => s.sheet.kind === 'roster');
  if (rosters.length === 0) return null;
  const columns = new Set<string>();
  const workColumns = new Set<string>();
  for (const { sheet } of sheets) for (const c of sheet.index.keys()) (sheet.kind === 'work' ? workColumns : columns).add(c);

  const groups = new Map<string, PendingHousehold>();
  const order: PendingHousehold[] = [];
  const relationOf = relationReader(words);
  for (const { sheet, table, headerIndex } of rosters) {
    let current: PendingHousehold | null = null;
    let currentVillage = '';
    for (let r = headerIndex + 1; r < table.rows.length; r++) {
      const row = new SheetRow(sheet, table.rows[r], r + 1);
      const name = row.get('姓名');
      if (isSkippedRow(name)) continue;
      const village = row.get('村');
      const householdId = row.get('户编号');
      const relation = relationOf(row.get('与户主关系'));
      const isHead = relation === '户主';
      let key: string;
      if (householdId) key = `${row.get('县')}|${row.get('乡')}|${village}|${householdId}`;
      else if (row.get('户主姓名')) key = `${village}|head:${row.get('户主姓名')}`;
      else if (isHead || current === null || village !== currentVillage) key = `${sheet.path}|${sheet.name}|${village}|row:${r + 1}`;
      else key = current.key;
      let group = groups.get(key);
      if (!group) {
        group = { key, people: [] };
        groups.set(key, group);
        order.push(group);
      }
      const id = normalizeIdText(row.get('证件号码'));
      const status = row.get('成员状态');
      group.people.push({
        name,
        row,
        work: [],
        birthDate: parseCellDate(row.get('出生日期')) ?? birthFromId(id),
        sex: sexOf(row, id),
        idState: idStateOf(id),
        disabilityCard: disabilityCardOf(row, id),
        hasLeft: status !== '' && words.left.some((w) => status.includes(w)),
        relation,
        isHead,
      });
      current = group;
      currentVillage = village;
    }
  }

  const households: ExportHousehold[] = order.map(({ key, people }) => {
    const heads = people.filter((p) => p.isHead);
    const head = heads[0] ?? people[0];
    const value = (column: string): string => {
      const own = head.row.get(column);
      if (own !== '') return own;
      for (const p of people) {
        const v = p.row.get(column);
        if (v !== '') return v;
      }
      return '';
    };
    return {
      key,
      householdId: value('户编号'),
      county: value('县'),
      township: value('乡'),
      // Named as the archive's village folders are, so a scan counts the export's findings under the same village.
      village: readVillageName(value('村')) ?? value('村'),
      head: head.name,
      headRow: head.row,
      headCount: heads.length,
      people,
      members: people.filter((p) => !p.hasLeft),
      householdRows: [],
    };
  });

  attachHouseholdRows(sheets, households);
  attachWorkRows(sheets, households);

  const everyone = households.flatMap((h) => h.people);
  const statedIncomeYear = readStatedIncomeYear(rosters, sources);
  const phoneColumns = ['户联系电话', '家庭成员联系电话', '信息采集人联系电话'];
  return {
    sources: [...new Set(rosters.map((s) => s.sheet.path))],
    columns,
    workColumns,
    households,
    idsMasked: !everyone.some((p) => p.idState === 'full'),
    birthDatesUnknown: !everyone.some((p) => p.birthDate !== null),
    phonesMasked: everyone.some((p) => phoneColumns.some((c) => isMasked(p.row.get(c)))),
    ...(statedIncomeYear ? { statedIncomeYear } : {}),
  };
}

/** `2024年度` or `2024年…收入` in the title rows above the header, the sheet name or the file name. */
function readStatedIncomeYear(
  rosters: ReturnType<typeof readSheets>,
  sources: ExportSource[],
): ExportData['statedIncomeYear'] | undefined {
  const places: Array<[string, string]> = [];
  for (const { sheet, table, headerIndex } of rosters) {
    for (const row of table.rows.slice(0, headerIndex)) places.push([row.join(' '), `标题行“${row.find((c) => c.trim()) ?? ''}”`]);
    places.push([sheet.name, `工作表名“${sheet.name}”`]);
  }
  for (const s of sources) places.push([s.path.split('/').pop() ?? s.path, `文件名“${s.path.split('/').pop()}”`]);
  for (const pattern of [/(20\d{2})\s*年度/, /(20\d{2})\s*年.{0,8}收入/]) {
    for (const [text, how] of places) {
      const m = pattern.exec(text.normalize('NFKC'));
      if (m) return { year: Number(m[1]), how };
    }
  }
  return undefined;
}

function attachHouseholdRows(sheets: ReturnType<typeof readSheets>, households: ExportHousehold[]): void {
  const byId = new Map(households.filter((h) => h.householdId).map((h) => [h.householdId, h]));
  for (const { sheet, table, headerIndex } of sheets) {
    if (sheet.kind !== 'household') continue;
    for (let r = headerIndex + 1; r < table.rows.length; r++) {
      const row = new SheetRow(sheet, table.rows[r], r + 1);
      byId.get(row.get('户编号'))?.householdRows.push(row);
    }
  }
}

function attachWorkRows(sheets: ReturnType<typeof readSheets>, households: ExportHousehold[]): void {
  const workSheets = sheets.filter((s) => s.sheet.kind === 'work');
  if (workSheets.length === 0) return;
  const byHouseholdName = new Map<string, ExportPerson>();
  for (const h of households) {
    if (h.householdId) for (const p of h.people) byHouseholdName.set(`${h.householdId}|${p.name}`, p);
  }
  // The fallbacks are built only when a 务工 row lacks a matching 户编号 (most exports carry it on every row).
  let byNameId: Map<string, ExportPerson> | null = null;
  let byVillageName: Map<string, ExportPerson | null> | null = null;
  const nameIdIndex = (): Map<string, ExportPerson> => {
    if (byNameId) return byNameId;
    byNameId = new Map();
    for (const h of households) for (const p of h.people) byNameId.set(`${p.name}|${normalizeIdText(p.row.get('证件号码'))}`, p);
    return byNameId;
  };
  const villageNameIndex = (): Map<string, ExportPerson | null> => {
    if (byVillageName) return byVillageName;
    const index = new Map<string, ExportPerson | null>();
    for (const h of households) {
      for (const p of h.people) {
        const vn = `${h.village}|${p.name}`;
        index.set(vn, index.has(vn) ? null : p);
      }
    }
    return (byVillageName = index);
  };
  for (const { sheet, table, headerIndex } of workSheets) {
    for (let r = headerIndex + 1; r < table.rows.length; r++) {
      const row = new SheetRow(sheet, table.rows[r], r + 1);
      const name = row.get('姓名');
      if (isSkippedRow(name)) continue;
      const person =
        (row.get('户编号') && byHouseholdName.get(`${row.get('户编号')}|${name}`)) ||
        (row.get('证件号码') && nameIdIndex().get(`${name}|${normalizeIdText(row.get('证件号码'))}`)) ||
        villageNameIndex().get(`${row.get('村')}|${name}`);
      person?.work.push(row);
    }
  }
}
