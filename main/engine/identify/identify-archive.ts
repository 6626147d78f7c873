import type { ScanModel } from '../../../rules/api.js';
import { identifyFile, prepareChecklist, type StepIdentifier } from './identify-documents.js';
import { identifySteps as defaultStepIdentifier } from './identify-steps.js';
import { mapModelFiles } from './map-model-files.js';

const VOID_REASONS = new Set(['empty', 'corrupt']);

/** The identify stage: every village and household file gets the checklist items (and procedure steps) it stands for. */
export function identifyArchive(model: ScanModel, identifySteps: StepIdentifier = defaultStepIdentifier): ScanModel {
  const prepared = prepareChecklist(model.checklist);
  return mapModelFiles(model, (file, scope) => {
    if (scope.level === 'township') return file;
    // An empty or damaged file is no document, whatever its name says (a 0-byte 身份证.jpg proves nothing);
    // an encrypted or oversized one still is, and its own finding says it could not be read.
    if (file.unreadable !== null && VOID_REASONS.has(file.unreadable.reason)) return { ...file, matches: [] };
    return { ...file, matches: identifyFile(file, scope.path, scope.level, prepared, identifySteps) };
  });
}
