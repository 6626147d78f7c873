// Findings that rest on text read by OCR say so (details.via = "ocr", with the confidence), and text
// recognised below the confidence floor never makes an error on its own: such a finding is a warning
// for the clerk to look at the scan.
import type { ArchiveFile, Finding, ScanModel } from '../../../rules/api.js';

/** The files a finding rests on: its own path and, for a procedure, the files of its steps. */
function filesOf(finding: Finding): string[] {
  const paths = finding.path ? [finding.path] : [];
  const stepFiles = finding.details.stepFiles;
  if (stepFiles && typeof stepFiles === 'object') {
    for (const list of Object.values(stepFiles as Record<string, unknown>)) {
      if (Array.isArray(list)) paths.push(...list.filter((p): p is string => typeof p === 'string'));
    }
  }
  return paths;
}

/** The confidence of the line the finding points at, else of the whole file's OCR. */
function confidenceIn(file: ArchiveFile, finding: Finding): number {
  const content = file.content!;
  const location = finding.details.location;
  const evidence = [finding.details.term, finding.details.sample].filter((t): t is string => typeof t === 'string');
  const lines = content.blocks.filter(
    (b) => b.ocrConfidence !== undefined && (location === undefined || b.location === location) && (evidence.length === 0 || evidence.some((t) => b.text.includes(t))),
  );
  if (lines.length > 0) return Math.min(...lines.map((b) => b.ocrConfidence!));
  return content.ocr!.confidence;
}

export function markOcrFindings(findings: Finding[], model: ScanModel, confidenceFloor: number): Finding[] {
  const byPath = new Map(model.files.filter((f) => f.content?.ocr && !f.content.isScan).map((f) => [f.path, f]));
  if (byPath.size === 0) return findings;
  return findings.map((finding) => {
    const ocrFiles = filesOf(finding).map((p) => byPath.get(p)).filter((f): f is ArchiveFile => f !== undefined);
    if (ocrFiles.length === 0) return finding;
    const confidence = Math.min(...ocrFiles.map((f) => confidenceIn(f, finding)));
    const low = confidence < confidenceFloor;
    return {
      ...finding,
      severity: low && finding.severity === 'error' ? 'warning' : finding.severity,
      details: { ...finding.details, via: 'ocr', ocrConfidence: confidence, ...(low ? { lowConfidence: true } : {}) },
    };
  });
}
