import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { UnreadableReason } from '../../../rules/api.js';
import { decodeFileName, isIgnoredFile, readCategory, readHouseholdFolderName, readVillageName } from './archive-names.js';
import { readFailure } from '../extract/read-failure.js';
import type { DiscoveredArchive, DiscoveredHousehold, DiscoveredVillage, SourceFile } from '../types.js';
import { readHead } from './read-head.js';

export interface ZipListing {
  files: SourceFile[];
  problems: Array<{ path: string; unreadable: UnreadableReason }>;
}

export interface DiscoverOptions {
  /** Lists a zip's entries as files under the zip's path; without it zips are plain files. */
  expandZip?: (absPath: string, relPath: string, options?: { rawPath?: Buffer }) => Promise<ZipListing>;
  signal?: AbortSignal;
}

/** A folder of the archive as the walk saw it; zip archives are folders too. */
interface TreeNode {
  name: string;
  path: string;
  files: SourceFile[];
  children: TreeNode[];
}

export function extOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

interface WalkOutput {
  problems: DiscoveredArchive['problems'];
  skipped: DiscoveredArchive['skipped'];
  /** Names on disk that are not UTF-8 (GBK names copied from old Windows machines), as read. */
  gbkNames: string[];
}

const separator = Buffer.from(path.sep);

/** `absDir` is for showing and keys; `rawDir` the same folder as bytes, for the file system. */
async function walk(absDir: string, rawDir: Buffer, relDir: string, options: DiscoverOptions, out: WalkOutput): Promise<TreeNode> {
  const { problems } = out;
  options.signal?.throwIfAborted();
  const node: TreeNode = { name: path.basename(absDir), path: relDir, files: [], children: [] };
  let listed;
  try {
    listed = await readdir(rawDir, { withFileTypes: true, encoding: 'buffer' });
  } catch (error) {
    problems.push({
      path: relDir,
      village: null,
      householdPath: null,
      unreadable: {
        reason: 'unreadable-folder',
        message: readFailure(error).reason === 'permission' ? '文件夹无法打开：没有读取权限，其中的文件未审查' : '文件夹无法打开，其中的文件未审查',
      },
    });
    return node;
  }
  const entries = listed.map((entry) => {
    const raw = entry.name as unknown as Buffer;
    const { name, utf8 } = decodeFileName(raw);
    return { entry, name, utf8, raw: Buffer.concat([rawDir, separator, raw]) };
  });
  entries.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  const kept = entries.filter((e) => !isIgnoredFile(e.name));
  // A household folder holds a few dozen files: stat them together rather than one await at a time.
  const stats = await Promise.all(kept.map((e) => (e.entry.isFile() ? lstat(e.raw).catch((error: Error) => error) : null)));
  for (const [index, { entry, name, utf8, raw }] of kept.entries()) {
    const abs = path.join(absDir, name);
    const rel = relDir ? `${relDir}/${name}` : name;
    if (!utf8) out.gbkNames.push(rel);
    if (entry.isDirectory()) {
      const child = await walk(abs, raw, rel, options, out);
      if (child.files.length > 0 || child.children.length > 0) node.children.push(child);
    } else if (entry.isFile()) {
      const stat = stats[index];
      if (stat instanceof Error || stat === null) {
        problems.push({
          path: rel,
          village: null,
          householdPath: null,
          unreadable: readFailure(stat),
        });
        continue;
      }
      const file: SourceFile = {
        path: rel,
        name,
        ext: extOf(name),
        size: stat.size,
        mtimeMs: stat.mtimeMs,
        ctimeMs: stat.ctimeMs,
        ino: stat.ino,
        absPath: abs,
        read: () => readFile(raw),
        readHead: (length) => readHead(raw, length),
      };
      if (file.ext === 'zip' && options.expandZip) {
        const listing = await options.expandZip(abs, rel, utf8 ? {} : { rawPath: raw });
        for (const p of listing.problems) problems.push({ ...p, village: null, householdPath: null });
        node.children.push(buildZipTree(name, rel, listing.files));
      } else {
        node.files.push(file);
      }
    } else {
      // Links are not followed: they can loop, and they point outside what the clerk copied. Said in a notice.
      out.skipped.push({ path: rel, kind: entry.isSymbolicLink() ? '链接' : entry.isFIFO() ? '管道文件' : '特殊文件' });
    }
  }
  return node;
}

