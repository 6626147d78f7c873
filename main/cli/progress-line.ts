// Progress on stderr: one line rewritten in place on a terminal; an occasional plain line when
// stderr goes to a file or a CI log, so the log does not fill with carriage returns.
import type { ProgressEvent, ScanStage } from '../engine/types.js';
import { maskIdNumbers } from '../engine/report/mask-id-numbers.js';
import { truncateToWidth } from '../engine/report/text-width.js';

export const STAGE_NAMES: Record<ScanStage, string> = {
  discover: '查找文件',
  'read-system-export': '读取系统导出数据',
  extract: '读取文件内容',
  identify: '识别资料',
  evaluate: '逐项检查',
  report: '生成报告',
};

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface ProgressReporter {
  onProgress(event: ProgressEvent): void;
  /** Clears the live line so what follows starts on a clean line. */
  finish(): void;
}

function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

export function formatFilesLine(event: Extract<ProgressEvent, { type: 'files' }>): string {
  const share = event.total > 0 ? Math.floor((event.done / event.total) * 100) : 0;
  const parts = [`读取文件 ${event.done}/${event.total}（${share}%）`];
  if (event.rate > 0) parts.push(`${event.rate >= 10 ? Math.round(event.rate) : event.rate.toFixed(1)} 个/秒`);
  if (event.etaSeconds !== null && event.done < event.total) parts.push(`约剩 ${formatDuration(event.etaSeconds)}`);
  if (event.fromCache > 0) parts.push(`缓存 ${event.fromCache}`);
  if (event.village) parts.push(maskIdNumbers(event.village));
  return parts.join(' · ');
}

/** OCR's own part of the line: it is slow enough to need its own count and time left. */
export function formatOcrPart(event: Extract<ProgressEvent, { type: 'ocr' }>): string {
  const parts = [`文字识别 ${event.done}/${event.queued} 个文件（${event.pages} 页`];
  if (event.pagesPerSecond > 0) parts[0] += `，${event.pagesPerSecond.toFixed(1)} 页/秒`;
  parts[0] += '）';
  if (event.etaSeconds !== null && event.done < event.queued) parts.push(`识别约剩 ${formatDuration(event.etaSeconds)}`);
  return parts.join(' · ');
}

export function createProgressReporter(
  stream: ProgressStream,
  options: { quiet: boolean; now?: () => number; plainIntervalMs?: number },
): ProgressReporter {
  const now = options.now ?? Date.now;
  const plainInterval = options.plainIntervalMs ?? 10_000;
  const isLive = stream.isTTY === true;
  let lastWrite = -Infinity;
  let liveShown = false;
  let lastFiles: Extract<ProgressEvent, { type: 'files' }> | null = null;
  let lastOcr: Extract<ProgressEvent, { type: 'ocr' }> | null = null;

  const clearLive = (): void => {
    if (liveShown) stream.write('\r\x1b[K');
    liveShown = false;
  };
  const showLive = (text: string): void => {
    // A pseudo-terminal without a size reports 0 columns.
    const width = Math.max(20, (stream.columns || 80) - 1);
    stream.write(`\r\x1b[K${truncateToWidth(text, width)}`);
    liveShown = true;
  };

  return {
    onProgress(event) {
      if (options.quiet) return;
      if (event.type === 'notice') {
        clearLive();
        stream.write(`提示：${maskIdNumbers(event.text)}\n`);
        return;
      }
      if (event.type === 'stage') {
        const text = `${STAGE_NAMES[event.stage] ?? event.stage}…`;
        if (isLive) showLive(text);
        else stream.write(`${text}\n`);
        lastWrite = now();
        return;
      }
      if (event.type === 'ocr') lastOcr = event;
      else lastFiles = event;
      if (!lastFiles) return;
      const finished = event.type === 'files' && event.done >= event.total;
      const t = now();
      // Live: at most ten redraws a second; plain: a line every interval and one at the end.
      if (isLive ? t - lastWrite < 100 && !finished : t - lastWrite < plainInterval && !finished) return;
      lastWrite = t;
      const line = lastOcr ? `${formatFilesLine(lastFiles)} · ${formatOcrPart(lastOcr)}` : formatFilesLine(lastFiles);
      if (isLive) showLive(line);
      else stream.write(`${line}\n`);
    },
    finish() {
      if (isLive) clearLive();
    },
  };
}
