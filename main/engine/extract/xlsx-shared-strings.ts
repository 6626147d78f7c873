// Shared strings of an .xlsx (xl/sharedStrings.xml) as exceljs models them; part of the fast reader (xlsx-fast.ts).
import { unsupported, XmlReader } from './xlsx-xml.js';

/** exceljs's shared string models: text, rich text runs, or `{}` for an `<si>` with neither. */
export type SharedString = string | { richText: Array<{ text: string | undefined }> } | Record<string, never>;

/** exceljs's TextXform (shared strings and rich text runs, not plain inline strings) decodes `_xHHHH_`. */
export function decodeEscapes(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

export function readSharedStrings(xml: string): SharedString[] {
  const values: SharedString[] = [];
  const reader = new XmlReader(xml);
  let current: SharedString = {};
  let runs: Array<{ text: string | undefined }> | null = null;
  let run: { text: string | undefined } | null = null;
  let phoneticDepth = 0;
  let textParts: string[] | null = null;
  while (reader.next()) {
    const { kind, name, depth } = reader;
    if (kind === 'text') {
      if (textParts && phoneticDepth === 0) textParts.push(reader.text);
      continue;
    }
    if (phoneticDepth > 0) {
      // exceljs reads phonetic runs (rPh) into a model it then drops.
      if (kind === 'close' && depth === phoneticDepth - 1) phoneticDepth = 0;
      continue;
    }
    if (kind === 'open') {
      if (depth === 1) {
        if (name !== 'sst') throw unsupported(`shared strings root <${name}>`);
      } else if (depth === 2) {
        // exceljs throws on anything but <si> here.
        if (name !== 'si') throw unsupported(`<${name}> in <sst>`);
        current = {};
        runs = null;
      } else if (depth === 3) {
        if (name === 't') textParts = [];
        else if (name === 'r') run = { text: undefined };
        else if (name === 'rPh') phoneticDepth = depth;
        else if (name !== 'phoneticPr') throw unsupported(`<${name}> in <si>`);
      } else if (run && depth === 4) {
        if (name === 't') textParts = [];
        else if (name !== 'rPr') throw unsupported(`<${name}> in <r>`);
      } else if (!run || name === 't' || name === 'r') {
        // Only the run properties (fonts) nest deeper.
        throw unsupported(`<${name}> in <si>`);
      }
      continue;
    }
    // close
    if (depth === 1 && name === 'si') {
      values.push(current);
    } else if (name === 't' && textParts) {
      const text = decodeEscapes(textParts.join(''));
      textParts = null;
      // exceljs: a second <t> replaces the first; a run keeps its last <t>.
      if (run && depth === 3) run.text = text;
      else current = text;
    } else if (depth === 2 && name === 'r' && run) {
      // exceljs: runs after a plain <t> fail (it sets a property on a string).
      if (typeof current === 'string') throw unsupported('rich text after plain text');
      if (!runs) current = { richText: (runs = []) };
      runs.push(run);
      run = null;
    }
  }
  return values;
}
