import type { ArchiveFile, Household, SystemHousehold, Village } from '../../../rules/api.js';
import { readVillageName } from '../discover/archive-names.js';
import type { DiscoveredArchive, ExtractOutcome, SourceFile } from '../types.js';

export interface BuiltArchive {
  villages: Village[];
  files: ArchiveFile[];
  /** System households with no folder in the archive. */
  systemOnly: SystemHousehold[];
}

function toArchiveFile(source: SourceFile, outcome: ExtractOutcome | undefined, village: string | null, householdKey: string | null): ArchiveFile {
  return {
    path: source.path,
    name: source.name,
    ext: source.ext,
    size: source.size,
    village,
    householdKey,
    content: outcome?.content ?? null,
    unreadable: outcome?.unreadable ?? null,
    matches: [],
  };
}

const lastFour = (id: string | undefined): string | undefined => {
  const digits = id?.replace(/[^0-9Xx]/g, '');
  return digits && digits.length >= 4 ? digits.slice(-4).toUpperCase() : undefined;
};

function systemVillageName(name: string): string {
  return readVillageName(name) ?? name.trim();
}

/** Pairs system households with household folders: same village, same head; an ID's last digits decide between namesakes. */
function attachSystem(villages: Village[], system: SystemHousehold[], hints: Map<string, string | undefined>): SystemHousehold[] {
  const unmatched: SystemHousehold[] = [];
  for (const record of system) {
    const village = villages.find((v) => v.name === systemVillageName(record.village));
    const candidates = village?.households.filter((h) => h.head === record.head && h.system === null) ?? [];
    let chosen = candidates[0];
    if (candidates.length > 1) {
      const ids = new Set(record.facts.members.map((m) => lastFour(m.idNumber)).filter(Boolean));
      chosen = candidates.find((h) => ids.has(lastFour(hints.get(h.key)))) ?? candidates[0];
    }
    if (chosen) {
      chosen.system = record;
      chosen.facts = record.facts;
    } else {
      unmatched.push(village ? { ...record, village: village.name } : record);
    }
  }
  return unmatched;
}

/** Assembles villages, households and files from what was discovered and extracted. Reads nothing. */
export function buildArchive(
  discovered: DiscoveredArchive,
  outcomes: Map<string, ExtractOutcome>,
  system: SystemHousehold[],
  excludedPaths: ReadonlySet<string>,
): BuiltArchive {
  const files: ArchiveFile[] = [];
  const hints = new Map<string, string | undefined>();
  const keep = (f: SourceFile): boolean => !excludedPaths.has(f.path);
  const villages: Village[] = discovered.villages.map((dv) => {
    const villageFiles = dv.files.filter(keep).map((f) => toArchiveFile(f, outcomes.get(f.path), dv.name, null));
    files.push(...villageFiles);
    const headCount = new Map<string, number>();
    for (const h of dv.households) headCount.set(h.head, (headCount.get(h.head) ?? 0) + 1);
    const households: Household[] = dv.households.map((dh) => {
      const namesake = (headCount.get(dh.head) ?? 0) > 1;
      const key = `${dv.name}/${dh.head}${namesake ? `#${lastFour(dh.idHint) ?? dh.path}` : ''}`;
      hints.set(key, dh.idHint);
      const householdFiles = dh.files.filter(keep).map((f) => toArchiveFile(f, outcomes.get(f.path), dv.name, key));
      files.push(...householdFiles);
      return {
        key,
        head: dh.head,
        village: dv.name,
        path: dh.path,
        ...(dh.category ? { folderCategory: dh.category } : {}),
        files: householdFiles,
        facts: null,
        system: null,
        archiveFacts: null,
        incomeTables: [],
        required: [],
      };
    });
    return { name: dv.name, path: dv.path, files: villageFiles, households, ledgers: {}, required: [] };
  });
  for (const f of discovered.townshipFiles.filter(keep)) files.push(toArchiveFile(f, outcomes.get(f.path), null, null));
  for (const problem of discovered.problems) {
    const householdKey = villages
      .find((v) => v.name === problem.village)
      ?.households.find((h) => h.path === problem.householdPath)?.key ?? null;
    files.push({
      path: problem.path,
      name: problem.path.split('/').pop() ?? problem.path,
      ext: '',
      size: 0,
      village: problem.village,
      householdKey,
      content: null,
      unreadable: problem.unreadable,
      matches: [],
    });
  }
  const systemOnly = attachSystem(villages, system, hints);
  return { villages, files, systemOnly };
}
