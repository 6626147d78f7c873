import type { ArchiveFile, ScanModel } from '../api.js';

/** Maps a file to its household head's name (null for village and township files). */
export function createHeadLookup(model: ScanModel): (file: Pick<ArchiveFile, 'householdKey'>) => string | null {
  const heads = new Map(model.villages.flatMap((v) => v.households.map((h) => [h.key, h.head] as const)));
  return (file) => (file.householdKey ? (heads.get(file.householdKey) ?? null) : null);
}
