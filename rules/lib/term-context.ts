// Tells whether a retired term at a place speaks of the past: a cited document's title or its issuer,
// a 原/曾 prefix, or a sentence anchored in a year before the term was retired. Works on normalized
// text (half-width punctuation, no layout spaces).
import { latestDay } from './latest-day.js';

export interface Span {
  start: number;
  end: number;
}

const QUOTED_TITLE = /《[^《》\n]{0,200}》/g;

/** Spans of `《…》` titles, brackets included. */
export function findQuotedTitles(text: string): Span[] {
  return [...text.matchAll(QUOTED_TITLE)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

// What may stand between an issuer and the cited document: co-issuers (`、县财政局`), `联合印发的`, then
// the title `《` or a 文号 (`〔2019〕12号`, `发〔2019〕`, `[2019]`, `(2019)`).
const ORG_SUFFIX = '(?:局|办|委|会|部|厅|府|室|组|院|所|中心|办公室)';
const ISSUER_TAIL = new RegExp(
  `^(?:(?:[、和与及]\\p{Script=Han}{1,12}?${ORG_SUFFIX})*)(?:联合)?(?:关于)?(?:印发|发布|制定|下发|转发)?的?` +
    `(?:《|(?:发|字|函|文|办)?[〔\\[(【]\\s*(?:19|20)\\d{2}\\s*[〕\\])】]\\s*\\d+)`,
  'u',
);

/** The term ending at `end` names the issuer of a cited document (市扶贫办《关于…》, 县扶贫办〔2019〕12号). */
export function isIssuerOfCitation(text: string, end: number): boolean {
  return ISSUER_TAIL.test(text.slice(end, end + 40));
}

// 原扶贫办, 原县扶贫办, 曾为贫困户, 系原建档立卡贫困户.
const FORMER_PREFIX = /(?:原|曾|曾经)(?:为|是|系|属|任)?(?:[省市州县区旗乡镇]{1,2})?$/u;

export function hasFormerPrefix(text: string, start: number): boolean {
  return FORMER_PREFIX.test(text.slice(Math.max(0, start - 6), start));
}

// 原 / 曾 that governs a whole clause or sentence, not standing right before the term: 该村原是贫困村，其中贫困户52户;
// 曾因病致贫，2019年摘掉了“贫困户”的帽子. Only with the verb that makes it temporal (原因, 原则, 曾某 are not).
const FORMER_CLAUSE = /(?:原来|原本|原先|曾经|原|曾)(?:是|为|系|属|因|被|经|列为|认定为|识别为|纳入|享受)/u;

/** Earlier in the term's sentence, a 原 / 曾 (+ verb) puts what follows in the past. */
export function isGovernedByFormer(text: string, start: number): boolean {
  const sentence = enclosing(text, start, start, FULL_SENTENCE_END);
  return FORMER_CLAUSE.test(text.slice(sentence.start, start));
}

// The sentence states the rename itself: 贫困户转为脱贫户, 扶贫办更名为乡村振兴局, 统一改称…
const RENAMED_AS = /^["'“”‘’」』]?(?:统一|已|均|一律|全部)?(?:转为|转变为|更名为|改名为|调整为|改为|改称|统称为|变更为|过渡为)/u;

export function isRenamedHere(text: string, end: number): boolean {
  return RENAMED_AS.test(text.slice(end, end + 12));
}

// An institution named in the act of its reorganisation or abolition: 撤销县扶贫开发办公室，组建县乡村振兴局;
// 在原扶贫办基础上重组. Only for names of bodies (…办, …办公室, …局, …小组, …中心).
const REORGANISED = /撤销|撤并|重组|组建|改组|整合|挂牌|更名|划转|职责划入/u;
const BODY_NAME = /(?:办|办公室|局|小组|中心)$/u;

export function isBodyBeingReorganised(text: string, start: number, end: number): boolean {
  if (!BODY_NAME.test(text.slice(start, end))) return false;
  const clause = enclosing(text, start, end, /[。!?;\n,]/);
  return REORGANISED.test(text.slice(clause.start, clause.end));
}

const SENTENCE_END = /[。!?;\n]/;
/** A full sentence: a year that opens it (2020年，…；…) carries across its `;` clauses. */
const FULL_SENTENCE_END = /[。!?\n]/;
const CLAUSE_END = /[,:]/;
// Words that put a clause in the present, whatever year the sentence began with.
const PRESENT_MARKERS = ['仍', '目前', '现在', '现为', '现有', '当前', '今年', '至今', '以来', '继续', '正在', '依然', '依旧', '还在', '现阶段'];
// `2020年`, `2020年12月`, `2020-12-31` / `2020.12.31` (a bare `2000.5` is an amount, not a date).
const YEAR_MENTION = /(?<!\d)((?:19|20)\d{2})(?:\s*年\s*(?:(\d{1,2})\s*月)?|[-./](\d{1,2})[-./]\d{1,2}(?!\d))/g;

const OPEN_ENDED = /^(?:底|末|度)?(?:以来|至今|起|开始|后)/;

interface YearMention extends Span {
  /** The last day the mention can mean, YYYY-MM-DD. */
  latest: string;
}

/**
 * The term at `[start, end)` is in a sentence anchored in a time before `retiredOn`: its own clause
 * names only earlier years, or (naming none) the nearest earlier year of the sentence is before it —
 * unless the clause speaks of the present (仍, 目前, 至今 …).
 */
export function isAnchoredBefore(text: string, start: number, end: number, retiredOn: string): boolean {
  const sentence = enclosing(text, start, end, SENTENCE_END);
  const clause = enclosing(text, start, end, CLAUSE_END, sentence);
  const clauseText = text.slice(clause.start, clause.end);
  if (PRESENT_MARKERS.some((marker) => clauseText.includes(marker))) return false;
  // A year that dates a group named by the term (2019年脱贫的…户, 2016年识别的…) says when they left or entered,
  // not that the sentence is about the past: 组织2019年退出的贫困户参加培训 is today's work.
  const mentions = findYearMentions(text, sentence).filter((m) => !(m.end <= start && DATES_THE_GROUP.test(text.slice(m.end, start))));
  const inClause = mentions.filter((m) => m.start >= clause.start && m.end <= clause.end);
  if (inClause.length > 0) return inClause.every((m) => m.latest < retiredOn);
  const before = mentions.filter((m) => m.end <= start);
  const nearest = before[before.length - 1];
  if (nearest !== undefined) return nearest.latest < retiredOn;
  // 2020年，全村贫困户全部脱贫；贫困村全部出列: the year opening the sentence is the time of all its clauses.
  const full = enclosing(text, start, end, FULL_SENTENCE_END);
  const opening = findYearMentions(text, full)[0];
  return (
    opening !== undefined &&
    opening.end <= start &&
    /^\s*$/.test(text.slice(full.start, opening.start)) &&
    /^(?:底|末|初|前|以前|期间)?[,:]/.test(text.slice(opening.end, opening.end + 4)) &&
    opening.latest < retiredOn
  );
}

/** Between a year and the term: a short attributive phrase ending in 的 (脱贫的, 退出的, 识别的), no clause break. */
const DATES_THE_GROUP = /^[^,;:。!?\n]{0,8}的$/u;

function enclosing(text: string, start: number, end: number, boundary: RegExp, within: Span = { start: 0, end: text.length }): Span {
  let s = start;
  while (s > within.start && !boundary.test(text[s - 1])) s--;
  let e = end;
  while (e < within.end && !boundary.test(text[e])) e++;
  return { start: s, end: e };
}

function findYearMentions(text: string, within: Span): YearMention[] {
  const slice = text.slice(within.start, within.end);
  const mentions: YearMention[] = [];
  for (const m of slice.matchAll(YEAR_MENTION)) {
    const year = Number(m[1]);
    const monthText = m[2] ?? m[3];
    const month = monthText === undefined ? 12 : Number(monthText);
    if (month < 1 || month > 12) continue;
    const end = within.start + m.index + m[0].length;
    // `2020年以来`, `2019年至今`, `2020年起` reach the present: they anchor nothing in the past.
    const latest = OPEN_ENDED.test(text.slice(end, end + 6)) ? '9999-12-31' : latestDay(year, month);
    mentions.push({ start: within.start + m.index, end, latest });
  }
  return mentions;
}
