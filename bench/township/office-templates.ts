// Word and Excel files made once by the real libraries (docx, exceljs) with placeholders, then
// filled per household by substituting text inside the zip. Building 30,000 documents through the
// libraries would take most of the time budget; substitution gives the same valid files in ~1 ms.
import { Document, HeadingLevel, Packer, PageBreak, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

/** Text placeholders are `{{KEY}}`; numeric cells use `num('KEY')`. */
export type Values = Record<string, string | number>;

export type DocBlock =
  | { kind: 'title'; text: string }
  | { kind: 'p'; text: string }
  | { kind: 'table'; rows: string[][] }
  | { kind: 'page' };

export interface NumberSlot {
  num: string;
}
export type TemplateCell = string | number | NumberSlot | null;
export interface SheetTemplate {
  name: string;
  rows: TemplateCell[][];
  merges?: string[];
}

export const num = (key: string): NumberSlot => ({ num: key });

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function substitute(xml: string, values: Values, what: string): string {
  return xml.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`${what}: no value for {{${key}}}`);
    return escapeXml(String(value));
  });
}

/** The unchanged parts are kept as bytes; only the parts with placeholders are re-encoded. */
class ZipTemplate {
  private readonly fixed: Record<string, Uint8Array> = {};
  private readonly templated = new Map<string, string>();

  constructor(bytes: Uint8Array, templatedParts: (name: string) => boolean) {
    for (const [name, data] of Object.entries(unzipSync(bytes))) {
      if (name.endsWith('/')) continue;
      if (templatedParts(name)) this.templated.set(name, strFromU8(data));
      else this.fixed[name] = data;
    }
  }

  render(transform: (name: string, xml: string) => string, mtime: Date): Uint8Array {
    const files: Zippable = {};
    for (const [name, data] of Object.entries(this.fixed)) files[name] = [data, { mtime, level: 1 }];
    for (const [name, xml] of this.templated) files[name] = [strToU8(transform(name, xml)), { mtime, level: 6 }];
    return zipSync(files);
  }
}

export class DocxTemplate {
  private constructor(private readonly zip: ZipTemplate, private readonly label: string) {}

  static async build(label: string, blocks: DocBlock[]): Promise<DocxTemplate> {
    const children: Array<Paragraph | Table> = [];
    for (const block of blocks) {
      if (block.kind === 'title') children.push(new Paragraph({ text: block.text, heading: HeadingLevel.HEADING_1 }));
      else if (block.kind === 'p') children.push(new Paragraph(block.text));
      else if (block.kind === 'page') children.push(new Paragraph({ children: [new PageBreak()] }));
      else {
        children.push(
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: block.rows.map((row) => new TableRow({ children: row.map((text) => new TableCell({ children: [new Paragraph(text)] })) })),
          }),
        );
      }
    }
    const doc = new Document({ creator: '村委会', sections: [{ children }] });
    const bytes = new Uint8Array(await Packer.toBuffer(doc));
    return new DocxTemplate(new ZipTemplate(bytes, (name) => name === 'word/document.xml' || name === 'docProps/core.xml'), label);
  }

  fill(values: Values, date: string): Uint8Array {
    const stamp = `${date}T09:00:00Z`;
    return this.zip.render((name, xml) => {
      if (name === 'docProps/core.xml') return xml.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, `$1${stamp}`);
      return substitute(xml, values, this.label);
    }, new Date(`${date}T09:00:00`));
  }
}

/** Sentinel numbers stand for numeric placeholders in the sheet XML (`<v>97531004</v>`). */
const SENTINEL_BASE = 97531000;

export class XlsxTemplate {
  private constructor(
    private readonly zip: ZipTemplate,
    private readonly numberKeys: string[],
    private readonly label: string,
  ) {}

  static async build(label: string, sheets: SheetTemplate[]): Promise<XlsxTemplate> {
    const numberKeys: string[] = [];
    const wb = new ExcelJS.Workbook();
    wb.creator = '村委会';
    for (const sheet of sheets) {
      const ws = wb.addWorksheet(sheet.name);
      for (const row of sheet.rows) {
        ws.addRow(
          row.map((cell) => {
            if (cell === null) return undefined;
            if (typeof cell === 'object') {
              numberKeys.push(cell.num);
              return SENTINEL_BASE + numberKeys.length - 1;
            }
            return cell;
          }),
        );
      }
      for (const range of sheet.merges ?? []) ws.mergeCells(range);
      ws.columns.forEach((col) => {
        col.width = 14;
      });
    }
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const templated = (name: string) => name === 'xl/sharedStrings.xml' || /^xl\/worksheets\/sheet\d+\.xml$/.test(name);
    return new XlsxTemplate(new ZipTemplate(bytes, templated), numberKeys, label);
  }

  fill(values: Values, date: string): Uint8Array {
    return this.zip.render((name, xml) => {
      if (name === 'xl/sharedStrings.xml') return substitute(xml, values, this.label);
      return xml.replace(/<v>(9753\d{4})<\/v>/g, (whole, sentinel: string) => {
        const key = this.numberKeys[Number(sentinel) - SENTINEL_BASE];
        if (key === undefined) return whole;
        const value = values[key];
        if (typeof value !== 'number') throw new Error(`${this.label}: no number for ${key}`);
        return `<v>${value}</v>`;
      });
    }, new Date(`${date}T09:00:00`));
  }
}
