// A county folder holding several township archives (each with its villages and its own export): each township is
// scanned as its own unit — its own export, its own villages — and the reports are put together, every finding,
// village and dossier carrying its township (in the key too, so two townships' 红星村 never merge). Pointed at a
// county folder this used to combine same-named villages and report one township's households as unlisted against
// the other's export.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Finding } from '../../../rules/api.js';
import { readVillageName, stripNumbering } from './archive-names.js';
import { ScanInputError } from '../scan-input-error.js';
import type { DossierEntry, ScanReport, VillageSummary } from '../types.js';

/** `02 东山镇`, `东山镇档案`, `城关街道`, `某某乡资料`: the township's name, else null. */
export function readTownshipName(folderName: string): string | null {
  const name = stripNumbering(folderName.normalize('NFKC')).replace(/(?:档案|资料|材料|台账|自查)+$/u, '');
  const m = /^(\p{Script=Han}{1,10}?(?:乡|镇|街道|苏木))$/u.exec(name);
  return m && m[1]!.length >= 2 ? m[1]! : null;
}

export interface TownshipFolder {
  name: string;
  /** The folder's name as on disk (for paths). */
  folder: string;
  abs: string;
}

async function subfolders(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isDirectory()).map((e) => e.name);
}

/** A folder holds a village at its top or one level down (`东山镇/01 红星村`, `东山镇/村级档案/红星村`). */
async function holdsVillages(dir: string): Promise<boolean> {
  const children = await subfolders(dir);
  if (children.some((c) => readVillageName(c) !== null)) return true;
  for (const child of children) {
    if ((await subfolders(path.join(dir, child))).some((c) => readVillageName(c) !== null)) return true;
  }
  return false;
}

/**
 * The township folders directly under `root` when there are two or more, each holding villages; [] for a township's
 * or a village's own archive (scanned as before). A root holding both township folders and village folders of its
 * own cannot be told apart: refused with what to do.
 */
export async function findTownships(root: string): Promise<TownshipFolder[]> {
  const children = await subfolders(root);
  const townships: TownshipFolder[] = [];
  for (const folder of children.sort((a, b) => a.localeCompare(b, 'zh-CN'))) {
    const name = readTownshipName(folder);
    if (name !== null && (await holdsVillages(path.join(root, folder)))) townships.push({ name, folder, abs: path.join(root, folder) });
  }
  if (townships.length < 2) return [];
  const villagesHere = children.filter((c) => readVillageName(c) !== null);
  if (villagesHere.length > 0) {
    throw new ScanInputError(
      `所选文件夹里既有乡镇文件夹（${townships.map((t) => t.folder).join('、')}），又有不属于任何乡镇的村文件夹（${villagesHere.slice(0, 3).join('、')}），` +
        '无法分清各村属于哪个乡镇。请把这些村放进所属乡镇的文件夹，或分别审查每个乡镇的文件夹',
    );
  }
  const names = townships.map((t) => t.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice !== undefined) throw new ScanInputError(`所选文件夹里有两个名为“${twice}”的乡镇文件夹，请分别审查，或把它们合并成一个`);
  return townships;
}

const inTownship = (folder: string, p: string | null): string | null => (p === null ? null : `${folder}/${p}`);
const villageIn = (township: string, village: string | null): string | null => (village === null ? null : `${township}/${village}`);

function placeFinding(t: TownshipFolder, f: Finding): Finding {
  return { ...f, township: t.name, key: `${t.name}|${f.key}`, village: villageIn(t.name, f.village), path: inTownship(t.folder, f.path) };
}

/** The townships' reports as one: findings, villages and dossiers with their township; notices marked with it. */
export function mergeTownshipReports(root: string, parts: Array<{ township: TownshipFolder; report: ScanReport }>, seconds: number): ScanReport {
  const first = parts[0]!.report;
  const villages: VillageSummary[] = parts.flatMap(({ township, report }) =>
    report.villages.map((v) => ({ ...v, name: `${township.name}/${v.name}`, township: township.name })),
  );
  const dossiers: DossierEntry[] = parts.flatMap(({ township, report }) =>
    report.dossiers.map((d) => ({ ...d, village: `${township.name}/${d.village}`, township: township.name, path: inTownship(township.folder, d.path) })),
  );
  const sum = (pick: (r: ScanReport) => number | undefined): number => parts.reduce((n, { report }) => n + (pick(report) ?? 0), 0);
  return {
    ...first,
    root,
    generatedAt: new Date().toISOString(),
    stats: {
      villages: sum((r) => r.stats.villages),
      households: sum((r) => r.stats.households),
      files: sum((r) => r.stats.files),
      unreadable: sum((r) => r.stats.unreadable),
      exportFiles: sum((r) => r.stats.exportFiles),
      seconds,
    },
    villages,
    notices: [
      `所选文件夹里有 ${parts.length} 个乡镇的档案（${parts.map((p) => p.township.name).join('、')}），已各自按本乡镇的导出表分别审查，结果合在这一份报告里`,
      ...parts.flatMap(({ township, report }) => report.notices.map((n) => `〔${township.name}〕${n}`)),
    ],
    findings: parts.flatMap(({ township, report }) => report.findings.map((f) => placeFinding(township, f))),
    resolved: [],
    dossiers,
  };
}
