// Runs extractions in worker threads, one file per worker at a time. A file that hangs or crashes
// its worker becomes an unreadable outcome; the worker is replaced and the scan goes on.
//
// Workers run with a modest heap limit, which keeps V8 collecting instead of growing (two workers
// with the default limit took ~600 MB more at peak on the 100,000-file benchmark). A file that runs
// out of that heap is tried once more in a worker of its own with a large heap, ended after it.
import { Worker } from 'node:worker_threads';
import { unreadableMessages } from './messages.js';
import { unpackOutcome } from './pack-outcome.js';
import type { ExtractRequest, ExtractWorkerData, WorkerReply } from './extract-worker.js';
import type { OcrPlan } from './ocr-plan.js';
import type { ExtractOutcome } from '../types.js';

export interface WorkerPoolOptions {
  /** Number of worker threads. */
  size: number;
  /** Per-file limit, from the moment the file is handed to a worker. */
  timeoutMs: number;
  /** Enables the hang/crash hooks of the worker (tests only). */
  testHooks?: boolean;
  /** Heap limit per worker (default 512 MB): a runaway parser fails its file instead of the whole process. */
  maxHeapMb?: number;
  /** Heap limit of the worker that retries a file which ran out of `maxHeapMb` (default 2048 MB). */
  retryHeapMb?: number;
}

export interface PoolTask {
  /** Name of the adapter the main thread chose. */
  adapter: string;
  fileName: string;
  /** Copied to the worker; kept until the file is done, so it can be tried again. */
  bytes: Buffer;
  /** Read the file's scanned pages by OCR with this plan. */
  ocr?: OcrPlan | null;
  /** This file's limit instead of the pool's (OCR takes a second or more a page). */
  timeoutMs?: number;
  /** Known to need more than the modest heap (a big workbook): go to the large-heap worker at once, not after failing. */
  largeHeap?: boolean;
}

interface Job {
  id: number;
  task: PoolTask;
  /** Set once the file ran a worker out of memory: it goes to a large-heap worker. */
  large: boolean;
  resolve: (outcome: ExtractOutcome) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  /** A one-off worker with the retry heap, ended after its file. */
  large: boolean;
  ready: boolean;
  job: Job | null;
  timer: NodeJS.Timeout | null;
  /** Set when the pool ends the worker itself, so its exit is not taken for a crash. */
  retired: boolean;
}

function unpack(packed: Uint8Array | undefined): ExtractOutcome {
  try {
    return unpackOutcome(packed!);
  } catch {
    return { content: null, unreadable: { reason: 'crashed', message: unreadableMessages.crashed() } };
  }
}

