// The only module a rule imports. It describes the scanned model the engine builds
// and the context a rule reports through. Rules are pure: no file system, no clock.

export type Severity = 'error' | 'warning' | 'info';

/** A piece of text in a document with where it stands: `page 3`, `line 12`, `Sheet1!B7`, `表格1 第2行`, `filename`. */
export interface TextBlock {
  text: string;
  location: string;
  /** 1-based page for PDFs and paginated sources. */
  page?: number;
  /** Set when the text was read by OCR from a scan: tesseract's confidence 0–100 for the line. */
  ocrConfidence?: number;
}

/** A grid of cell texts: a worksheet, or a table in a Word document. */
export interface TextTable {
  /** Sheet name for spreadsheets; `表格N` for document tables. */
  name: string;
  kind: 'sheet' | 'table';
  /** Row-major cell texts; merged cells repeat the merged value in every covered cell. */
  rows: string[][];
  /** Location prefix of the table for messages; for sheets cells are `${name}!${col}${row}` with A1 at rows[0][0]. */
  location: string;
  page?: number;
  /**
   * Set on a worksheet too large for a block per cell (more than a million cells) and without merged cells. Each of
   * its non-empty rows stands as one block, `Sheet!A7`, its non-empty cells joined by a tab; those blocks, and the
   * dates in them, are not stored in `ExtractedContent.blocks` and `dates` (a second and third copy of every cell of a
   * 1,000,000-row ledger) but made as they are read: read a file's blocks with `blocksOf` and its dates with `datesOf`
   * (rules/lib/content-blocks.ts). The number is the index in `blocks` the rows come before.
   */
  rowBlocksAt?: number;
  /**
   * With `rowBlocksAt`: the dates in those rows, found once when the file was read and kept compactly (a ledger's
   * dates repeat): for each, its 0-based row and its index in `pool`. `datesOf` gives them as DateMentions.
   */
  rowDates?: { rows: number[]; mentions: number[]; pool: Array<Omit<DateMention, 'location'>> };
}

export interface DateMention {
  /** `YYYY-MM-DD`; a date written with month only is the first of that month. */
  date: string;
  /** How precise the source was. */
  precision: 'day' | 'month' | 'year';
  location: string;
  /** The text the date was read from. */
  text: string;
}

/** What an extractor read from one file. */
export interface ExtractedContent {
  /** Adapter that produced it: `docx`, `xlsx`, `pdf`, `doc`, `xls`, `text`, `image`. */
  format: string;
  /** The document's own title: its first heading or first non-empty lines, a sheet's title row. */
  title: string | null;
  /** Text in reading order, with locations. */
  blocks: TextBlock[];
  tables: TextTable[];
  dates: DateMention[];
  pageCount?: number;
  /** A PDF or image whose text was not read (no text layer): content checks were not run. */
  isScan?: boolean;
  /** Set when some of the text was read by OCR from scanned pages or an image. */
  ocr?: {
    /** Pages (or page-1 title regions) recognised. */
    pages: number;
    /** Mean line confidence 0–100. */
    confidence: number;
    /** Only the title region of page 1 was read (it identified the document). */
    titleOnly: boolean;
  };
  /** 1-based pages of a PDF or OFD without a text layer. */
  scanPages?: number[];
  /** A spreadsheet past the cell limit: only its first rows were read (`rowsRead` over all its sheets). */
  truncated?: { rowsRead: number };
}

export interface UnreadableReason {
  /** `corrupt`, `encrypted`, `empty`, `unsupported`, `timeout`, `crashed`, `zip-slip`, `zip-bomb`, `too-large`, `too-deep`, `permission`. */
  reason: string;
  /** A Chinese sentence for the clerk. */
  message: string;
}

