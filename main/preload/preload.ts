// Runs sandboxed in the renderer's isolated world: one method per channel, nothing else reaches the page.
import { contextBridge, ipcRenderer } from 'electron';
import type { DossierApi } from '../ipc/contract.js';
import type { ProgressEvent } from '../engine/types.js';

const api: DossierApi = {
  startScan: (request) => ipcRenderer.invoke('scan:start', request),
  cancelScan: () => ipcRenderer.invoke('scan:cancel'),
  pickArchive: () => ipcRenderer.invoke('dialog:pick-archive'),
  saveReport: (report, format) => ipcRenderer.invoke('report:save', { report, format }),
  onScanProgress: (listener) => {
    const wrapped = (_event: unknown, progress: ProgressEvent): void => listener(progress);
    ipcRenderer.on('scan:progress', wrapped);
    return () => ipcRenderer.removeListener('scan:progress', wrapped);
  },
};

contextBridge.exposeInMainWorld('api', api);
