// Builds real .xlsx/.docx files with exceljs and docx, reads them through the extraction layer,
// and wraps them as the ArchiveFile the identify stage would hand over.
import ExcelJS from 'exceljs';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { expect } from 'vitest';
import type { ArchiveFile, ItemMatch } from '../../../rules/api.js';
import { extractBytes } from '../../../main/engine/extract/registry.js';

async function asArchiveFile(bytes: Buffer, path: string, matches: ItemMatch[]): Promise<ArchiveFile> {
  const name = path.split('/').pop()!;
  const outcome = await extractBytes(bytes, name);
  expect(outcome.unreadable).toBeNull();
  return {
    path,
    name,
    ext: name.split('.').pop()!.toLowerCase(),
    size: bytes.length,
    village: '红星村',
    householdKey: '红星村/张三',
    content: outcome.content,
    unreadable: null,
    matches,
  };
}

export async function xlsxFile(
  path: string,
  sheets: Record<string, Array<Array<string | number>>>,
  matches: ItemMatch[] = [],
): Promise<ArchiveFile> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const row of rows) ws.addRow(row);
  }
  return asArchiveFile(Buffer.from(await wb.xlsx.writeBuffer()), path, matches);
}

export async function docxFile(path: string, paragraphs: string[], rows: string[][], matches: ItemMatch[] = []): Promise<ArchiveFile> {
  const table = new Table({
    rows: rows.map((cells) => new TableRow({ children: cells.map((text) => new TableCell({ children: [new Paragraph(text)] })) })),
  });
  const doc = new Document({ sections: [{ children: [...paragraphs.map((p) => new Paragraph(p)), table] }] });
  return asArchiveFile(await Packer.toBuffer(doc), path, matches);
}

export function incomeMatch(years: number[]): ItemMatch {
  return { item: '家庭收入测算表', years, via: 'filename' };
}
