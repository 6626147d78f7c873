// The Electron main process: one window, the typed IPC, nothing else. The engine does the work.
import { app, BrowserWindow, Menu } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { registerIpc } from '../ipc/register.js';
import { defaultCacheDir } from '../engine/extraction-cache.js';

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
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  void window.loadFile(path.join(here, '../../../renderer/index.html'));
  return window;
}

app.whenReady().then(() => {
  Menu.setApplicationMenu(null);
  const window = createWindow();
  registerIpc(window, defaultCacheDir());
});

app.on('window-all-closed', () => app.quit());
