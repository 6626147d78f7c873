// The export logic checks (export-checks.md), one module each; a check is added here with its test in
// test/rules/export/<name>.test.ts and its entry in its category's doc under rules/docs/export/.
import type { Rule } from '../api.js';
import { educationDropout } from './education-dropout.js';

export const exportChecks: Rule[] = [educationDropout];
