// Whether a line of a document reads as a heading (a step's title) rather than running text or a
// form field: combined procedure documents show each step's title on its own short line or at the
// top of a page, while forms carry the same words as field labels (`乡镇审核意见：`).
import type { TextBlock } from '../../../rules/api.js';

// Numbering before a heading: `一、`, `（三）`, `3.`, `①`, `第一步`, `步骤二：`, `第3部分`.
const headingNumbering =
  /^(?:[\s\d]+[\s._、．\-—)）:：]*|[（(][\d一二三四五六七八九十]+[)）][\s、．.:：]*|[一二三四五六七八九十]+[、．.:：]\s*|[①-⑳]\s*|(?:第[一二三四五六七八九十\d]+(?:步|部分|项|环节|阶段)|步骤[一二三四五六七八九十\d]+|环节[一二三四五六七八九十\d]+)[\s、．.:：]*)+/u;

export function stripHeadingNumbering(line: string): string {
  return line.normalize('NFKC').trim().replace(headingNumbering, '').trim();
}

export interface HeadingOptions {
  /** The line opens a page of a PDF: titles there may be longer. */
  isPageStart?: boolean;
}

/**
 * A short line without sentence punctuation or a field colon; `关于……的公示` titles may be long.
 * `normalizedLength` is the line's length without spaces and punctuation, numbering stripped.
 */
export function isHeadingLike(line: string, normalizedLength: number, options: HeadingOptions = {}): boolean {
  const body = stripHeadingNumbering(line);
  if (normalizedLength === 0) return false;
  if (/[。；;，,！!？?]/.test(body.replace(/[。.]$/, ''))) return false;
  if (/[:：]/.test(body)) return false;
  if (/^关于.*的/.test(body)) return normalizedLength <= 48;
  return normalizedLength <= (options.isPageStart ? 40 : 30);
}

// A short alias counts as a title word only at the start of a heading (`公示照片`, `审定意见`,
// `县级确认`), or at its end after `的` (`关于张三纳入监测对象的公示`).
const titlePrefix = /^(?:村级|村|乡镇|乡|镇|县级|县|结果|张榜|监测对象|防返贫监测对象|识别纳入|纳入|风险消除|消除)*$/u;
const titleSuffix = /^(?:表|书|单|记录|照片|图片|材料|资料|意见|情况|结果|文件|通知|名单|签字|签名|表格|附件|公告)*$/u;

export function isShortWordPlaced(normalizedLine: string, start: number, end: number): boolean {
  const before = normalizedLine.slice(0, start);
  const after = normalizedLine.slice(end);
  if (!titleSuffix.test(after)) return false;
  return titlePrefix.test(before) || (after === '' && before.endsWith('的'));
}

/** Cells of tables come as blocks from some extractors: form labels there are no headings. */
export function isTableBlock(block: TextBlock): boolean {
  return block.location.includes('!') || block.location.startsWith('表格');
}

/** The 1-based page a block stands on (its `page`, or `第3页` in its location); undefined when it names none. */
export function pageOfBlock(block: TextBlock): number | undefined {
  if (block.page !== undefined) return block.page;
  const m = /第(\d+)页/.exec(block.location);
  return m ? Number(m[1]) : undefined;
}
