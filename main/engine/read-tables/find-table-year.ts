// Which year an income table speaks for: its sheet name, its own title or 年度 cell, then the file's
// title, name and the years the identify stage read for it.
import type { ArchiveFile, TextTable } from '../../../rules/api.js';
import { blocksOf } from '../../../rules/index.js';

const YEAR = /(20\d{2})/;

function firstMatch(texts: string[], pattern: RegExp): number | null {
  for (const text of texts) {
    const m = pattern.exec(text.normalize('NFKC'));
    if (m) return Number(m[1]);
  }
  return null;
}

/** A year cell as a column or row heading: `2023`, `2023年`, `2023年度`. */
export function readYearCell(text: string | undefined): number | null {
  const m = /^(20\d{2})\s*(年度?)?$/.exec((text ?? '').normalize('NFKC').trim());
  return m ? Number(m[1]) : null;
}

export function findYearInTable(table: TextTable): number | null {
  if (table.kind === 'sheet') {
    const fromName = YEAR.exec(table.name.normalize('NFKC'));
    if (fromName) return Number(fromName[1]);
  }
  const cells = table.rows.flat().filter((c) => c && c.trim());
  const byTitle = firstMatch(cells, /(20\d{2})\s*年度/) ?? firstMatch(cells, /(20\d{2})\s*年.{0,10}(收入|收支)/);
  if (byTitle !== null) return byTitle;
  // A `年度` label with the year in a cell to its right.
  for (const row of table.rows) {
    for (let i = 0; i < row.length; i++) {
      const label = (row[i] ?? '').normalize('NFKC').replace(/\s+/g, '');
      const inline = /^(年度|年份|测算年度|收入年度)[:：]?(20\d{2})/.exec(label);
      if (inline) return Number(inline[2]);
      if (/^(年度|年份|测算年度|收入年度)[:：]?$/.test(label)) {
        const value = row.slice(i + 1).map(readYearCell).find((y) => y !== null);
        if (value) return value;
      }
    }
  }
  return null;
}

export function findYearOfFile(file: ArchiveFile): number | null {
  const texts = [file.content?.title ?? '', ...firstBlockTexts(file, 5)];
  const fromText = firstMatch(texts, /(20\d{2})\s*年度/) ?? firstMatch(texts, /(20\d{2})\s*年.{0,10}(收入|收支)/);
  if (fromText !== null) return fromText;
  const fromName = YEAR.exec(file.name.normalize('NFKC'));
  if (fromName) return Number(fromName[1]);
  const years = new Set(file.matches.filter((m) => m.item === '家庭收入测算表').flatMap((m) => m.years));
  if (years.size === 1) return [...years][0];
  return firstMatch(texts, YEAR);
}

function firstBlockTexts(file: ArchiveFile, count: number): string[] {
  const texts: string[] = [];
  if (file.content === null) return texts;
  for (const block of blocksOf(file.content)) {
    if (texts.length === count) break;
    texts.push(block.text);
  }
  return texts;
}
