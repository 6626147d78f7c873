import type { ScanModel } from '../../rules/api.js';
import { identifyFile, prepareChecklist, type StepIdentifier } from './identify-documents.js';
import { identifySteps as defaultStepIdentifier } from './identify-steps.js';
import { mapModelFiles } from './map-model-files.js';

/** The identify stage: every village and household file gets the checklist items (and procedure steps) it stands for. */
export function identifyArchive(model: ScanModel, identifySteps: StepIdentifier = defaultStepIdentifier): ScanModel {
  const prepared = prepareChecklist(model.checklist);
  return mapModelFiles(model, (file, scope) => {
    if (scope.level === 'township') return file;
    return { ...file, matches: identifyFile(file, scope.path, scope.level, prepared, identifySteps) };
  });
}
