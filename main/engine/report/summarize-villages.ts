import type { Finding, ScanModel } from '../../../rules/api.js';
import type { DossierEntry, VillageSummary } from '../types.js';

/** Per village: households, files, share of owed checklist entries present, findings by severity. */
export function summarizeVillages(model: ScanModel, findings: readonly Finding[]): VillageSummary[] {
  return model.villages.map((village) => {
    const owed = [...village.required, ...village.households.flatMap((h) => h.required)].filter(
      (r) => r.status !== 'not-applicable',
    );
    const present = owed.filter((r) => r.status === 'present').length;
    const counts = { error: 0, warning: 0, info: 0 };
    let exportFindings = 0;
    for (const f of findings) {
      if (f.village !== village.name) continue;
      counts[f.severity]++;
      if (f.exportCategory) exportFindings++;
    }
    return {
      name: village.name,
      households: village.households.length,
      files: village.files.length + village.households.reduce((n, h) => n + h.files.length, 0),
      completeness: owed.length === 0 ? 1 : Math.round((present / owed.length) * 1000) / 1000,
      findings: counts,
      exportFindings,
    };
  });
}

/** The report's `dossiers`: each village's own items, then each household folder's. */
export function listDossiers(model: ScanModel): DossierEntry[] {
  return model.villages.flatMap((village) => [
    { village: village.name, household: null, path: village.path, items: village.required },
    ...village.households
      .filter((h) => h.path !== null)
      .map((h) => ({ village: village.name, household: h.head, path: h.path, items: h.required })),
  ]);
}
