// Recognises the steps of the 识别纳入 / 风险消除 procedures in a household's files: a file or photo
// named by a step (`03村级公示.jpg`, folder `识别纳入程序/04公示照片/`), or a combined document
// (`识别程序资料.pdf`) whose pages or sections open with each step's title.
import type { ExtractedContent, ItemMatch, ProcedureDefinition, ProcedureName, TextBlock } from '../../../rules/api.js';
import { isHeadingLike, isShortWordPlaced, isTableBlock, pageOfBlock, stripHeadingNumbering } from './heading-line.js';
import {
  findStepSpans,
  looksLikeProcedureBundle,
  normalizeStepText,
  prepareStepTerms,
  readProcedureContext,
  resolveCandidates,
  shortWordLength,
  type PreparedStepTerms,
  type StepCandidate,
  type StepSpan,
} from './step-terms.js';
import { datesOf as allDatesOf, findDates } from '../../../rules/index.js';
import { readNoticePeriod } from './read-notice-period.js';

export interface StepFile {
  name: string;
  path: string;
  content: ExtractedContent | null;
}

interface Section {
  steps: StepCandidate[];
  location: string;
  lines: string[];
}

const preparedCache = new WeakMap<ProcedureDefinition[], Map<string, PreparedStepTerms>>();

function prepare(procedures: ProcedureDefinition[], maskWords: string[]): PreparedStepTerms {
  let byMask = preparedCache.get(procedures);
  if (!byMask) preparedCache.set(procedures, (byMask = new Map()));
  const key = maskWords.join('\u0000');
  let prepared = byMask.get(key);
  if (!prepared) byMask.set(key, (prepared = prepareStepTerms(procedures, maskWords)));
  return prepared;
}

/** Steps a name or heading names, resolved to their procedure; short words only where a title word stands. */
function stepsIn(text: string, terms: PreparedStepTerms, context: ProcedureName[], isHeading: boolean): StepCandidate[] {
  const spans = findStepSpans(text, terms).filter(
    (s: StepSpan) => !isHeading || s.word.length > shortWordLength || isShortWordPlaced(text, s.start, s.end),
  );
  const found: StepCandidate[] = [];
  for (const span of spans) {
    for (const c of resolveCandidates(span.candidates, context, terms)) {
      if (!found.some((f) => f.procedure === c.procedure && f.step === c.step)) found.push(c);
    }
  }
  return found;
}

function isNoticeStep(step: string, procedures: ProcedureDefinition[]): boolean {
  return procedures.some((p) =>
    p.steps.some((s) => s.name === step && [s.name, ...s.aliases].some((w) => w.includes('公示'))),
  );
}

function dayDates(blocks: TextBlock[]): string[] {
  return findDates(blocks)
    .filter((d) => d.precision === 'day')
    .map((d) => d.date);
}

/** The blocks' lines and the tables' rows (a large worksheet's rows, not among the blocks, come as its table's). */
function contentLines(content: ExtractedContent): string[] {
  return [
    ...content.blocks.flatMap((b) => b.text.split(/\r?\n/)),
    ...content.tables.flatMap((t) => t.rows.map((row) => [...new Set(row)].join(' '))),
  ];
}

/** A step's own dates: the notice's period when it states one, else every full date in its text. */
function datesOf(step: string, procedures: ProcedureDefinition[], lines: string[], dates: string[]): string[] {
  if (isNoticeStep(step, procedures)) {
    const period = readNoticePeriod(lines);
    if (period) return period.start === period.end ? [period.start] : [period.start, period.end];
  }
  return [...new Set(dates)].sort();
}

function wholeFileDates(content: ExtractedContent | null): string[] {
  if (!content) return [];
  const known: string[] = [];
  let any = false;
  for (const d of allDatesOf(content)) {
    any = true;
    if (d.precision === 'day') known.push(d.date);
  }
  return known.length > 0 || any ? known : dayDates(content.blocks);
}

/** Sections of a document that open with a step's title, in reading order. */
function findSections(content: ExtractedContent, terms: PreparedStepTerms, fileContext: ProcedureName[]): Section[] {
  const sections: Section[] = [];
  let current: Section | null = null;
  let partContext: ProcedureName[] = [];
  let page: number | undefined;
  let linesOnPage = 0;
  for (const block of content.blocks) {
    if (isTableBlock(block)) continue;
    const blockPage = pageOfBlock(block);
    if (blockPage !== undefined && blockPage !== page) {
      page = blockPage;
      linesOnPage = 0;
    }
    for (const line of block.text.split(/\r?\n/)) {
      if (line.trim() === '') continue;
      const isPageStart = page !== undefined && linesOnPage < 2;
      linesOnPage++;
      const text = normalizeStepText(stripHeadingNumbering(line));
      if (!isHeadingLike(line, text.length, { isPageStart })) {
        current?.lines.push(line);
        continue;
      }
      const lineContext = readProcedureContext(text);
      const context = lineContext.length > 0 ? lineContext : partContext.length > 0 ? partContext : fileContext;
      const steps = stepsIn(text, terms, context, true);
      if (steps.length > 0) {
        current = { steps, location: block.location, lines: [line] };
        sections.push(current);
      } else if (lineContext.length > 0 && /程序|识别纳入|风险消除/.test(text)) {
        // `二、风险消除程序`: the steps that follow belong to that procedure.
        partContext = lineContext;
        current = null;
      } else {
        current?.lines.push(line);
      }
    }
  }
  return sections;
}

