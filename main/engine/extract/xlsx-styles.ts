// Styles of an .xlsx (xl/styles.xml): only what decides whether exceljs turns a number into a Date. Part of the
// fast reader (xlsx-fast.ts).
import { unsupported, XmlReader } from './xlsx-xml.js';

// exceljs's built-in formats (defaultnumformats.js entries with an `f`); the CJK ids 27–36 and 50–58 have
// none there, so exceljs never reads them as dates.
const builtInFormats: Record<number, string> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?',
  13: '# ??/??', 14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM',
  20: 'h:mm', 21: 'h:mm:ss', 22: 'm/d/yy "h":mm', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)', 40: '#,##0.00 ;[Red](#,##0.00)', 45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0',
  48: '##0.0E+0', 49: '@',
};

/** exceljs's utils.isDateFmt: any of y m d h M s b outside quotes and brackets. */
function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

export class StyleTable {
  private readonly dates: boolean[];

  /** `xfNumberFormats` null: a styles part exceljs could not index (it then fails on the first styled cell). */
  constructor(private readonly xfNumberFormats: number[] | null, customFormats: Map<number, string>) {
    this.dates = (xfNumberFormats ?? []).map((id) => Boolean(id) && isDateFormat(customFormats.get(id) || builtInFormats[id]));
  }

  /** exceljs: getStyleModel(id) then isDateFmt(style.numFmt); a numFmtId of 0 (or none) has no numFmt. */
  isDate(styleId: number): boolean {
    if (this.xfNumberFormats === null) throw unsupported('cell style without cellXfs');
    return this.dates[styleId] ?? false;
  }
}

export function readStyles(xml: string): StyleTable {
  const reader = new XmlReader(xml);
  const customFormats = new Map<number, string>();
  let xfNumberFormats: number[] | null = null;
  let list: 'numFmts' | 'cellXfs' | null = null;
  let seenNumFmts = false;
  while (reader.next()) {
    const { kind, name, depth } = reader;
    if (kind === 'close') {
      if (depth === 1 && name === list) list = null;
      continue;
    }
    if (kind !== 'open') continue;
    if (depth === 1) {
      if (name !== 'styleSheet') throw unsupported(`styles root <${name}>`);
    } else if (depth === 2) {
      if (name === 'numFmts' || name === 'cellXfs') {
        if (name === 'numFmts' ? seenNumFmts : xfNumberFormats !== null) throw unsupported(`two <${name}>`);
        if (name === 'numFmts') seenNumFmts = true;
        else xfNumberFormats = [];
        list = reader.selfClosing ? null : name;
      }
    } else if (depth === 3 && list === 'numFmts') {
      if (name !== 'numFmt') throw unsupported(`<${name}> in <numFmts>`);
      const attributes = reader.readAttributes();
      const code = attributes.get('formatCode');
      if (code === undefined) throw unsupported('numFmt without formatCode');
      // exceljs drops the backslash of escaped characters.
      customFormats.set(parseInt(attributes.get('numFmtId') as string, 10), code.replace(/[\\](.)/g, '$1'));
    } else if (depth === 3 && list === 'cellXfs') {
      if (name !== 'xf') throw unsupported(`<${name}> in <cellXfs>`);
      xfNumberFormats!.push(parseInt(reader.readAttributes().get('numFmtId') as string, 10));
    } else if (list !== null && depth > 3 && name === 'xf') {
      throw unsupported('nested <xf>');
    } else if (depth > 2 && (name === 'numFmts' || name === 'cellXfs')) {
      throw unsupported(`<${name}> at depth ${depth}`);
    }
  }
  // exceljs keeps no cellXfs list when it is empty, and then fails on any styled cell.
  return new StyleTable(xfNumberFormats && xfNumberFormats.length > 0 ? xfNumberFormats : null, customFormats);
}
