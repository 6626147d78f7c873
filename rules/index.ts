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
