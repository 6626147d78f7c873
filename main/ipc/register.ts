// The Electron side of the IPC: the system dialogs and shell, and each channel wired to its handler. Messages from
// any sender but our window are refused.
import { dialog, ipcMain, shell, utilityProcess, type BrowserWindow } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runScanInChild, type ScanChild } from './scan-process.js';
import { REPORT_OUTPUTS } from '../engine/report/outputs.js';
import { INVOKE_CHANNELS, type EventChannels } from './contract.js';
import { createHandlers } from './handlers.js';
import { HistoryStore } from './history-store.js';
import { LedgerStore } from './ledger-store.js';
import { SettingsStore } from './settings-store.js';

/** Each scan in an Electron utility process (scan-child.js beside this file): the window's process stays free. */
function utilityScanChild(): ScanChild {
  const child = utilityProcess.fork(fileURLToPath(new URL('./scan-child.js', import.meta.url)), [], { serviceName: '档案审查', stdio: 'inherit' });
  return {
    send: (m) => child.postMessage(m),
    onMessage: (l) => child.on('message', (m) => l(m)),
    onExit: (l) => child.on('exit', (code) => l(code)),
    kill: () => void child.kill(),
  };
}

export function registerIpc(window: BrowserWindow, dirs: { cacheDir: string | null; dataDir: string }): void {
  const send = <C extends keyof EventChannels>(channel: C, payload: EventChannels[C]): void => {
    if (!window.isDestroyed()) window.webContents.send(channel, payload);
  };
  const handlers = createHandlers({
    runScan: runScanInChild(utilityScanChild),
    cacheDir: dirs.cacheDir,
    history: new HistoryStore(path.join(dirs.dataDir, 'history')),
    ledger: new LedgerStore(path.join(dirs.dataDir, 'ledgers')),
    settings: new SettingsStore(dirs.dataDir),
    pickLedgerFile: async () => {
      const result = await dialog.showOpenDialog(window, {
        title: '选择填好的整改台账',
        properties: ['openFile'],
        filters: [{ name: '整改台账', extensions: ['xlsx', 'json'] }],
      });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    pickSystemFiles: async () => {
      const result = await dialog.showOpenDialog(window, {
        title: '选择监测系统导出表（同一次导出的人员表、户信息表、务工表可一起选）',
        properties: ['openFile', 'multiSelections'],
        filters: [{ name: '导出表', extensions: ['xlsx', 'xls', 'et', 'csv'] }],
      });
      return result.canceled ? null : result.filePaths;
    },
    pickChecklistFile: async () => {
      const result = await dialog.showOpenDialog(window, {
        title: '导入县里的检查清单（按模板填写的 Excel，或 YAML）',
        properties: ['openFile'],
        filters: [{ name: '检查清单', extensions: ['xlsx', 'yaml', 'yml'] }],
      });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    pickFolder: async () => {
      const result = await dialog.showOpenDialog(window, { title: '选择要审查的档案文件夹', properties: ['openDirectory'] });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    pickSaveTarget: async (format, defaultName) => {
      const output = REPORT_OUTPUTS[format];
      const result = await dialog.showSaveDialog(window, {
        title: '保存审查报告',
        defaultPath: defaultName,
        filters: [{ name: output.label, extensions: [output.extension] }],
      });
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    openPath: async (filePath, reveal) => {
      if (reveal) shell.showItemInFolder(filePath);
      else await shell.openPath(filePath);
    },
    emit: (event) => send('scan:progress', event),
  });
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, (event, request) => {
      if (event.sender !== window.webContents) throw new Error('拒绝来自未知窗口的请求');
      return (handlers[channel] as (r: unknown) => Promise<unknown>)(request);
    });
  }
}
