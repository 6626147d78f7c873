// .docx, .xlsx and .ofd are zip containers: a 7 MB .docx whose document.xml inflates to 1.5 GB is a zip bomb like
// any other, and must be refused from its directory before a reader inflates it.
import { unzipSync } from 'fflate';
import { UnreadableError } from './adapter.js';
import { unreadableMessages } from './messages.js';

export const officeZipLimits = {
  /** One part (document.xml, a sheet) may inflate to this much. */
  maxPartBytes: 1024 * 1024 * 1024,
  /** All parts together. */
  maxTotalBytes: 2 * 1024 * 1024 * 1024,
  /** XML compresses well (sheets 10–50×), but not 200×: above that, for parts over 1 MiB, it is a bomb. */
  maxRatio: 200,
  ratioMinBytes: 1024 * 1024,
};

/**
 * Reads the container's directory (inflating nothing) and throws UnreadableError `zip-bomb` or `too-large` when a
 * part's declared size or ratio is past the limits. A damaged directory is left for the reader to judge.
 */
export function assertOfficeZipWithinLimits(bytes: Uint8Array, limits = officeZipLimits): void {
  let total = 0;
  try {
    unzipSync(bytes, {
      filter: (f) => {
        total += f.originalSize;
        const ratio = f.originalSize / Math.max(1, f.size);
        if (f.originalSize >= limits.ratioMinBytes && ratio > limits.maxRatio) {
          throw new UnreadableError('zip-bomb', unreadableMessages.zipBomb());
        }
        if (f.originalSize > limits.maxPartBytes || total > limits.maxTotalBytes) {
          throw new UnreadableError('too-large', unreadableMessages.tooLarge(Math.round(limits.maxPartBytes / 1048576)));
        }
        return false;
      },
    });
  } catch (error) {
    if (error instanceof UnreadableError) throw error;
  }
}
