// The main process's handlers without Electron: each validates its arguments and acts only inside the folder the
// user chose through the dialog; reports are saved from what main holds, never inside the archive.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanOptions, ScanReport } from '../../main/engine/types.js';
import { createHandlers } from '../../main/ipc/handlers.js';
import { HistoryStore } from '../../main/ipc/history-store.js';
import { LedgerStore } from '../../main/ipc/ledger-store.js';
import { SettingsStore } from '../../main/ipc/settings-store.js';
import { sampleReport } from '../engine/report/sample-report.js';

let dir: string;
let archive: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'dc-handlers-'));
  archive = path.join(dir, '城关镇');
  await mkdir(path.join(archive, '红星村'), { recursive: true });
  await writeFile(path.join(archive, '红星村', '说明.txt'), '说明');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function setup(saveTarget: string | null = null, picks: { checklist?: string; system?: string[] } = {}) {
  const scans: ScanOptions[] = [];
  const opened: Array<[string, boolean]> = [];
  const handlers = createHandlers({
    runScan: async (options) => {
      scans.push(options);
      return { ...sampleReport(), root: options.root } as ScanReport;
    },
    cacheDir: path.join(dir, 'cache'),
    history: new HistoryStore(path.join(dir, `history-${Math.random()}`)),
    ledger: new LedgerStore(path.join(dir, `ledgers-${Math.random()}`)),
    settings: new SettingsStore(path.join(dir, `settings-${Math.random()}`)),
    pickLedgerFile: async () => null,
    pickChecklistFile: async () => picks.checklist ?? null,
    pickSystemFiles: async () => picks.system ?? null,
    pickFolder: async () => archive,
    pickSaveTarget: async () => saveTarget,
    openPath: async (p, reveal) => void opened.push([p, reveal]),
    emit: () => undefined,
  });
  return { handlers, scans, opened };
}

describe('开始: the export found, a county checklist previewed', () => {
  it('previews a thin county checklist — its items and the checks it leaves with nothing to run — and scans only with files chosen through the dialog', async () => {
    const checklist = path.join(dir, '某县资料目录.yaml');
    await writeFile(checklist, 'name: 某县资料目录\nitems:\n  - name: 家庭基本情况表\n    level: household\n  - name: 帮扶政策明白卡\n    level: household\n');
    const { handlers, scans } = setup(null, { checklist });
    await handlers['archive:pick']();
    await expect(handlers['scan:start']({ root: archive, asOf: '2023-09-30', checklistPath: checklist })).rejects.toThrow('系统导出表和检查清单只能是通过对话框选定的文件');
    const picked = await handlers['checklist:pick']();
    expect(picked?.preview.items.map((i) => i.name)).toEqual(['家庭基本情况表', '帮扶政策明白卡']);
    expect(picked?.preview.nothingToRun.map((n) => n.split('：')[0])).toEqual(['程序不完整（incomplete-procedure）', '台账未更新（stale-ledger）', '按年度的资料（如收入测算表）']);
    await handlers['scan:start']({ root: archive, asOf: '2023-09-30', checklistPath: checklist });
    expect(scans[0].checklistPath).toBe(checklist);
    expect((await handlers['checklist:default']()).nothingToRun).toEqual([]);
  });

  it('finds the system export in the chosen folder', async () => {
    const { handlers } = setup();
    await expect(handlers['archive:inspect']({ root: archive })).rejects.toThrow('只能查看通过“选择文件夹”选定的档案文件夹');
  });
});

describe('设置 (county settings)', () => {
  it('shows the values in force, refuses a bad key with the CLI’s own error, saves a good file and scans with it', async () => {
    const { handlers, scans } = setup();
    const empty = await handlers['settings:get']();
    expect(empty.countyYaml).toBe('');
    expect(empty.thresholds.publicNoticeMinDays).toBe(5);
    await expect(handlers['settings:save']({ countyYaml: 'thresholds:\n  publicNoticeDays: 7\n' })).rejects.toThrow(
      /设置没有保存：县里的配置\.yaml（thresholds） 中的“publicNoticeDays”不是程序认识的阈值名称/,
    );
    expect((await handlers['settings:get']()).countyYaml).toBe('');
    const saved = await handlers['settings:save']({ countyYaml: 'thresholds:\n  publicNoticeMinDays: 7\nmonitoringLines:\n  2025: 8000\n' });
    expect(saved.thresholds.publicNoticeMinDays).toBe(7);
    expect(saved.monitoringLines.find((l) => l.year === 2025)?.line).toBe(8000);
    expect(await readFile(saved.file, 'utf8')).toContain('publicNoticeMinDays: 7');
    await handlers['archive:pick']();
    await handlers['scan:start']({ root: archive, asOf: '2023-09-30' });
    expect(scans[0].configPaths).toEqual([saved.file]);
  });
});

