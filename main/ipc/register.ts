import { dialog, ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { writeFile } from 'node:fs/promises';
import { runScan } from '../engine/run-scan.js';
import { writeReportFile } from './write-report-file.js';
import type { EventChannels, InvokeChannel, InvokeChannels } from './contract.js';
import { ScanService } from './scan-service.js';

type Handler<C extends InvokeChannel> = (
  event: IpcMainInvokeEvent,
  request: InvokeChannels[C]['request'],
) => Promise<InvokeChannels[C]['response']>;

/** Registers every invoke channel; messages from any sender but our window are ignored. */
export function registerIpc(window: BrowserWindow, cacheDir: string | null): void {
  const service = new ScanService(runScan, cacheDir);
  const send = <C extends keyof EventChannels>(channel: C, payload: EventChannels[C]): void => {
    if (!window.isDestroyed()) window.webContents.send(channel, payload);
  };
  const handle = <C extends InvokeChannel>(channel: C, handler: Handler<C>): void => {
    ipcMain.handle(channel, (event, request) => {
      if (event.sender !== window.webContents) throw new Error('拒绝来自未知窗口的请求');
      return handler(event, request as InvokeChannels[C]['request']);
    });
  };
  handle('scan:start', (_event, request) => service.start(request, (progress) => send('scan:progress', progress)));
  handle('scan:cancel', async () => service.cancel());
  handle('dialog:pick-archive', async () => {
    const result = await dialog.showOpenDialog(window, { title: '选择要审查的档案文件夹', properties: ['openDirectory'] });
    return result.canceled ? null : (result.filePaths[0] ?? null);
  });
  handle('report:save', async (_event, { report, format }) => {
    const result = await dialog.showSaveDialog(window, { title: '保存审查报告', defaultPath: `档案自查报告.${format}` });
    if (result.canceled || !result.filePath) return null;
    await writeReportFile(report, format, result.filePath, (p, text, encoding) => writeFile(p, text, encoding));
    return result.filePath;
  });
}