/** A checklist item (or procedure step) a file was recognised as. */
export interface ItemMatch {
  item: string;
  /** For procedure steps: which procedure and step. */
  procedure?: ProcedureName;
  step?: string;
  /** Years the file speaks for (from name, folder, or its own dates); empty when none could be read. */
  years: number[];
  via: 'filename' | 'folder' | 'title' | 'content';
  /** Where in a combined document the step was found (`page 3`). */
  location?: string;
  /** Dates belonging to this item/step inside the file (e.g. the step's own date). */
  dates?: string[];
}

export interface ArchiveFile {
  /** Relative to the archive root, `/`-separated; files inside a zip continue the zip's path (`a/b.zip/c/d.docx`). */
  path: string;
  name: string;
  /** Lower-case extension without the dot. */
  ext: string;
  size: number;
  village: string | null;
  /** Household key, when the file belongs to a household folder. */
  householdKey: string | null;
  content: ExtractedContent | null;
  unreadable: UnreadableReason | null;
  matches: ItemMatch[];
}

export type ProcedureName = '识别纳入' | '风险消除';

export type Condition =
  | 'student'
  | 'compulsory-student'
  | 'disabled'
  | 'dibao'
  | 'tekun'
  | 'risk-eliminated'
  | 'monitored';

export type ItemLevel = 'household' | 'monitored' | 'village';

export interface ChecklistItem {
  name: string;
  aliases: string[];
  level: ItemLevel;
  /** All must hold for the item to be required. */
  conditions: Condition[];
  /** When not empty, at least one must hold as well (低保 or 特困供养). */
  anyOf: Condition[];
  yearly: boolean;
  /** Other items a document of this one satisfies at once (a combined form). */
  covers: string[];
  /** Items that only satisfy others and are never required themselves. */
  requiredItself: boolean;
  /** For ledgers: the latest dated entry must be within this many months of the audit date. */
  maxAgeMonths?: number;
}

export interface ProcedureStep {
  name: string;
  aliases: string[];
  /** Steps of equal rank may come in either order. */
  rank: number;
  optional: boolean;
}

export interface ProcedureDefinition {
  name: ProcedureName;
  /** The checklist item it stands for (`识别纳入程序`). */
  item: string;
  level: ItemLevel;
  conditions: Condition[];
  steps: ProcedureStep[];
}

export interface Checklist {
  name: string;
  items: ChecklistItem[];
  procedures: ProcedureDefinition[];
  /** Where it came from, for the report. */
  source: string;
}

export interface Member {
  name: string;
  /** Masked as written, never unmasked. */
  idNumber?: string;
  relation?: string;
  /** `健康`, `患有大病`, `长期慢性病`, `残疾` … as written. */
  health?: string;
  /** As written: `义务教育`, `高中`, `中职`, `大学`, `学前教育`, `非在校生`, `已毕业` … */
  schooling?: string;
  isStudent: boolean;
  isCompulsoryStudent: boolean;
  isSeriouslyIll: boolean;
  isDisabled: boolean;
  hasDibao: boolean;
  hasTekun: boolean;
}

/** Income items keyed by canonical name (工资性收入, 生产经营性收入, 财产性收入, 转移性收入, 生产经营性支出, 家庭纯收入, 人均纯收入, 家庭人口 …). */
export type IncomeItems = Record<string, number>;

/** What is known of a household, from the system export or from its own file. */
export interface HouseholdFacts {
  source: 'system' | 'archive';
  /** `脱贫户`, `一般农户` … */
  householdType?: string;
  /** `脱贫不稳定户`, `边缘易致贫户`, `突发严重困难户`; empty when not monitored. */
  monitorType?: string;
  isMonitored: boolean;
  risks: string[];
  /** YYYY-MM-DD (first of month when the source gave YYYYMM). */
  identifiedOn?: string;
  eliminatedOn?: string;
  riskEliminated: boolean;
  /** 风险消除方式 as written: 帮扶消除 / 自然消除. */
  eliminationMethod?: string;
  members: Member[];
  /** Income of the year the source reports. */
  income: IncomeItems;
  incomeYear?: number;
  /** How the income year was decided (`导出表“年度”列`, `文件名写明 2024 年度` …), for the findings' details. */
  incomeYearHow?: string;
  /** Where the facts were read (`system export file, row`), for messages. */
  location?: string;
}

