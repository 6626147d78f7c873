import type { Finding } from '../../../rules/api.js';
import type { ScanReport, VillageSummary } from '../types.js';

// Objects are rebuilt field by field so the file keeps the contract's order
// (../shared/spec/cli-and-findings.md) whatever order the engine assembled them in.
function orderFinding(finding: Finding): Record<string, unknown> {
  const ordered: Record<string, unknown> = {
    key: finding.key,
    rule: finding.rule,
    severity: finding.severity,
    village: finding.village,
    household: finding.household,
    path: finding.path,
    message: finding.message,
    details: finding.details,
  };
  if (finding.status !== undefined) ordered.status = finding.status;
  if (finding.rectification !== undefined) ordered.rectification = finding.rectification;
  if (finding.suppressed) ordered.suppressed = true;
  if (finding.overdue) ordered.overdue = true;
  if (finding.exportCategory !== undefined) ordered.exportCategory = finding.exportCategory;
  return ordered;
}

function orderVillage(village: VillageSummary): Record<string, unknown> {
  return {
    name: village.name,
    households: village.households,
    completeness: village.completeness,
    files: village.files,
    findings: {
      error: village.findings.error,
      warning: village.findings.warning,
      info: village.findings.info,
    },
    ...(village.exportFindings !== undefined ? { exportFindings: village.exportFindings } : {}),
  };
}

/** The report as the contract's JSON (`dossier-check/report@1`), 2-space indented, ending in a newline. */
export function writeJsonReport(report: ScanReport): string {
  const ordered = {
    schema: report.schema,
    root: report.root,
    asOf: report.asOf,
    generatedAt: report.generatedAt,
    checklist: report.checklist,
    stats: {
      villages: report.stats.villages,
      households: report.stats.households,
      files: report.stats.files,
      unreadable: report.stats.unreadable,
      seconds: report.stats.seconds,
      ...(report.stats.exportFiles !== undefined ? { exportFiles: report.stats.exportFiles } : {}),
    },
    villages: report.villages.map(orderVillage),
    notices: report.notices,
    findings: report.findings.map(orderFinding),
    resolved: report.resolved.map(orderFinding),
    dossiers: report.dossiers,
  };
  return JSON.stringify(ordered, null, 2) + '\n';
}
