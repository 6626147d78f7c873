import { readFile } from 'node:fs/promises';
import { parse, stringify } from 'yaml';
import type { RetiredTerm, Rule, RuleData } from '../../../../rules/api.js';
import { rules } from '../../../../rules/index.js';
import { rememberRuleNames } from '../../report/rule-names.js';
import { loadPersonChecks } from './person-checks.js';
import { applyListEdit, readCountyConfig, type CountyConfig, type OcrEdit } from './county-config.js';
import { defaultHealthWordsPath, parseHealthWords } from './health-words.js';
import { loadDataTables, type DataTables } from './load-data-tables.js';
import { loadExportCheckParams } from './export-check-params.js';
import { defaultRetiredTermsPath, parseRetiredTerms } from './retired-terms.js';

export interface LoadedRuleData {
  data: RuleData;
  /** System export column synonyms and income sub-items, for the readers. */
  tables: DataTables;
  /** Counties' changes to rules/data/ocr.yaml, in order. */
  ocrEdits: OcrEdit[];
  /** Rules a county switched off (`rules: { id: off }`). */
  disabledRules: string[];
  /** Export checks written as data (export-person-checks.yaml and a county's additions), compiled and self-tested. */
  extraRules: Rule[];
}

/**
 * Everything under rules/data with each county configuration applied in order: tables merged, terms and health
 * words added or removed — and the dictionaries' own checks (specs) run again on the result, so a county's
 * addition that would flag its own suggestion, or a removal that breaks another entry's specs, is refused.
 */
export async function loadRuleData(configPaths: string[] = []): Promise<LoadedRuleData> {
  const configs = configPaths.map(readCountyConfig);
  const [termsYaml, healthYaml] = await Promise.all([readFile(defaultRetiredTermsPath, 'utf8'), readFile(defaultHealthWordsPath, 'utf8')]);
  const editsTerms = (c: CountyConfig): boolean => c.retiredTerms.add.length + c.retiredTerms.remove.length > 0;
  const editsHealth = (c: CountyConfig): boolean =>
    c.healthWords.add.length + c.healthWords.remove.length + c.healthWords.addExceptions.length > 0;
  const terms = parseRetiredTerms(...withEdits(termsYaml, 'retired-terms.yaml', configs.filter(editsTerms), applyTermEdits));
  const health = parseHealthWords(...withEdits(healthYaml, 'health-words.yaml', configs.filter(editsHealth), applyHealthEdits));
  const tables = loadDataTables({ overrides: configs.map((c) => ({ raw: c.tables, file: c.file })) });
  const data: RuleData = {
      monitoringLines: tables.monitoringLines,
      retiredTerms: terms.retiredTerms,
      exemptTerms: terms.exemptTerms,
      healthWords: health.healthWords,
      healthWordExceptions: health.healthWordExceptions,
      incomeSynonyms: tables.incomeSynonyms,
      exportChecks: loadExportCheckParams(configs.map((c) => ({ raw: c.exportChecks, file: c.file }))),
  };
  const extraRules = loadPersonChecks(tables, data, new Set(Object.keys(rules)), configs.map((c) => ({ edit: c.exportPersonChecks, file: c.file })));
  rememberRuleNames(extraRules);
  return {
    data,
    extraRules,
    tables,
    disabledRules: [...new Set(configs.flatMap((c) => c.disabledRules))],
    ocrEdits: configs.flatMap((c) => (c.ocr ? [c.ocr] : [])),
  };
}

type Edit = (raw: Record<string, unknown>, config: CountyConfig) => void;

/** The shipped YAML with every county edit applied, and the name to use in messages. */
function withEdits(yamlText: string, file: string, configs: CountyConfig[], edit: Edit): [string, string] {
  if (configs.length === 0) return [yamlText, file];
  const raw = parse(yamlText) as Record<string, unknown>;
  for (const config of configs) edit(raw, config);
  return [stringify(raw), `${file}（合并 ${configs.map((c) => c.file).join('、')} 后）`];
}

function applyTermEdits(raw: Record<string, unknown>, config: CountyConfig): void {
  const termOf = (entry: unknown): string => String((entry as Partial<RetiredTerm> | null)?.term ?? '').trim();
  raw.terms = applyListEdit(raw.terms as unknown[], config.retiredTerms, termOf, `${config.file}（retiredTerms）`);
}

function applyHealthEdits(raw: Record<string, unknown>, config: CountyConfig): void {
  const where = `${config.file}（healthWords）`;
  raw.words = applyListEdit(raw.words as string[], config.healthWords, (w) => String(w).trim(), where);
  // A removed word takes the exception phrases that only it made sense of with it.
  const words = raw.words as string[];
  const exceptions = [...((raw.exceptions as string[] | undefined) ?? []), ...config.healthWords.addExceptions];
  raw.exceptions = exceptions.filter((e) => !config.healthWords.remove.some((r) => e.includes(r)) || words.some((w) => e.includes(w)));
}
