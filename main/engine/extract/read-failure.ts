import type { UnreadableReason } from '../../../rules/api.js';
import { unreadableMessages } from './messages.js';

/** A file system error as the clerk reads it: permission problems have their own reason; no errno text, no path. */
export function readFailure(error: unknown): UnreadableReason {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'EACCES' || code === 'EPERM') return { reason: 'permission', message: unreadableMessages.permission() };
  return { reason: 'corrupt', message: unreadableMessages.readFailed() };
}
