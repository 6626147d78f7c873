import os from 'node:os';
import path from 'node:path';

/** Where the extraction cache lives: the user's cache folder, never the archive. */
export function defaultCacheDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'win32') return path.join(env.LOCALAPPDATA ?? path.join(os.homedir(), 'AppData', 'Local'), 'dossier-check', 'Cache');
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Caches', 'dossier-check');
  return path.join(env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'dossier-check');
}