/** Zip entries become a folder named after the zip, with their own folders below it. */
function buildZipTree(name: string, relPath: string, files: SourceFile[]): TreeNode {
  const root: TreeNode = { name, path: relPath, files: [], children: [] };
  for (const file of files) {
    const parts = file.path.slice(relPath.length + 1).split('/');
    if (isIgnoredFile(parts[parts.length - 1]!)) continue;
    let node = root;
    for (const part of parts.slice(0, -1)) {
      let child = node.children.find((c) => c.name === part);
      if (!child) {
        child = { name: part, path: `${node.path}/${part}`, files: [], children: [] };
        node.children.push(child);
      }
      node = child;
    }
    node.files.push(file);
  }
  return root;
}

function collectFiles(node: TreeNode, out: SourceFile[] = []): SourceFile[] {
  out.push(...node.files);
  for (const child of node.children) collectFiles(child, out);
  return out;
}

/** Household folders below a village (at any depth), and the village's own files. */
function readVillage(name: string, node: TreeNode): DiscoveredVillage {
  const village: DiscoveredVillage = { name, path: node.path, files: [], households: [] };
  const byHead = new Map<string, DiscoveredHousehold>();
  const visit = (n: TreeNode, category: string | undefined): void => {
    village.files.push(...n.files);
    for (const child of n.children) {
      const household = readHouseholdFolderName(child.name);
      if (household) {
        const key = household.idHint ? `${household.head}|${household.idHint.slice(-4)}` : household.head;
        const existing = byHead.get(key) ?? byHead.get(household.head);
        if (existing) {
          // The same household handed in twice (a folder and a zip of late papers): one household.
          existing.files.push(...collectFiles(child));
          existing.idHint ??= household.idHint;
          existing.category ??= category;
        } else {
          const discovered: DiscoveredHousehold = {
            head: household.head,
            path: child.path,
            files: collectFiles(child),
            ...(household.idHint ? { idHint: household.idHint } : {}),
            ...(category ? { category } : {}),
          };
          byHead.set(key, discovered);
          village.households.push(discovered);
        }
      } else {
        visit(child, readCategory(child.name) ?? category);
      }
    }
  };
  visit(node, undefined);
  return village;
}

function containsHouseholds(node: TreeNode): boolean {
  return node.children.some((c) => readHouseholdFolderName(c.name) !== null || containsHouseholds(c));
}

/**
 * Walks the archive: finds villages by their folders' names at any depth, households below them,
 * whatever the numbering and nesting. Reads nothing but folder listings (and zip directories).
 */
export async function discoverArchive(root: string, options: DiscoverOptions = {}): Promise<DiscoveredArchive> {
  const problems: DiscoveredArchive['problems'] = [];
  const skipped: DiscoveredArchive['skipped'] = [];
  const gbkNames: string[] = [];
  const tree = await walk(path.resolve(root), Buffer.from(path.resolve(root)), '', options, { problems, skipped, gbkNames });
  const villages: DiscoveredVillage[] = [];
  const townshipFiles: SourceFile[] = [];

  const visit = (node: TreeNode): void => {
    for (const child of node.children) {
      const villageName = readVillageName(child.name);
      if (villageName) {
        const existing = villages.find((v) => v.name === villageName);
        const village = readVillage(villageName, child);
        if (existing) {
          existing.files.push(...village.files);
          existing.households.push(...village.households);
        } else {
          villages.push(village);
        }
      } else {
        townshipFiles.push(...child.files);
        visit(child);
      }
    }
  };
  const rootVillage = readVillageName(path.basename(path.resolve(root)));
  if (rootVillage) {
    villages.push(readVillage(rootVillage, tree));
  } else {
    townshipFiles.push(...tree.files);
    visit(tree);
    if (villages.length === 0 && containsHouseholds(tree)) {
      // One village's archive whose folder does not say 村: the root is the village.
      townshipFiles.length = 0;
      villages.push(readVillage(path.basename(path.resolve(root)), tree));
    }
  }
  for (const problem of problems) {
    const village = villages.find((v) => problem.path === v.path || problem.path.startsWith(`${v.path}/`));
    problem.village = village?.name ?? null;
    const household = village?.households.find((h) => problem.path.startsWith(`${h.path}/`));
    problem.householdPath = household?.path ?? null;
  }
  return { root, villages, townshipFiles, problems, skipped, gbkNames, allFiles: collectFiles(tree) };
}
