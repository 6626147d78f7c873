// Export checks of this group, in catalogue order (export-checks.md).
import type { Rule } from '../../api.js';

export const labourIncomeRiskChecks: Rule[] = [];