export interface SystemHousehold {
  householdId?: string;
  village: string;
  head: string;
  /** The export file (relative path) and the head's row. */
  source: string;
  row: number;
  facts: HouseholdFacts;
}

/** One year's income table as written in a household's file. */
export interface IncomeTable {
  path: string;
  year: number;
  /** `Sheet!`, `表格1`, … where the table stands. */
  location: string;
  items: IncomeItems;
}

export interface LedgerEntry {
  date: string;
  location: string;
}

export interface Household {
  /** Stable key: village + head name (+ id suffix when two heads share a name). */
  key: string;
  /** 户主姓名. */
  head: string;
  village: string;
  /** Folder relative to the root; null for households only the system knows. */
  path: string | null;
  /** `脱贫户` / `监测户` from the folder layout, when it says. */
  folderCategory?: string;
  files: ArchiveFile[];
  /** Facts used for conditions: the system's when present, else the archive's. */
  facts: HouseholdFacts | null;
  system: SystemHousehold | null;
  /** Facts read from the household's own 家庭基本情况表. */
  archiveFacts: HouseholdFacts | null;
  incomeTables: IncomeTable[];
  /** Every checklist item this household's folder owes or is excused from; computed once by the engine. */
  required: RequiredDocument[];
}

/** One checklist entry owed by a village or household, and how it stands. */
export interface RequiredDocument {
  item: string;
  /** The year a yearly item is owed for; null otherwise. */
  year: number | null;
  status: 'present' | 'missing' | 'not-applicable';
  /** For present items: the files that satisfy it and how each was recognised. */
  satisfiedBy: Array<{ path: string; via: ItemMatch['via']; location?: string }>;
  /** Chinese, for not-applicable: the condition that does not hold. */
  reason?: string;
}

export interface Village {
  name: string;
  /** Folder relative to the root. */
  path: string;
  /** Files of the village outside household folders (ledgers and the like). */
  files: ArchiveFile[];
  households: Household[];
  /** Dated entries per ledger file path. */
  ledgers: Record<string, LedgerEntry[]>;
  /** The village's own checklist items (not its households'); computed once by the engine. */
  required: RequiredDocument[];
}

export interface MonitoringLine {
  year: number;
  /** 元 per person per year. */
  line: number;
  note?: string;
}

export interface RetiredTerm {
  term: string;
  /** Regular expression sources (unanchored). */
  patterns: string[];
  suggestion: string;
  retiredOn: string;
  severity: Severity;
  note?: string;
  specs: Array<{ from: string; to: string | null }>;
}

export interface RuleOption {
  /** What a clerk calls it (设置页, messages). */
  name: string;
  default: unknown;
  /** The thresholds.yaml key that sets it. */
  threshold?: keyof Thresholds;
}

export interface Thresholds {
  nearThresholdMargin: number;
  minMonthsBeforeElimination: number;
  templateSimilarity: number;
  publicNoticeMinDays: number;
  ledgerMaxAgeMonths: number;
  incomeTolerance: number;
}

/** Editable rule data from `rules/data`, possibly overridden by a county. */
export interface RuleData {
  monitoringLines: MonitoringLine[];
  retiredTerms: RetiredTerm[];
  /** Terms never flagged though they contain a retired one. */
  exemptTerms: string[];
  healthWords: string[];
  /** Phrases containing a health word that expose nothing (精神文明, 大病保险); a health word inside one is not flagged. */
  healthWordExceptions?: string[];
  /** Canonical income item → synonyms. */
  incomeSynonyms: Record<string, string[]>;
  /** Parameters and value tables of the export checks; see `rules/data/export-checks.yaml`. */
  exportChecks?: ExportCheckParams;
}

