import type { ArchiveFile, Checklist, ChecklistItem, ExtractedContent, ItemMatch, ItemLevel, TextBlock } from '../../../rules/api.js';
import { isHeadingLike, isTableBlock, pageOfBlock } from './heading-line.js';
import { normalizeName, stripNumbering } from '../discover/archive-names.js';
import { datesOf, findDates } from '../../../rules/index.js';

/** Finds the procedure steps a file shows (by name, or page by page in a combined document). */
export type StepIdentifier = (
  file: { name: string; path: string; content: ExtractedContent | null },
  procedures: Checklist['procedures'],
  normalizedNameParts: string[],
  maskWords: string[],
) => ItemMatch[];

interface PreparedItem {
  item: ChecklistItem;
  /** Name and aliases, normalised, longest first. */
  words: string[];
}

export interface PreparedChecklist {
  checklist: Checklist;
  byLevel: Record<'household' | 'village', PreparedItem[]>;
  byName: Map<string, ChecklistItem>;
  /** Every item's normalised name and aliases: a step word inside one of them is that item, not a step. */
  itemWords: string[];
}

export function prepareChecklist(checklist: Checklist): PreparedChecklist {
  const prepare = (levels: ItemLevel[]): PreparedItem[] =>
    checklist.items
      .filter((item) => levels.includes(item.level))
      .map((item) => ({
        item,
        words: [...new Set([item.name, ...item.aliases].map(normalizeName).filter(Boolean))].sort((a, b) => b.length - a.length),
      }));
  return {
    checklist,
    byLevel: { household: prepare(['household', 'monitored']), village: prepare(['village']) },
    byName: new Map(checklist.items.map((item) => [item.name, item])),
    itemWords: [...new Set(checklist.items.flatMap((i) => [i.name, ...i.aliases]).map(normalizeName).filter(Boolean))],
  };
}