function yearsOf(dates: string[], nameParts: string[]): number[] {
  const fromDates = [...new Set(dates.map((d) => Number(d.slice(0, 4))))];
  if (fromDates.length > 0) return fromDates.sort();
  const fromNames = nameParts.flatMap((p) => [...p.matchAll(/(?<!\d)(20[0-4]\d|19[89]\d)(?!\d)/g)].map((m) => Number(m[1])));
  return [...new Set(fromNames)].sort();
}

/**
 * The procedure steps a file shows.
 * @param normalizedNameParts the file's own name (numbering stripped, normalised) first, then the
 *   names of its folders inside the household's folder, nearest first.
 * @param maskWords names and aliases of the checklist's document items, so that a step alias inside
 *   a longer item name (`核查表` in `基本情况核查表`) does not make that document a step.
 */
export function identifySteps(
  file: StepFile,
  procedures: ProcedureDefinition[],
  normalizedNameParts: string[],
  maskWords: string[] = [],
): ItemMatch[] {
  if (procedures.length === 0) return [];
  const terms = prepare(procedures, maskWords);
  const ownName = normalizeStepText(stripHeadingNumbering(file.name.replace(/\.[^.]+$/, '')));
  const parts = (normalizedNameParts.length > 0 ? normalizedNameParts : [ownName]).map(normalizeStepText);
  const [nameText, ...folderTexts] = parts;
  const content = file.content && !file.content.isScan ? file.content : null;
  const title = normalizeStepText(stripHeadingNumbering(content?.title ?? ''));
  const fileContext =
    [nameText, title, ...folderTexts].map(readProcedureContext).find((c) => c.length > 0) ?? [];

  const build = (c: StepCandidate, via: ItemMatch['via'], dates: string[], location?: string): ItemMatch => ({
    item: c.item,
    procedure: c.procedure,
    step: c.step,
    years: yearsOf(dates, parts),
    via,
    ...(location !== undefined ? { location } : {}),
    ...(dates.length > 0 ? { dates } : {}),
  });
  const lines = content ? contentLines(content) : [];
  const single = (c: StepCandidate, via: ItemMatch['via']): ItemMatch =>
    build(c, via, datesOf(c.step, procedures, lines, wholeFileDates(content)), undefined);
  // Several steps in one file with no section per step: their dates cannot be told apart,
  // except a notice's own period.
  const several = (cs: StepCandidate[], via: ItemMatch['via']): ItemMatch[] =>
    cs.map((c) => build(c, via, isNoticeStep(c.step, procedures) ? datesOf(c.step, procedures, lines, []) : []));

  const nameSteps = stepsIn(nameText, terms, fileContext, false);
  if (nameSteps.length === 1) return [single(nameSteps[0], 'filename')];

  const isBundle = nameSteps.length > 1 || [nameText, title, ...folderTexts].some(looksLikeProcedureBundle);
  if (content && isBundle) {
    const sections = findSections(content, terms, fileContext);
    if (sections.length > 0) {
      const merged = new Map<string, { c: StepCandidate; location: string; lines: string[] }>();
      for (const section of sections) {
        for (const c of section.steps) {
          const key = `${c.procedure}/${c.step}`;
          const entry = merged.get(key);
          if (entry) entry.lines.push(...section.lines);
          else merged.set(key, { c, location: section.location, lines: [...section.lines] });
        }
      }
      const matches = [...merged.values()].map(({ c, location, lines: own }) =>
        build(c, 'content', datesOf(c.step, procedures, own, dayDates([{ text: own.join('\n'), location }])), location),
      );
      const unseen = nameSteps.filter((c) => !merged.has(`${c.procedure}/${c.step}`));
      return [...matches, ...several(unseen, 'filename')];
    }
  }
  if (nameSteps.length > 1) return several(nameSteps, 'filename');

  const titleSteps = stepsIn(title, terms, fileContext, true);
  if (titleSteps.length === 1) return [single(titleSteps[0], 'title')];
  if (titleSteps.length > 1) return several(titleSteps, 'title');

  for (const folder of folderTexts) {
    const folderSteps = stepsIn(folder, terms, fileContext, false);
    if (folderSteps.length === 1) return [single(folderSteps[0], 'folder')];
    if (folderSteps.length > 1) return several(folderSteps, 'folder');
  }
  return [];
}
