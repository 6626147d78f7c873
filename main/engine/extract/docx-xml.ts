// A small forward scan of WordprocessingML: paragraphs and table cells in reading order.
// A DOM library would build the whole tree; this only keeps the text, and is many times faster.

export interface DocxParagraph {
  text: string;
  styleId: string | null;
  /** Set when the paragraph itself declares an outline level (a heading without a heading style). */
  outlineLevel: number | null;
}

export interface DocxTableCell {
  text: string;
  /** Grid columns the cell spans (`w:gridSpan`). */
  span: number;
  /** `continue` for a cell merged with the one above (`w:vMerge` without `restart`). */
  verticalMerge: 'restart' | 'continue' | null;
}

export interface DocxTable {
  rows: DocxTableCell[][];
}

export type DocxItem = { kind: 'paragraph'; paragraph: DocxParagraph } | { kind: 'table'; table: DocxTable };

interface OpenParagraph {
  parts: string[];
  styleId: string | null;
  outlineLevel: number | null;
}

interface OpenCell {
  paragraphs: string[];
  span: number;
  verticalMerge: 'restart' | 'continue' | null;
}

interface OpenTable {
  rows: DocxTableCell[][];
  row: DocxTableCell[] | null;
  cell: OpenCell | null;
}

const tokenPattern = /<(\/?)([A-Za-z][\w.-]*:)?([\w.-]+)([^>]*?)(\/?)>|<!\[CDATA\[([\s\S]*?)\]\]>|<[?!][^>]*>|([^<]+)/g;

export function decodeXmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (whole, entity: string) => {
    switch (entity) {
      case 'lt': return '<';
      case 'gt': return '>';
      case 'amp': return '&';
      case 'quot': return '"';
      case 'apos': return "'";
      default: {
        const code = entity[1] === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
        return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
    }
  });
}

function readAttribute(attributes: string, name: string): string | null {
  const m = new RegExp(`(?:^|\\s)(?:w:)?${name}="([^"]*)"`).exec(attributes);
  return m ? decodeXmlEntities(m[1]) : null;
}

/** Paragraphs outside tables and tables, in document order. Nested tables become tables of their own. */
export function scanDocumentXml(xml: string): DocxItem[] {
  const items: DocxItem[] = [];
  const paragraphs: OpenParagraph[] = [];
  const tables: OpenTable[] = [];
  let inText = false;
  let propertiesDepth = 0;
  let skipDepth = 0;

  const finishParagraph = (p: OpenParagraph): void => {
    const text = p.parts.join('');
    const table = tables[tables.length - 1];
    if (table?.cell) table.cell.paragraphs.push(text);
    else items.push({ kind: 'paragraph', paragraph: { text, styleId: p.styleId, outlineLevel: p.outlineLevel } });
  };

  tokenPattern.lastIndex = 0;
  for (let m = tokenPattern.exec(xml); m; m = tokenPattern.exec(xml)) {
    const [, closing, prefix, local, attributes, selfClosing, cdata, text] = m;
    if (text !== undefined || cdata !== undefined) {
      if (inText && skipDepth === 0 && paragraphs.length > 0) {
        paragraphs[paragraphs.length - 1].parts.push(cdata ?? decodeXmlEntities(text));
      }
      continue;
    }
    if (local === undefined) continue;
    const tag = (prefix ?? '') + local;
    // Markup-compatibility fallbacks repeat the content of the preferred choice.
    if (tag === 'mc:Fallback') {
      if (closing) skipDepth--;
      else if (!selfClosing) skipDepth++;
      continue;
    }
    if (skipDepth > 0) continue;
    const current = paragraphs[paragraphs.length - 1];
    switch (tag) {
      case 'w:p':
        if (closing) {
          const p = paragraphs.pop();
          if (p) finishParagraph(p);
        } else if (selfClosing) {
          finishParagraph({ parts: [], styleId: null, outlineLevel: null });
        } else {
          paragraphs.push({ parts: [], styleId: null, outlineLevel: null });
        }
        break;
      case 'w:pPr':
      case 'w:rPr':
      case 'w:tblPr':
      case 'w:sectPr':
        if (!selfClosing) propertiesDepth += closing ? -1 : 1;
        break;
      case 'w:pStyle':
        if (current && !closing) current.styleId = readAttribute(attributes, 'val');
        break;
      case 'w:outlineLvl':
        if (current && !closing) current.outlineLevel = Number(readAttribute(attributes, 'val') ?? '0');
        break;
      case 'w:t':
        inText = !closing && !selfClosing;
        break;
      case 'w:tab':
        if (current && !closing && propertiesDepth === 0) current.parts.push('\t');
        break;
      case 'w:br':
      case 'w:cr':
        if (current && !closing && propertiesDepth === 0) current.parts.push('\n');
        break;
      case 'w:noBreakHyphen':
        if (current && !closing) current.parts.push('-');
        break;
      case 'w:tbl':
        if (closing) {
          const table = tables.pop();
          if (table) items.push({ kind: 'table', table: { rows: table.rows } });
        } else if (!selfClosing) {
          tables.push({ rows: [], row: null, cell: null });
        }
        break;
      case 'w:tr': {
        const table = tables[tables.length - 1];
        if (!table) break;
        if (closing) {
          if (table.row) table.rows.push(table.row);
          table.row = null;
        } else if (!selfClosing) {
          table.row = [];
        }
        break;
      }
      case 'w:tc': {
        const table = tables[tables.length - 1];
        if (!table) break;
        if (closing) {
          if (table.cell && table.row) {
            const { paragraphs: texts, span, verticalMerge } = table.cell;
            table.row.push({ text: texts.join('\n').trim(), span, verticalMerge });
          }
          table.cell = null;
        } else if (!selfClosing) {
          table.cell = { paragraphs: [], span: 1, verticalMerge: null };
        }
        break;
      }
      case 'w:gridSpan': {
        const cell = tables[tables.length - 1]?.cell;
        if (cell && !closing) cell.span = Math.max(1, Number(readAttribute(attributes, 'val') ?? '1') || 1);
        break;
      }
      case 'w:vMerge':
      case 'w:vmerge': {
        const cell = tables[tables.length - 1]?.cell;
        if (cell && !closing) cell.verticalMerge = readAttribute(attributes, 'val') === 'restart' ? 'restart' : 'continue';
        break;
      }
      default:
        break;
    }
  }
  return items;
}

/** Style ids whose style is a heading or title (`heading 1`, `Title`, `标题 1`, or any style with an outline level). */
export function findHeadingStyles(stylesXml: string): Set<string> {
  const headings = new Set<string>();
  const stylePattern = /<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g;
  for (let m = stylePattern.exec(stylesXml); m; m = stylePattern.exec(stylesXml)) {
    const id = readAttribute(m[1], 'styleId');
    if (!id) continue;
    const name = /<w:name\s+w:val="([^"]*)"/.exec(m[2])?.[1] ?? '';
    if (/^(heading\s*\d|title|标题)/i.test(name) || /<w:outlineLvl\b/.test(m[2])) headings.add(id);
  }
  return headings;
}
