import type { RuleData } from '../../../rules/api.js';
import { loadHealthWordList } from './health-words.js';
import { loadDataTables, type DataTables } from './load-data-tables.js';
import { loadRetiredTerms } from './retired-terms.js';

export interface LoadedRuleData {
  data: RuleData;
  /** System export column synonyms and income sub-items, for the readers. */
  tables: DataTables;
}

/** Everything under rules/data, with a county's override files merged over the thresholds and tables. */
export async function loadRuleData(overridePaths: string[] = []): Promise<LoadedRuleData> {
  const [terms, health] = await Promise.all([loadRetiredTerms(), loadHealthWordList()]);
  const tables = loadDataTables({ overridePaths });
  return {
    data: {
      monitoringLines: tables.monitoringLines,
      retiredTerms: terms.retiredTerms,
      exemptTerms: terms.exemptTerms,
      healthWords: health.healthWords,
      healthWordExceptions: health.healthWordExceptions,
      thresholds: tables.thresholds,
      incomeSynonyms: tables.incomeSynonyms,
    },
    tables,
  };
}
