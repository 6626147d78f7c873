// Runs sandboxed in the renderer's isolated world: one method per invoke channel (derived from the contract),
// the progress subscription, nothing else reaches the page.
import { contextBridge, ipcRenderer } from 'electron';
import { INVOKE_CHANNELS, type DossierApi, type EventChannels } from '../ipc/contract.js';

const api = Object.fromEntries(INVOKE_CHANNELS.map((channel) => [channel, (request?: unknown) => ipcRenderer.invoke(channel, request)])) as unknown as DossierApi;
api.onScanProgress = (listener) => {
  const wrapped = (_event: unknown, progress: EventChannels['scan:progress']): void => listener(progress);
  ipcRenderer.on('scan:progress', wrapped);
  return () => ipcRenderer.removeListener('scan:progress', wrapped);
};

contextBridge.exposeInMainWorld('api', api);
