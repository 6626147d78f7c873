// The scan's own process (an Electron utilityProcess in the app, a forked Node process in tests): it runs the whole
// engine, so the window's main process never waits on the rule stage, and a cancel can end it outright.
// Messages: in { type: 'start', options } | { type: 'cancel' }; out { type: 'progress' | 'done' | 'error', … }.
import { runScan } from '../engine/run-scan.js';
import { UserFacingError } from '../engine/user-facing-error.js';
import type { ScanChildMessage, ScanParentMessage } from './scan-messages.js';

interface Port {
  postMessage(message: ScanChildMessage): void;
  on(event: 'message', listener: (message: unknown) => void): void;
}

// utilityProcess gives `process.parentPort` (messages wrapped in { data }); a forked Node process gives process.send.
const parentPort = (process as unknown as { parentPort?: { postMessage(m: unknown): void; on(e: 'message', l: (e: { data: unknown }) => void): void } }).parentPort;
const port: Port = parentPort
  ? { postMessage: (m) => parentPort.postMessage(m), on: (_e, l) => parentPort.on('message', (e) => l(e.data)) }
  : { postMessage: (m) => process.send?.(m), on: (_e, l) => process.on('message', l) };

const controller = new AbortController();

port.on('message', (raw) => {
  const message = raw as ScanParentMessage;
  if (message.type === 'cancel') controller.abort();
  if (message.type !== 'start') return;
  runScan({ ...message.options, signal: controller.signal, onProgress: (event) => port.postMessage({ type: 'progress', event }) })
    .then((report) => port.postMessage({ type: 'done', report }))
    .catch((error: Error) =>
      port.postMessage({ type: 'error', message: error.message, userFacing: error instanceof UserFacingError, aborted: controller.signal.aborted }),
    )
    // No exit here: a large report is still being written to the channel when the promise settles, and exiting
    // would drop it (a 3,000-file township's report was lost this way). The parent ends this process once the
    // last message has arrived; a forked process also ends when its parent goes away.
    .catch(() => undefined);
});
process.on('disconnect', () => process.exit(0));
