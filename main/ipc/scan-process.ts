// Runs each scan in a process of its own and relays its progress: the app's main process (and so the window) stays
// free while a township is read and checked, and 取消 ends the scan within a second — asked first, then killed.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ScanOptions, ScanReport } from '../engine/types.js';
import { UserFacingError } from '../engine/user-facing-error.js';
import type { RunScan } from './scan-service.js';
import type { ScanChildMessage, ScanParentMessage } from './scan-messages.js';

/** A started scan process, whatever started it (Electron's utilityProcess, or Node's fork). */
export interface ScanChild {
  send(message: ScanParentMessage): void;
  onMessage(listener: (message: ScanChildMessage) => void): void;
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

/** How long a cancelled scan may take to stop on its own before its process is killed. */
const CANCEL_GRACE_MS = 800;

export function runScanInChild(spawn: () => ScanChild): RunScan {
  return (options: ScanOptions) =>
    new Promise<ScanReport>((resolve, reject) => {
      const { signal, onProgress, previous: _previous, ...rest } = options;
      const child = spawn();
      let settled = false;
      const settle = (action: () => void, end = false): void => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        // The child waits to be ended once its last message (done / error) has arrived: it never exits before
        // that message is through the channel.
        if (end) child.kill();
        action();
      };
      const aborted = (): Error => Object.assign(new Error('已取消审查'), { name: 'AbortError' });
      const onAbort = (): void => {
        child.send({ type: 'cancel' });
        const timer = setTimeout(() => child.kill(), CANCEL_GRACE_MS);
        timer.unref?.();
        settle(() => reject(aborted()));
      };
      child.onMessage((message) => {
        if (message.type === 'progress') onProgress?.(message.event);
        else if (message.type === 'done') settle(() => resolve(message.report), true);
        else if (message.aborted) settle(() => reject(aborted()), true);
        else settle(() => reject(message.userFacing ? new UserFacingError(message.message) : new Error(message.message)), true);
      });
      child.onExit((code) => settle(() => reject(new Error(`审查进程意外退出（代码 ${code ?? '未知'}），请重试；若反复出现，请把档案文件夹和这段文字发给维护人员`))));
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      child.send({ type: 'start', options: rest });
    });
}

/** The scan process as a forked Node process: for tests and the command line's own use (no Electron). */
export function forkScanChild(entry = fileURLToPath(new URL('./scan-child.ts', import.meta.url)), execArgv = ['--import', 'tsx']): () => ScanChild {
  return () => {
    const child = fork(entry, [], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    return {
      send: (m) => child.send(m),
      onMessage: (l) => child.on('message', (m) => l(m as ScanChildMessage)),
      onExit: (l) => child.on('exit', (code) => l(code)),
      kill: () => child.kill('SIGKILL'),
    };
  };
}
