import type { Finding, ScanModel } from '../../rules/api.js';
import { listRequiredDocuments } from '../../rules/lib/required-documents.js';
import type { VillageSummary } from './types.js';

/** Per village: households, files, share of owed checklist entries present, findings by severity. */
export function summarizeVillages(model: ScanModel, findings: readonly Finding[]): VillageSummary[] {
  const required = listRequiredDocuments(model);
  return model.villages.map((village) => {
    const owed = required.filter((r) => r.village === village);
    const present = owed.filter((r) => r.present).length;
    const counts = { error: 0, warning: 0, info: 0 };
    for (const f of findings) if (f.village === village.name) counts[f.severity]++;
    return {
      name: village.name,
      households: village.households.length,
      files: village.files.length + village.households.reduce((n, h) => n + h.files.length, 0),
      completeness: owed.length === 0 ? 1 : Math.round((present / owed.length) * 1000) / 1000,
      findings: counts,
    };
  });
}
