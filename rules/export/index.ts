// The export logic checks (export-checks.md), one module each under rules/export/; each group's list is in
// groups/. A check is added to its group with its test in test/rules/export/<name>.test.ts and its section
// in its category's doc under rules/docs/export/.
import type { Rule } from '../api.js';
import { educationDropout } from './education-dropout.js';
import { guaranteesAssistChecks } from './groups/guarantees-assist.js';
import { identMeasuresChecks } from './groups/ident-measures.js';
import { labourIncomeRiskChecks } from './groups/labour-income-risk.js';
import { registryChecks } from './groups/registry.js';

export const exportChecks: Rule[] = [
  educationDropout,
  ...guaranteesAssistChecks,
  ...labourIncomeRiskChecks,
  ...identMeasuresChecks,
  ...registryChecks,
];
