import type { ArchiveFile, RetiredTerm, Rule, ScanModel } from './api.js';
import { eachTextPiece, type TextPiece } from './lib/file-texts.js';
import { createHeadLookup } from './lib/file-household.js';
import { latestDocumentDate } from './lib/document-dates.js';
import { OccurrenceTally } from './lib/occurrence-tally.js';
import { compileTermDictionary, findRetiredTerms, type TermDictionary } from './lib/term-matcher.js';

/** Where a hit in the file's own name is said to stand. */
export const fileNameLocation = '文件名';

const dictionaries = new WeakMap<RetiredTerm[], { exempt: string[]; dictionary: TermDictionary }>();

/**
 * Retired wording (贫困户, 扶贫办 …) in a document written after the term was retired. One finding
 * per file and term, keyed by path and term; details carry the first location and the count.
 */
export const outdatedTerm: Rule = {
  meta: {
    id: 'outdated-term',
    name: '使用停用表述',
    severity: 'error',
    description: '停用日期之后的文件仍使用已停用的表述（如“贫困户”“扶贫办”）',
    messages: {
      retired: '使用了已停用的表述“{term}”（{location}），应改为“{suggestion}”',
      retiredMany: '使用了已停用的表述“{term}”（{location}等 {count} 处），应改为“{suggestion}”',
    },
    options: {
      // Text inside 《》 and the issuer named before it or its 文号 cite an older document: not flagged.
      ignoreQuotedTitles: { name: '不查《》内引用的文件名', default: true },
    },
  },
  check(model, ctx) {
    const ignoreQuotedTitles = ctx.options.ignoreQuotedTitles !== false;
    const dictionary = dictionaryOf(model);
    const headOf = createHeadLookup(model);
    // The monitoring system's export is not the village's writing: its wording cannot be changed here.
    const systemSources = new Set(model.systemSources);
    const files = model.files.filter((file) => !systemSources.has(file.path));
    ctx.each(files, (file) => ({ village: file.village, household: headOf(file), path: file.path }), (file) => {
      // A document whose own dates all precede a term's retirement is a record of that time.
      const latest = latestDocumentDate(file);
      const isActive = (term: RetiredTerm): boolean =>
        term.retiredOn <= ctx.asOf && (latest === null || latest >= term.retiredOn);
      const tally = new OccurrenceTally<RetiredTerm>();
      let previous: TextPiece | null = null;
      for (const piece of textsOf(file)) {
        const lead = unfinishedLine(previous, piece);
        for (const hit of findRetiredTerms(piece.text, dictionary, { ignoreQuotedTitles, isActive, lead })) {
          tally.add(hit.term.term, piece.cellAt?.(hit.start) ?? piece.location, hit.term);
        }
        previous = piece;
      }
      for (const [termText, found] of tally.entries()) {
        const term = found.first;
        const location = found.locations[0];
        ctx.report({
          messageId: found.count > 1 ? 'retiredMany' : 'retired',
          data: { term: termText, location, suggestion: term.suggestion, count: found.count },
          village: file.village,
          household: headOf(file),
          path: file.path,
          details: {
            term: termText,
            suggestion: term.suggestion,
            location,
            count: found.count,
            locations: found.locations,
            retiredOn: term.retiredOn,
          },
          keyParts: [file.path, termText],
          severity: term.severity,
        });
      }
    });
  },
};

function dictionaryOf(model: ScanModel): TermDictionary {
  const cached = dictionaries.get(model.data.retiredTerms);
  if (cached !== undefined && cached.exempt === model.data.exemptTerms) return cached.dictionary;
  const dictionary = compileTermDictionary(model.data.retiredTerms, model.data.exemptTerms);
  dictionaries.set(model.data.retiredTerms, { exempt: model.data.exemptTerms, dictionary });
  return dictionary;
}

/** The file name (without extension) first, then the text in reading order. */
function* textsOf(file: ArchiveFile): Generator<TextPiece> {
  const stem = file.ext && file.name.toLowerCase().endsWith(`.${file.ext}`) ? file.name.slice(0, -file.ext.length - 1) : file.name;
  yield { text: stem, location: fileNameLocation };
  yield* eachTextPiece(file);
}

const SENTENCE_END = /[。！？；!?;]/;

/**
 * PDF text comes line by line (blocks with a page), and a sentence wraps onto the next line:
 * `截至2020年底，全村` / `贫困户全部脱贫。`. The tail of the line before, after its last sentence end,
 * is read with the next line of the same page. Other formats' blocks are whole paragraphs or cells.
 */
function unfinishedLine(previous: TextPiece | null, piece: TextPiece): string {
  if (previous === null || previous.page === undefined || previous.page !== piece.page) return '';
  const text = previous.text.trimEnd();
  let cut = text.length;
  while (cut > 0 && !SENTENCE_END.test(text[cut - 1])) cut--;
  return text.slice(Math.max(cut, text.length - 60));
}
