import type { ArchiveFile, ScanModel } from '../../../rules/api.js';

/**
 * A copy of the model with every file replaced by `update(file, scope)`; villages and households
 * keep pointing at the same (new) file objects as `model.files`.
 */
export function mapModelFiles(
  model: ScanModel,
  update: (file: ArchiveFile, scope: { level: 'village' | 'household' | 'township'; path: string }) => ArchiveFile,
): ScanModel {
  const replaced = new Map<ArchiveFile, ArchiveFile>();
  const swap = (file: ArchiveFile, level: 'village' | 'household' | 'township', scopePath: string): ArchiveFile => {
    let next = replaced.get(file);
    if (!next) {
      next = update(file, { level, path: scopePath });
      replaced.set(file, next);
    }
    return next;
  };
  const villages = model.villages.map((v) => ({
    ...v,
    files: v.files.map((f) => swap(f, 'village', v.path)),
    households: v.households.map((h) => ({ ...h, files: h.files.map((f) => swap(f, 'household', h.path ?? v.path)) })),
  }));
  return { ...model, villages, files: model.files.map((f) => replaced.get(f) ?? swap(f, 'township', '')) };
}
