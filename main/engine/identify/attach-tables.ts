import type { ArchiveFile, Household, ScanModel, Village } from '../../../rules/api.js';
import { readBasicInfo } from '../read-tables/read-basic-info.js';
import { readIncomeTables } from '../read-tables/read-income-tables.js';
import { readLedgerEntries } from '../read-tables/ledger-entries.js';
import type { DataTables } from '../config/rule-data/load-data-tables.js';

const isItem = (file: ArchiveFile, item: string): boolean => file.matches.some((m) => m.item === item && !m.step);

function withTables(household: Household, tables: DataTables): Household {
  const incomeTables = household.files.filter((f) => f.content && isItem(f, '家庭收入测算表')).flatMap((f) => readIncomeTables(f, tables));
  const basicInfoFile = household.files.find((f) => f.content && isItem(f, '家庭基本情况表'));
  const archiveFacts = basicInfoFile ? readBasicInfo(basicInfoFile, tables) : null;
  // Conditions come from the system when it lists the household, else from the household's own form.
  return { ...household, incomeTables, archiveFacts, facts: household.facts ?? archiveFacts };
}

function withLedgers(village: Village, ledgerItems: Set<string>): Village {
  const ledgers: Village['ledgers'] = {};
  for (const file of village.files) {
    if (!file.content || !file.matches.some((m) => ledgerItems.has(m.item))) continue;
    ledgers[file.path] = readLedgerEntries(file.content);
  }
  return { ...village, ledgers };
}

/** The read-tables stage: income tables, basic-information forms and dated ledger entries, read from identified files. */
export function attachTables(model: ScanModel, tables: DataTables): ScanModel {
  const ledgerItems = new Set(model.checklist.items.filter((i) => i.maxAgeMonths !== undefined).map((i) => i.name));
  return {
    ...model,
    villages: model.villages.map((v) => ({
      ...withLedgers(v, ledgerItems),
      households: v.households.map((h) => withTables(h, tables)),
    })),
  };
}