const workerEntry = new URL('./worker-entry.mjs', import.meta.url);

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;
  /** Workers that died before saying ready: a broken setup, not a broken file. */
  private startupFailures = 0;
  /** Files that ran a modest-heap worker out of memory and were sent again to the large-heap worker. */
  outOfMemoryRetries = 0;

  constructor(private readonly options: WorkerPoolOptions) {}

  run(task: PoolTask): Promise<ExtractOutcome> {
    if (this.closed) return Promise.reject(new Error('worker pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, large: task.largeHeap ?? false, resolve, reject });
      this.pump();
    });
  }

  /** Ends every worker; queued and running files are rejected. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const error = new Error('worker pool is closed');
    for (const job of this.queue.splice(0)) job.reject(error);
    await Promise.all(
      this.slots.splice(0).map((slot) => {
        if (slot.timer) clearTimeout(slot.timer);
        slot.retired = true;
        slot.job?.reject(error);
        return slot.worker.terminate().catch(() => undefined);
      }),
    );
  }

  private pump(): void {
    while (this.queue.length > 0 && !this.closed) {
      const job = this.queue[0];
      const idle = this.slots.find((s) => s.ready && !s.job && s.large === job.large);
      if (idle) {
        this.dispatch(idle, this.queue.shift()!);
        continue;
      }
      if (job.large) {
        // One large worker at a time, on top of the others; the queue waits the second it takes to start.
        if (!this.slots.some((s) => s.large)) this.spawn(true);
        return;
      }
      const regular = this.slots.filter((s) => !s.large);
      const starting = regular.filter((s) => !s.ready).length;
      if (regular.length < this.options.size && starting < this.queue.length) {
        this.spawn(false);
        continue;
      }
      return;
    }
  }

  private spawn(large: boolean): void {
    const data: ExtractWorkerData = { testHooks: this.options.testHooks ?? false };
    const heapMb = large ? (this.options.retryHeapMb ?? 2048) : (this.options.maxHeapMb ?? 512);
    const worker = new Worker(workerEntry, { workerData: data, resourceLimits: { maxOldGenerationSizeMb: heapMb } });
    const slot: Slot = { worker, large, ready: false, job: null, timer: null, retired: false };
    this.slots.push(slot);
    worker.on('message', (reply: WorkerReply) => this.onReply(slot, reply));
    worker.on('error', (error) => this.onDeath(slot, error));
    worker.on('exit', (code) => this.onDeath(slot, new Error(`worker exited with code ${code}`)));
  }

  private dispatch(slot: Slot, job: Job): void {
    slot.job = job;
    // Copied, not transferred: a file that runs its worker out of memory is sent again.
    const bytes = new Uint8Array(job.task.bytes.buffer, job.task.bytes.byteOffset, job.task.bytes.byteLength);
    const request: ExtractRequest = {
      type: 'extract',
      id: job.id,
      adapter: job.task.adapter,
      fileName: job.task.fileName,
      bytes,
      ocr: job.task.ocr ?? null,
      packReply: slot.large,
    };
    slot.timer = setTimeout(() => this.onTimeout(slot), job.task.timeoutMs ?? this.options.timeoutMs);
    slot.worker.postMessage(request);
  }

  private onReply(slot: Slot, reply: WorkerReply): void {
    if (reply.type === 'ready') {
      slot.ready = true;
      this.startupFailures = 0;
    } else if (slot.job && reply.id === slot.job.id) {
      if (slot.timer) clearTimeout(slot.timer);
      const job = slot.job;
      slot.job = null;
      slot.timer = null;
      if (!slot.large) job.resolve(reply.outcome ?? unpack(reply.packed));
      else {
        // The large worker's heap still holds what it read: it is ended before its packed reply is unpacked here,
        // so the two copies of a big workbook's cells are never in memory at once.
        this.retire(slot);
        void slot.worker
          .terminate()
          .catch(() => undefined)
          .then(() => job.resolve(reply.outcome ?? unpack(reply.packed)));
      }
    }
    this.pump();
  }

  private retire(slot: Slot): void {
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.retired = true;
  }

  private onTimeout(slot: Slot): void {
    const job = slot.job;
    this.retire(slot);
    void slot.worker.terminate().catch(() => undefined);
    const seconds = Math.round((job?.task.timeoutMs ?? this.options.timeoutMs) / 1000);
    job?.resolve({ content: null, unreadable: { reason: 'timeout', message: unreadableMessages.timeout(seconds) } });
    this.pump();
  }

  private onDeath(slot: Slot, error: Error): void {
    if (slot.retired) return;
    const wasReady = slot.ready;
    const job = slot.job;
    this.retire(slot);
    void slot.worker.terminate().catch(() => undefined);
    const outOfMemory = (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
    if (job && outOfMemory && !job.large) {
      job.large = true;
      this.outOfMemoryRetries++;
      this.queue.unshift(job);
      this.pump();
      return;
    }
    if (job) job.resolve({ content: null, unreadable: { reason: 'crashed', message: unreadableMessages.crashed() } });
    if (!wasReady && !job) {
      // Workers that cannot even start would be replaced forever: fail the queued files instead.
      if (++this.startupFailures >= 3) {
        for (const queued of this.queue.splice(0)) queued.reject(new Error(`extraction worker failed to start: ${error.message}`));
        return;
      }
    }
    this.pump();
  }
}
