import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkerPool } from '../../../main/engine/extract/worker-pool.js';

const formats = join(import.meta.dirname, '../../../fixtures/formats');
const sample = (name: string): Buffer => readFileSync(join(formats, name));
let pool: WorkerPool | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
});

describe('WorkerPool', () => {
  it('extracts files in worker threads', async () => {
    pool = new WorkerPool({ size: 2, timeoutMs: 30_000 });
    const [docx, xlsx] = await Promise.all([
      pool.run({ adapter: 'docx', fileName: 'sample.docx', bytes: sample('sample.docx') }),
      pool.run({ adapter: 'xlsx', fileName: 'sample.xlsx', bytes: sample('sample.xlsx') }),
    ]);
    expect(docx.content?.title).toBe('脱贫户家庭基本情况表');
    expect(xlsx.content?.blocks).toContainEqual({ text: '5966.83', location: '收入测算!B7' });
  });

  it('turns a hanging file and a crashing file into one unreadable outcome each; the rest come out', async () => {
    pool = new WorkerPool({ size: 2, timeoutMs: 8_000, testHooks: true });
    const started = Date.now();
    const outcomes = await Promise.all([
      pool.run({ adapter: 'text', fileName: '张三__hang__.txt', bytes: Buffer.from('2023年') }),
      pool.run({ adapter: 'text', fileName: '李四__crash__.txt', bytes: Buffer.from('2023年') }),
      pool.run({ adapter: 'docx', fileName: 'sample.docx', bytes: sample('sample.docx') }),
      pool.run({ adapter: 'pdf', fileName: 'sample.pdf', bytes: sample('sample.pdf') }),
      pool.run({ adapter: 'text', fileName: 'gbk.txt', bytes: sample('gbk.txt') }),
    ]);
    expect(outcomes[0]).toEqual({ content: null, unreadable: { reason: 'timeout', message: '读取文件超时（超过 8 秒），已跳过此文件' } });
    expect(outcomes[1].unreadable?.reason).toBe('crashed');
    expect(outcomes[2].content?.title).toBe('脱贫户家庭基本情况表');
    expect(outcomes[3].content?.title).toBe('民主评议会议记录');
    expect(outcomes[4].content?.title).toBe('红星村2023年第一季度帮扶记录');
    expect(Date.now() - started).toBeLessThan(25_000);
  });

  it('sends the file waiting behind a crashed or hanging one to a fresh worker instead of failing it too', async () => {
    pool = new WorkerPool({ size: 1, timeoutMs: 3_000, testHooks: true });
    const text = (name: string) => ({ adapter: 'text', fileName: name, bytes: Buffer.from('2023年6月1日 入户走访') });
    const outcomes = await Promise.all([
      pool.run(text('a__crash__.txt')),
      pool.run(text('b.txt')),
      pool.run(text('c__hang__.txt')),
      pool.run(text('d.txt')),
    ]);
    expect(outcomes.map((o) => o.unreadable?.reason ?? o.content?.dates[0]?.date)).toEqual(['crashed', '2023-06-01', 'timeout', '2023-06-01']);
  });

  it('tries a file that runs its worker out of memory once more in a large-heap worker, then gives up', async () => {
    pool = new WorkerPool({ size: 1, timeoutMs: 30_000, testHooks: true, maxHeapMb: 96, retryHeapMb: 512 });
    const text = (name: string) => ({ adapter: 'text', fileName: name, bytes: Buffer.from('2023年6月1日 入户走访') });
    const [retried, tooBig, after] = await Promise.all([
      pool.run(text('a__heap200__.txt')),
      pool.run(text('b__heap1500__.txt')),
      pool.run(text('c.txt')),
    ]);
    expect(retried.unreadable).toBeNull();
    expect(retried.content?.dates.map((d) => d.date)).toEqual(['2023-06-01']);
    expect(tooBig.content).toBeNull();
    expect(tooBig.unreadable?.reason).toBe('crashed');
    expect(after.content?.dates.map((d) => d.date)).toEqual(['2023-06-01']);
    expect(pool.outOfMemoryRetries).toBe(2);
  });

  it('sends a file known to need a large heap straight to the large-heap worker, without a failed first try', async () => {
    pool = new WorkerPool({ size: 1, timeoutMs: 30_000, testHooks: true, maxHeapMb: 96, retryHeapMb: 512 });
    const outcome = await pool.run({ adapter: 'text', fileName: 'a__heap200__.txt', bytes: Buffer.from('2023年6月1日 入户走访'), largeHeap: true });
    expect(outcome.content?.dates.map((d) => d.date)).toEqual(['2023-06-01']);
    expect(pool.outOfMemoryRetries).toBe(0);
  });

  it('ignores the test hooks unless asked for them', async () => {
    pool = new WorkerPool({ size: 1, timeoutMs: 30_000 });
    const outcome = await pool.run({ adapter: 'text', fileName: '__crash__.txt', bytes: Buffer.from('二〇二三年三月五日') });
    expect(outcome.content?.dates.map((d) => d.date)).toEqual(['2023-03-05']);
  });

  it('does not detach pooled small buffers of the main thread', async () => {
    pool = new WorkerPool({ size: 1, timeoutMs: 30_000 });
    const a = Buffer.from('2023年4月1日 走访');
    const b = Buffer.from('同一内存池中的另一个缓冲区');
    const outcome = await pool.run({ adapter: 'text', fileName: 'a.txt', bytes: a });
    expect(outcome.content?.dates[0].date).toBe('2023-04-01');
    expect(b.toString()).toBe('同一内存池中的另一个缓冲区');
  });
});

describe('WorkerPool under the tsx CLI', () => {
  it('starts its workers with the loader the CLI already registered', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pool-cli-'));
    try {
      const script = join(dir, 'run.mts');
      const poolModule = pathToFileURL(join(import.meta.dirname, '../../../main/engine/extract/worker-pool.ts')).href;
      writeFileSync(
        script,
        `import { WorkerPool } from ${JSON.stringify(poolModule)};
const pool = new WorkerPool({ size: 1, timeoutMs: 30_000 });
const outcome = await pool.run({ adapter: 'text', fileName: 'a.txt', bytes: Buffer.from('2023年5月6日') });
await pool.close();
console.log(JSON.stringify(outcome.content?.dates));`,
      );
      const tsx = join(import.meta.dirname, '../../../node_modules/.bin/tsx');
      const output = execFileSync(tsx, [script], { encoding: 'utf8', timeout: 60_000 });
      expect(JSON.parse(output.trim())).toEqual([{ date: '2023-05-06', precision: 'day', location: '第1行', text: '2023年5月6日' }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