/** One row of a monitoring-system export sheet, read through the column synonym tables. */
export interface ExportRow {
  /** The export file (relative path, or `〔系统导出〕name` for --system files). */
  path: string;
  sheet: string;
  /** 1-based row number in the sheet. */
  rowNumber: number;
  /** The cell under a canonical column (`健康状况`, `工资性收入` …), trimmed; '' when blank or when the sheet lacks it. */
  get(column: string): string;
  /** Whether the row's sheet has the column at all. */
  has(column: string): boolean;
  /** `Sheet!B7`: the cell under the column, or the row's first cell. */
  locate(column?: string): string;
}

/** A person row of the export roster, with what the engine derived from it. */
export interface ExportPerson {
  name: string;
  row: ExportRow;
  /** 务工 rows (已外出务工 and 计划外出务工 workbooks) joined on 户编号 + 姓名 (+ ID). */
  work: ExportRow[];
  /** YYYY-MM-DD from 出生日期, else from ID characters 7–14; null when neither can be read (masked ID). */
  birthDate: string | null;
  /** From 性别, else the 17th ID character (readable even when masked). */
  sex: '男' | '女' | null;
  /** `full`: 18/20/22 characters without masking; `masked`: with `*`; `blank`; `other`: anything else. */
  idState: 'full' | 'masked' | 'blank' | 'other';
  /** Disability category (char 19) and grade (char 20) of a 20/22-character ID, when readable. */
  disabilityCard: { category: number | null; grade: number | null } | null;
  /** Marked as left the household (自然减少, 死亡, 迁出 …); member predicates skip such people. */
  hasLeft: boolean;
  /** 与户主关系 in the system's words (妻子 → 配偶, 儿子 → 之子: export-checks.yaml `relationSynonyms`). */
  relation: string;
  isHead: boolean;
}

export interface ExportHousehold {
  /** `县|乡|村|户编号` (or the head's row when the export has no 户编号). */
  key: string;
  householdId: string;
  county: string;
  township: string;
  village: string;
  /** The 户主's name (the first row's when there is no head). */
  head: string;
  /** The 户主's row (the first row when there is none): household fields are read from it. */
  headRow: ExportRow;
  /** Number of rows with 与户主关系 = 户主. */
  headCount: number;
  /** Every person row, in export order, including members who have left. */
  people: ExportPerson[];
  /** People who have not left. */
  members: ExportPerson[];
  /** Rows of a separate 户信息 workbook for this household, when the export has one. */
  householdRows: ExportRow[];
}

/** The monitoring-system export as the export checks see it. */
export interface ExportData {
  /** Export files read, relative paths. */
  sources: string[];
  /** Canonical columns present in the roster or 户信息 sheets. */
  columns: ReadonlySet<string>;
  /** Canonical columns present in 务工 sheets; empty when the export has no 务工 workbook. */
  workColumns: ReadonlySet<string>;
  households: ExportHousehold[];
  /** Every ID in the roster is masked (or none is readable): checksum and duplicate checks skip. */
  idsMasked: boolean;
  /** No person's birth date could be read: age-based checks skip. */
  birthDatesUnknown: boolean;
  /** The phones are masked: phone checks skip. */
  phonesMasked: boolean;
  /** The income year the export states in a title row, a sheet or a file name (`2024年度`), when it does. */
  statedIncomeYear?: { year: number; how: string };
}

/** Parameters and value tables of the export checks (`rules/data/export-checks.yaml`, overridable per county). */
// Typed in rules/lib/export/params.ts; kept opaque here so this module stays free of the table's shape.
export type ExportCheckParams = object;

export interface ScanModel {
  root: string;
  asOf: string;
  checklist: Checklist;
  data: RuleData;
  villages: Village[];
  /** Households the system lists without a folder in the archive. */
  systemOnly: SystemHousehold[];
  /** Every file scanned, household or not. */
  files: ArchiveFile[];
  /** Export files read as the system roster. */
  systemSources: string[];
  /** The export as rows, for the export logic checks (`export/…`); absent when no export was read. */
  exportData?: ExportData;
}