describe('IPC handlers', () => {
  it('scans only a folder chosen through the dialog', async () => {
    const { handlers, scans } = setup();
    await expect(handlers['scan:start']({ root: archive, asOf: '2023-09-30' })).rejects.toThrow('只能审查通过“选择文件夹”选定的档案文件夹');
    expect(await handlers['archive:pick']()).toBe(archive);
    await handlers['scan:start']({ root: archive, asOf: '2023-09-30' });
    await expect(handlers['scan:start']({ root: path.join(archive, '..'), asOf: '2023-09-30' })).rejects.toThrow('只能审查');
    expect(scans.map((s) => s.root)).toEqual([archive]);
    expect(scans[0].cacheDir).toBe(path.join(dir, 'cache'));
  });

  it('refuses bad arguments in Chinese', async () => {
    const { handlers } = setup();
    await handlers['archive:pick']();
    await expect(handlers['scan:start']({ root: '', asOf: '2023-09-30' })).rejects.toThrow('档案文件夹无效');
    await expect(handlers['scan:start']({ root: archive, asOf: '2023/9/30' })).rejects.toThrow('审查日期应为 YYYY-MM-DD');
    await expect(handlers['report:save']({ format: 'pdf' as 'json' })).rejects.toThrow('报告格式只能是 xlsx、html 或 json');
    await expect(handlers['report:save']({ format: 'json' })).rejects.toThrow('还没有审查结果可以保存');
  });

  it('opens or reveals only files inside the scanned archive; a file in a zip opens the zip', async () => {
    const { handlers, opened } = setup();
    await handlers['archive:pick']();
    await handlers['scan:start']({ root: archive, asOf: '2023-09-30' });
    await handlers['file:open']({ path: '红星村/说明.txt', reveal: true });
    await handlers['file:open']({ path: '红星村/户档.zip/张三/申请书.docx', reveal: false });
    await expect(handlers['file:open']({ path: '../../etc/passwd', reveal: false })).rejects.toThrow('只能打开所审查档案文件夹中的文件');
    expect(opened).toEqual([
      [path.join(archive, '红星村/说明.txt'), true],
      [path.join(archive, '红星村/户档.zip'), false],
    ]);
  });

  it('saves the report main holds, atomically, and never inside the archive', async () => {
    const inside = setup(path.join(archive, '报告.json'));
    await inside.handlers['archive:pick']();
    await inside.handlers['scan:start']({ root: archive, asOf: '2023-09-30' });
    await expect(inside.handlers['report:save']({ format: 'json' })).rejects.toThrow('报告不能保存在正在审查的档案文件夹里');
    const target = path.join(dir, '导出', '报告.json');
    const outside = setup(target);
    await outside.handlers['archive:pick']();
    await outside.handlers['scan:start']({ root: archive, asOf: '2023-09-30' });
    expect(await outside.handlers['report:save']({ format: 'json' })).toBe(target);
    expect(JSON.parse(await readFile(target, 'utf8')).schema).toBe('dossier-check/report@1');
    expect(await setup(null).handlers['report:save']({ format: 'json' }).catch((e: Error) => e.message)).toBe('还没有审查结果可以保存');
  });

  it('keeps each scan in history and reopens it, refusing a made-up id', async () => {
    const { handlers } = setup();
    await handlers['archive:pick']();
    await handlers['scan:start']({ root: archive, asOf: '2023-09-30' });
    const [entry] = await handlers['history:list']();
    expect(entry).toMatchObject({ root: archive, asOf: '2023-09-30', findings: sampleReport().findings.length });
    expect((await handlers['history:open']({ id: entry.id })).findings).toHaveLength(sampleReport().findings.length);
    await expect(handlers['history:open']({ id: '../../secret' })).rejects.toThrow('历史记录编号无效');
  });
});

describe('a folder dragged in; the report just saved opened', () => {
  it('takes a dropped folder as chosen (the scan may read it) and refuses a dropped file or nothing', async () => {
    const { handlers, scans } = setup();
    await expect(handlers['scan:start']({ root: archive, asOf: '2023-09-30' })).rejects.toThrow('只能审查通过“选择文件夹”选定的档案文件夹');
    await expect(handlers['archive:drop']({ path: path.join(archive, '红星村', '说明.txt') })).rejects.toThrow('拖入的不是文件夹：说明.txt。请把乡镇或村的档案文件夹拖到这里');
    await expect(handlers['archive:drop']({ path: '' })).rejects.toThrow('拖入的文件夹无效');
    expect(await handlers['archive:drop']({ path: archive })).toBe(archive);
    await handlers['scan:start']({ root: archive, asOf: '2023-09-30' });
    expect(scans).toHaveLength(1);
  });

  it('opens only the file it saved last, and nothing before a save', async () => {
    const target = path.join(dir, '导出', '城关镇自查报告.xlsx');
    const { handlers, opened } = setup(target);
    await handlers['archive:pick']();
    await handlers['scan:start']({ root: archive, asOf: '2023-09-30' });
    await expect(handlers['report:open']({ reveal: false })).rejects.toThrow('还没有保存报告');
    expect(await handlers['report:save']({ format: 'xlsx' })).toBe(target);
    await handlers['report:open']({ reveal: true });
    expect(opened).toEqual([[target, true]]);
  });
});