const chineseYearDigits: Record<string, string> = { 〇: '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/** Years written in a name or title: `2023年`, `2023`, `（2022年度）`, `二〇二三年`; not inside ID numbers. */
export function readYears(text: string): number[] {
  const years = new Set<number>();
  const half = text.normalize('NFKC');
  for (const m of half.matchAll(/(?<!\d)(20[0-4]\d|19[89]\d)(?!\d)/g)) years.add(Number(m[1]));
  for (const m of half.matchAll(/([〇零一二三四五六七八九]{4})年/g)) {
    years.add(Number([...m[1]!].map((c) => chineseYearDigits[c]).join('')));
  }
  return [...years].sort();
}

function baseName(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/** Folder names between the scope (household or village folder) and the file, nearest first. */
export function foldersBetween(filePath: string, scopePath: string): string[] {
  const inner = scopePath && filePath.startsWith(`${scopePath}/`) ? filePath.slice(scopePath.length + 1) : filePath;
  return inner
    .split('/')
    .slice(0, -1)
    .map((f) => f.replace(/\.zip$/i, ''))
    .reverse();
}

function matchWords(prepared: PreparedItem[], text: string): ChecklistItem[] {
  if (!text) return [];
  return prepared.filter((p) => p.words.some((w) => text.includes(w))).map((p) => p.item);
}

function titleText(content: ExtractedContent | null): string {
  if (!content) return '';
  const title = content.title ?? content.blocks.find((b) => b.text.trim())?.text ?? '';
  return normalizeName(title.slice(0, 80));
}

function contentYears(content: ExtractedContent | null): number[] {
  if (!content) return [];
  const fromSheets = content.tables.filter((t) => t.kind === 'sheet').flatMap((t) => readYears(t.name));
  if (fromSheets.length > 0) return [...new Set(fromSheets)].sort();
  const fromTitle = readYears(content.title ?? '');
  if (fromTitle.length > 0) return fromTitle;
  let latest: string | undefined;
  for (const d of datesOf(content)) if (latest === undefined || d.date > latest) latest = d.date;
  return latest ? [Number(latest.slice(0, 4))] : [];
}

/** A part of a file that opens with an item's title (a page or a titled section of a whole dossier in one PDF). */
interface ItemSection {
  items: ChecklistItem[];
  heading: string;
  location: string;
  blocks: TextBlock[];
}

/**
 * The parts of a document that open with a checklist item's title: the first lines of each page, or a heading line
 * between paragraphs. A household's whole dossier printed into one PDF (基本情况表, each year's 收入测算表, 明白卡,
 * 走访记录 …) is many documents; each part then counts for its item with its own year.
 */
function findItemSections(content: ExtractedContent, items: PreparedItem[]): ItemSection[] {
  const sections: ItemSection[] = [];
  let current: ItemSection | null = null;
  let page: number | undefined;
  let linesOnPage = 0;
  // The rows of a large worksheet (blocksOf) are table blocks, which open no section and have none open in a
  // workbook: the stored blocks are read alone.
  for (const block of content.blocks) {
    if (isTableBlock(block)) {
      current?.blocks.push(block);
      continue;
    }
    const blockPage = pageOfBlock(block);
    if (blockPage !== undefined && blockPage !== page) {
      page = blockPage;
      linesOnPage = 0;
    }
    const lines = block.text.split(/\r?\n/).filter((l) => l.trim() !== '');
    const firstLine = lines[0] ?? '';
    const isPageStart = page !== undefined && linesOnPage < 2;
    linesOnPage += lines.length;
    // A heading is short (isHeadingLike allows 48 characters at most): a paragraph is passed over unnormalised.
    const heading = firstLine.length <= 64 ? normalizeName(stripNumbering(firstLine)) : '';
    const found = heading && isHeadingLike(firstLine, heading.length, { isPageStart }) ? matchWords(items, heading) : [];
    if (found.length > 0) {
      current = { items: found, heading: firstLine.trim(), location: block.location, blocks: [block] };
      sections.push(current);
    } else {
      current?.blocks.push(block);
    }
  }
  return sections;
}

/** A section's year: written in its heading (2023年家庭收入测算表), else the latest date inside it. */
function sectionYears(section: ItemSection): number[] {
  const fromHeading = readYears(section.heading);
  if (fromHeading.length > 0) return fromHeading;
  const latest = findDates(section.blocks).map((d) => d.date).sort().pop();
  return latest ? [Number(latest.slice(0, 4))] : [];
}

/**
 * Which checklist items a file is: by its own name, else its document title, else its folders' names
 * (numbering and punctuation stripped). A combined form also counts for the items it covers.
 */
export function identifyFile(
  file: Pick<ArchiveFile, 'path' | 'name' | 'content'>,
  scopePath: string,
  level: 'household' | 'village',
  prepared: PreparedChecklist,
  identifySteps?: StepIdentifier,
): ItemMatch[] {
  const nameText = normalizeName(stripNumbering(baseName(file.name)));
  const folders = foldersBetween(file.path, scopePath);
  const folderTexts = folders.map((f) => normalizeName(stripNumbering(f)));
  const items = prepared.byLevel[level];

  let via: ItemMatch['via'] = 'filename';
  let found = matchWords(items, nameText);
  if (found.length === 0) {
    via = 'title';
    found = matchWords(items, titleText(file.content));
  }
  if (found.length === 0) {
    via = 'folder';
    for (const folder of folderTexts) {
      found = matchWords(items, folder);
      if (found.length > 0) break;
    }
  }

  const nameYears = [...new Set([...readYears(baseName(file.name)), ...folders.flatMap(readYears)])].sort();
  const years = nameYears.length > 0 ? nameYears : contentYears(file.content);
  const matches: ItemMatch[] = [];
  const add = (item: string): void => {
    if (!matches.some((m) => m.item === item && !m.step)) matches.push({ item, years, via });
  };
  for (const item of found) {
    add(item.name);
    for (const covered of item.covers) add(covered);
  }
  // Several documents in one file: each titled part counts for its item, with its own year and place. Only when
  // the parts name two or more different items (one title repeated on each page is one document).
  const sections = file.content ? findItemSections(file.content, items) : [];
  if (new Set(sections.flatMap((sec) => sec.items.map((i) => i.name))).size >= 2) {
    for (const section of sections) {
      const sectionYearList = sectionYears(section);
      for (const item of section.items) {
        for (const name of [item.name, ...item.covers]) {
          const same = matches.find((m) => m.item === name && !m.step);
          if (same) {
            same.years = [...new Set([...same.years, ...sectionYearList])].sort();
            same.via = same.via === 'filename' ? same.via : 'content';
          } else {
            matches.push({ item: name, years: sectionYearList, via: 'content', location: section.location });
          }
        }
      }
    }
  }
  if (level === 'household' && identifySteps && prepared.checklist.procedures.length > 0) {
    matches.push(...identifySteps(file, prepared.checklist.procedures, [nameText, ...folderTexts], prepared.itemWords));
  }
  return matches;
}
