// Runs inside a worker thread: receives a file's bytes and the adapter the main thread chose,
// answers with the outcome. A parser that hangs or crashes takes only this thread down.
import { parentPort, workerData } from 'node:worker_threads';
import type { ExtractOutcome } from '../types.js';
import { adapterByName, failureOutcome, runAdapter } from './registry.js';
import { unreadableMessages } from './messages.js';
import { packOutcome } from './pack-outcome.js';
import type { OcrPlan } from './ocr-plan.js';

// tsx turns source maps on in every thread; Node then parses the large maps pdf.js and exceljs ship
// as soon as they load, about 170 MB of heap per worker for stack traces nobody reads here.
process.setSourceMapsEnabled(false);

export interface ExtractRequest {
  type: 'extract';
  id: number;
  adapter: string;
  fileName: string;
  bytes: Uint8Array;
  /** Set when the file's scanned pages are to be read by OCR. */
  ocr?: OcrPlan | null;
  /**
   * Answer with the outcome serialized into one buffer that is moved, not copied (the large-heap worker, which the
   * pool ends before unpacking it).
   */
  packReply?: boolean;
}

export type WorkerReply =
  | { type: 'ready' }
  | { type: 'done'; id: number; outcome: ExtractOutcome; packed?: undefined }
  | { type: 'done'; id: number; outcome?: undefined; packed: Uint8Array };

export interface ExtractWorkerData {
  /**
   * Lets tests make this worker hang (`__hang__` in the file name), crash (`__crash__`) or hold N MB
   * of heap before extracting (`__heap300__`).
   */
  testHooks?: boolean;
}

const { testHooks = false } = (workerData ?? {}) as ExtractWorkerData;

/** Only reachable with testHooks: simulates a parser stuck in a loop, a native crash or a parser's appetite. */
function runTestHook(fileName: string): boolean {
  const heap = /__heap(\d+)__/.exec(fileName);
  if (heap) {
    const held: number[][] = [];
    for (let mb = 0; mb < Number(heap[1]); mb++) held.push(new Array<number>(131072).fill(mb + 0.5));
    return held.length < 0;
  }
  if (fileName.includes('__hang__')) {
    for (;;) {
      // Busy loop on purpose: only terminating the thread ends it.
    }
  }
  if (fileName.includes('__crash__')) {
    setImmediate(() => {
      throw new Error('test hook: worker crashed');
    });
    return true;
  }
  return false;
}

async function handle(request: ExtractRequest): Promise<ExtractOutcome> {
  const adapter = adapterByName(request.adapter);
  if (!adapter) return { content: null, unreadable: { reason: 'unsupported', message: unreadableMessages.unsupported('') } };
  const bytes = Buffer.from(request.bytes.buffer, request.bytes.byteOffset, request.bytes.byteLength);
  try {
    return { content: await runAdapter(adapter, bytes, request.fileName, { ocr: request.ocr ?? null }), unreadable: null };
  } catch (error) {
    return failureOutcome(error, request.fileName);
  }
}

const port = parentPort;
if (port) {
  port.on('message', (request: ExtractRequest) => {
    if (testHooks && runTestHook(request.fileName)) return;
    void handle(request).then((outcome) => {
      if (!request.packReply) {
        port.postMessage({ type: 'done', id: request.id, outcome } satisfies WorkerReply);
        return;
      }
      const packed = packOutcome(outcome);
      // Moved only when the buffer is its own (never a slice of a shared pool, which moving would take from others).
      const own = packed.byteOffset === 0 && packed.byteLength === packed.buffer.byteLength;
      port.postMessage({ type: 'done', id: request.id, packed } satisfies WorkerReply, own ? [packed.buffer as ArrayBuffer] : []);
    });
  });
  port.postMessage({ type: 'ready' } satisfies WorkerReply);
}