export interface ReportInput {
  messageId: string;
  data?: Record<string, string | number>;
  village: string | null;
  household: string | null;
  path: string | null;
  details: Record<string, unknown>;
  /** The rule's identifying detail for the finding's stable key (never line numbers or times). */
  keyParts: Array<string | number>;
  /** Overrides the rule's default severity (e.g. a warning-only term). */
  severity?: Severity;
}

/** What a rule is looking at when it runs out of time: a file or a household. */
export interface RuleSubject {
  village: string | null;
  household: string | null;
  path: string | null;
}

export interface RuleContext {
  asOf: string;
  options: Record<string, unknown>;
  report(input: ReportInput): void;
  /**
   * Runs `check` for each item, timed against the rule stage's budget: an item that takes longer ends with a
   * `rule-timeout` finding naming the rule and the item (what it reported for the item is dropped, as it may be
   * incomplete) and the rule goes on with the next item. Rules loop over files and households through it.
   */
  each<T>(items: Iterable<T>, subjectOf: (item: T) => RuleSubject, check: (item: T) => void): void;
  /** A notice for the report's header (e.g. a year without a monitoring line); said once per text. */
  notice(text: string): void;
}

export interface RuleMeta {
  id: string;
  /** The Chinese name clerks see in the ledger, the web page and the app (`缺少资料`). */
  name: string;
  severity: Severity;
  description: string;
  /** Chinese message templates with `{placeholders}`. */
  messages: Record<string, string>;
  /**
   * The rule's options, each with its Chinese name and default. One backed by `threshold` takes the value of that key
   * of rules/data/thresholds.yaml (which a county overrides with --config); the engine passes the values in
   * `ctx.options`, and the rule reads nothing else for them.
   */
  options?: Record<string, RuleOption>;
  /**
   * For a check that reports under another rule's id (`export/elim-guarantee-gap` as `elimination-doubt`):
   * its findings carry that id, so doubtful eliminations stay one 问题类型 in the ledger.
   */
  reportsAs?: string;
  /** Export checks: the category (`三保障和饮水安全` …) and the canonical columns it reads. */
  export?: ExportCheckMeta;
}

export interface ExportCheckMeta {
  category: string;
  /** `P` person, `H` household, `V` village. */
  level: 'P' | 'H' | 'V' | 'P/H';
  /** Columns without which the check cannot run; an alternative is written `出生日期|证件号码`. */
  columns: string[];
  /** Columns of parts that are skipped on their own when missing: part name → columns. */
  optional?: Record<string, string[]>;
}

export interface Rule {
  meta: RuleMeta;
  check(model: ScanModel, ctx: RuleContext): void;
}

export interface Finding {
  key: string;
  rule: string;
  severity: Severity;
  village: string | null;
  household: string | null;
  path: string | null;
  message: string;
  details: Record<string, unknown>;
  status?: 'new' | 'open';
  /** The clerk's 整改 fields, carried forward from the previous ledger by key. */
  rectification?: Rectification;
  /** Accepted exception (整改状态 无需整改 with a reason in 备注): kept out of the 问题清单, listed apart. */
  suppressed?: boolean;
  /** Past its 整改时限 and not resolved on the scan's date (逾期). */
  overdue?: boolean;
  /** For findings of the export logic checks (系统数据疑点): the catalogue's category (`三保障和饮水安全` …). */
  exportCategory?: string;
  /** Set when the scanned folder held several townships: the township's name (also the key's first part). */
  township?: string;
}

export type RectificationState = '未整改' | '整改中' | '已整改' | '整改未到位' | '已销号' | '无需整改';

/** What the clerk wrote in the ledger about one finding. */
export interface Rectification {
  measure?: string;
  owner?: string;
  /** YYYY-MM-DD. */
  deadline?: string;
  state?: RectificationState;
  note?: string;
  /** YYYY-MM-DD: the scan that first saw the finding gone, or first read it as 无需整改. */
  resolvedOn?: string;
}
