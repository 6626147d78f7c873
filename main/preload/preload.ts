// Runs sandboxed in the renderer's isolated world: one method per invoke channel (derived from the contract),
// the progress subscription and the path of a dropped folder; nothing else reaches the page.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { INVOKE_CHANNELS, type DossierApi, type EventChannels } from '../ipc/contract.js';

const api = Object.fromEntries(INVOKE_CHANNELS.map((channel) => [channel, (request?: unknown) => ipcRenderer.invoke(channel, request)])) as unknown as DossierApi;
api.onScanProgress = (listener) => {
  const wrapped = (_event: unknown, progress: EventChannels['scan:progress']): void => listener(progress);
  ipcRenderer.on('scan:progress', wrapped);
  return () => ipcRenderer.removeListener('scan:progress', wrapped);
};

// Electron no longer puts a path on a dropped File; only preload can ask for it.
api.pathOfDropped = (file) => webUtils.getPathForFile(file);

contextBridge.exposeInMainWorld('api', api);
