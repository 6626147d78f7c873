// Every rule, by id. A rule is added here, with its test in test/rules/<id>.test.ts and its doc in rules/docs/<id>.md.
import type { Rule } from './api.js';
import { copiedIncome } from './copied-income.js';
import { dataMismatch } from './data-mismatch.js';
import { eliminationDoubt } from './elimination-doubt.js';
import { incompleteProcedure } from './incomplete-procedure.js';
import { missingDocument } from './missing-document.js';
import { missingHousehold } from './missing-household.js';
import { nearThreshold } from './near-threshold.js';
import { outdatedTerm } from './outdated-term.js';
import { personalDataExposed } from './personal-data-exposed.js';
import { ruleTimeout } from './rule-timeout.js';
import { scannedDocument } from './scanned-document.js';
import { singlePersonAssistance } from './single-person-assistance.js';
import { staleLedger } from './stale-ledger.js';
import { templatePlan } from './template-plan.js';
import { unlistedHousehold } from './unlisted-household.js';
import { unreadableFile } from './unreadable-file.js';
import { exportChecks } from './export/index.js';

export const rules: Record<string, Rule> = Object.fromEntries(
  [
    missingDocument,
    missingHousehold,
    unlistedHousehold,
    unreadableFile,
    scannedDocument,
    outdatedTerm,
    personalDataExposed,
    copiedIncome,
    dataMismatch,
    nearThreshold,
    eliminationDoubt,
    singlePersonAssistance,
    incompleteProcedure,
    templatePlan,
    staleLedger,
    ...exportChecks,
    ruleTimeout,
  ].map((r) => [r.meta.id, r]),
);

// What the engine uses of the rules' own knowledge, and the only way it reaches it (nothing in main/ imports
// rules/lib; test/architecture.test.ts holds that): the income period, the household conditions the checklist's
// `when` speaks of, where a table cell is, the retired-terms matcher (its specs run where the dictionary is loaded),
// and the export checks' categories, parameters and condition language (rules/data/export-person-checks.yaml).
export { ruleTimeout, type RuleTimeout } from './rule-timeout.js';
export { incomeYearForDay } from './lib/income-year.js';
export { householdConditions } from './lib/household-conditions.js';
export { cellLocation } from './lib/file-texts.js';
export { normalizeIdText } from './lib/id-number.js';
export { excelSerialToDate, findDates, parseDateText } from './lib/find-dates.js';
export { blocksOf, datesOf, findRowDates } from './lib/content-blocks.js';
export { compileTermDictionary, findRetiredTerms, replaceWithSuggestions, type TermDictionary } from './lib/term-matcher.js';
export { categoryRank, formatExportValues, isExportSkip } from './lib/export/categories.js';
export type { ExportParams } from './lib/export/params.js';
export { compilePersonCheck, type PersonCheckEntry, type Predicate } from './lib/export/person-condition.js';
