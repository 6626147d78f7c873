// Every rule, by id. A rule is added here, with its test in test/rules/<id>.test.ts and its doc in rules/docs/<id>.md.
import type { Rule } from './api.js';
import { missingDocument } from './missing-document.js';
import { missingHousehold } from './missing-household.js';
import { scannedDocument } from './scanned-document.js';
import { unlistedHousehold } from './unlisted-household.js';
import { unreadableFile } from './unreadable-file.js';

export const rules: Record<string, Rule> = Object.fromEntries(
  [missingDocument, missingHousehold, unlistedHousehold, unreadableFile, scannedDocument].map((r) => [r.meta.id, r]),
);
