// The Electron main process: one window, the typed IPC, nothing else. The engine does the work.
import { app, BrowserWindow, Menu } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { registerIpc } from '../ipc/register.js';
import { defaultCacheDir } from '../engine/extract/extraction-cache.js';

const here = path.dirname(fileURLToPath(import.meta.url));

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    title: '档案自查',
    webPreferences: {
      preload: path.join(here, '../preload/preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    },
  });
  // The page is local; it never navigates elsewhere or opens windows.
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  // No remote content, ever: every request that is not for the app's own files is cancelled.
  window.webContents.session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !details.url.startsWith('file://') && !details.url.startsWith('devtools://') });
  });
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  void window.loadFile(path.join(here, '../../renderer/index.html'));
  return window;
}

app.whenReady().then(() => {
  Menu.setApplicationMenu(null);
  const window = createWindow();
  registerIpc(window, { cacheDir: defaultCacheDir(), dataDir: app.getPath('userData') });
});

app.on('window-all-closed', () => app.quit());
