import { describe, expect, it } from 'vitest';
import { createProgressReporter, formatFilesLine, formatOcrPart } from '../../main/cli/progress-line.js';
import type { ProgressEvent } from '../../main/engine/types.js';

function sink(isTTY: boolean, columns = 80) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, columns, write: (t: string) => writes.push(t) } };
}

const files = (done: number, village: string | null = '红星村'): ProgressEvent => ({
  type: 'files',
  done,
  total: 1840,
  rate: 35.4,
  etaSeconds: (1840 - done) / 35.4,
  village,
  fromCache: 0,
});

describe('formatFilesLine', () => {
  it('shows files done of total, share, rate, time left and the current village', () => {
    expect(formatFilesLine(files(120) as Extract<ProgressEvent, { type: 'files' }>)).toBe(
      '读取文件 120/1840（6%） · 35 个/秒 · 约剩 0:49 · 红星村',
    );
  });
});

describe('createProgressReporter', () => {
  it('on a terminal rewrites one line in place, at most ten times a second, and clears it at the end', () => {
    let t = 0;
    const { writes, stream } = sink(true);
    const progress = createProgressReporter(stream, { quiet: false, now: () => t });
    progress.onProgress({ type: 'stage', stage: 'extract' });
    t = 200;
    progress.onProgress(files(10));
    t = 250;
    progress.onProgress(files(11)); // too soon: skipped
    t = 400;
    progress.onProgress(files(20));
    progress.finish();
    expect(writes.every((w) => w.startsWith('\r\x1b[K') && !w.includes('\n'))).toBe(true);
    expect(writes.map((w) => w.slice(4))).toEqual(['读取文件内容…', expect.stringContaining('10/1840'), expect.stringContaining('20/1840'), '']);
  });

  it('cuts the live line to the terminal width so it never wraps', () => {
    const { writes, stream } = sink(true, 30);
    createProgressReporter(stream, { quiet: false, now: () => 1000 }).onProgress(files(120, '一个名字很长很长很长很长的村'));
    expect(writes[0].length - 4).toBeLessThanOrEqual(29);
    expect(writes[0].endsWith('…')).toBe(true);
  });

  it('into a log writes plain lines: each stage, files every interval and the last one', () => {
    let t = 0;
    const { writes, stream } = sink(false);
    const progress = createProgressReporter(stream, { quiet: false, now: () => t, plainIntervalMs: 10_000 });
    progress.onProgress({ type: 'stage', stage: 'discover' });
    for (let done = 1; done <= 1840; done++) {
      t += 20;
      progress.onProgress(files(done));
    }
    progress.onProgress({ type: 'notice', text: '2024 年未配置监测线' });
    progress.finish();
    expect(writes.every((w) => w.endsWith('\n') && !w.includes('\r'))).toBe(true);
    expect(writes[0]).toBe('查找文件…\n');
    // 1840 events over 36.8 s: a line every 10 s plus the final one, not one per file.
    expect(writes.filter((w) => w.startsWith('读取文件')).length).toBeLessThanOrEqual(5);
    expect(writes.some((w) => w.startsWith('读取文件 1840/1840'))).toBe(true);
    expect(writes.at(-1)).toBe('提示：2024 年未配置监测线\n');
  });

  it('says nothing when quiet', () => {
    const { writes, stream } = sink(true);
    const progress = createProgressReporter(stream, { quiet: true });
    progress.onProgress({ type: 'stage', stage: 'extract' });
    progress.onProgress(files(1840));
    progress.finish();
    expect(writes).toEqual([]);
  });
});

describe('formatOcrPart', () => {
  it('shows OCR apart: files done of queued, pages, pages per second and its own time left', () => {
    expect(formatOcrPart({ type: 'ocr', queued: 40, done: 10, pages: 12, pagesPerSecond: 1.25, etaSeconds: 95 })).toBe(
      '文字识别 10/40 个文件（12 页，1.3 页/秒） · 识别约剩 1:35',
    );
  });
});
