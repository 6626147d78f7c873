// Builds a small ScanModel from literals, for rule tests (valid/invalid cases in the ESLint manner).
import { attachRequiredDocuments } from '../../../main/engine/identify/required-documents.js';
import type {
  ArchiveFile,
  Checklist,
  ExtractedContent,
  Finding,
  Household,
  HouseholdFacts,
  Member,
  Rule,
  RuleData,
  ScanModel,
  SystemHousehold,
  Village,
} from '../../../rules/api.js';
import { buildFindingKey, formatMessage, optionDefaults } from '../../../main/engine/evaluate/run-rules.js';

export interface FileSpec extends Partial<Omit<ArchiveFile, 'content'>> {
  path: string;
  content?: Partial<ExtractedContent> | null;
  /** Shorthand: lines of text, each a block located `第N段`. */
  text?: string[];
}

export interface HouseholdSpec extends Partial<Omit<Household, 'files' | 'village' | 'key'>> {
  head: string;
  key?: string;
  files?: FileSpec[];
}

export interface VillageSpec {
  name: string;
  path?: string;
  files?: FileSpec[];
  households?: HouseholdSpec[];
  ledgers?: Village['ledgers'];
}

export interface ModelSpec {
  asOf?: string;
  root?: string;
  villages?: VillageSpec[];
  systemOnly?: SystemHousehold[];
  checklist?: Checklist;
  data?: Partial<RuleData>;
  systemSources?: string[];
}

export const emptyRuleData: RuleData = {
  monitoringLines: [],
  retiredTerms: [],
  exemptTerms: [],
  healthWords: [],
  incomeSynonyms: {},
};

export const emptyChecklist: Checklist = { name: 'test', items: [], procedures: [], source: 'test' };

export function makeFile(spec: FileSpec, village: string | null, householdKey: string | null): ArchiveFile {
  const name = spec.name ?? spec.path.split('/').pop()!;
  const ext = spec.ext ?? (name.includes('.') ? name.split('.').pop()!.toLowerCase() : '');
  let content: ExtractedContent | null = null;
  if (spec.content !== null && (spec.content !== undefined || spec.text !== undefined)) {
    const blocks = spec.content?.blocks ?? (spec.text ?? []).map((text, i) => ({ text, location: `第${i + 1}段` }));
    content = {
      format: spec.content?.format ?? ext,
      title: spec.content?.title ?? blocks[0]?.text ?? null,
      blocks,
      tables: spec.content?.tables ?? [],
      dates: spec.content?.dates ?? [],
      ...(spec.content?.isScan !== undefined ? { isScan: spec.content.isScan } : {}),
    };
  }
  return {
    path: spec.path,
    name,
    ext,
    size: spec.size ?? 1000,
    village: spec.village ?? village,
    householdKey: spec.householdKey ?? householdKey,
    content,
    unreadable: spec.unreadable ?? null,
    matches: spec.matches ?? [],
  };
}

export function makeMember(partial: Partial<Member> & { name: string }): Member {
  return {
    isStudent: false,
    isCompulsoryStudent: false,
    isSeriouslyIll: false,
    isDisabled: false,
    hasDibao: false,
    hasTekun: false,
    ...partial,
  };
}

export function makeFacts(partial: Partial<HouseholdFacts> = {}): HouseholdFacts {
  return { source: 'system', isMonitored: false, risks: [], riskEliminated: false, members: [], income: {}, ...partial };
}

export function makeModel(spec: ModelSpec = {}): ScanModel {
  const files: ArchiveFile[] = [];
  const villages: Village[] = (spec.villages ?? []).map((v) => {
    const vPath = v.path ?? v.name;
    const vFiles = (v.files ?? []).map((f) => makeFile(f, v.name, null));
    files.push(...vFiles);
    const households: Household[] = (v.households ?? []).map((h) => {
      const key = h.key ?? `${v.name}/${h.head}`;
      const hFiles = (h.files ?? []).map((f) => makeFile(f, v.name, key));
      files.push(...hFiles);
      return {
        key,
        head: h.head,
        village: v.name,
        path: h.path === undefined ? `${vPath}/${h.head}` : h.path,
        ...(h.folderCategory ? { folderCategory: h.folderCategory } : {}),
        files: hFiles,
        facts: h.facts ?? null,
        system: h.system ?? null,
        archiveFacts: h.archiveFacts ?? null,
        incomeTables: h.incomeTables ?? [],
        required: [],
      };
    });
    return { name: v.name, path: vPath, files: vFiles, households, ledgers: v.ledgers ?? {}, required: [] };
  });
  // The engine decides what is owed once, after identification; rules read the result, so tests do the same.
  return attachRequiredDocuments({
    root: spec.root ?? '/archive',
    asOf: spec.asOf ?? '2023-09-30',
    checklist: spec.checklist ?? emptyChecklist,
    data: { ...emptyRuleData, ...spec.data },
    villages,
    systemOnly: spec.systemOnly ?? [],
    files,
    systemSources: spec.systemSources ?? [],
  });
}

/** Runs one rule the way the engine does (messages filled, keys built) but lets its errors through. */
export function runRule(rule: Rule, model: ScanModel, options: Record<string, unknown> = {}): Finding[] & { notices: string[] } {
  const findings = [] as unknown as Finding[] & { notices: string[] };
  // Not enumerable, so `toEqual([])` compares the findings alone.
  Object.defineProperty(findings, 'notices', { value: [], enumerable: false });
  rule.check(model, {
    asOf: model.asOf,
    options: { ...optionDefaults(rule), ...options },
    notice: (text) => {
      if (!findings.notices.includes(text)) findings.notices.push(text);
    },
    // Untimed here: the budget is the engine's (test/engine/evaluate/run-rules-options.test.ts).
    each: (items, _subjectOf, check) => {
      for (const item of items) check(item);
    },
    report: (input) => {
      const template = rule.meta.messages[input.messageId];
      if (template === undefined) throw new Error(`unknown messageId ${input.messageId}`);
      findings.push({
        key: buildFindingKey(rule.meta.id, input),
        rule: rule.meta.id,
        severity: input.severity ?? rule.meta.severity,
        village: input.village,
        household: input.household,
        path: input.path,
        message: formatMessage(template, input.data),
        details: { ...input.details, messageId: input.messageId },
      });
    },
  });
  return findings;
}
