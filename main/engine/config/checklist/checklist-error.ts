import { UserFacingError } from '../../user-facing-error.js';

/** A checklist that cannot be used; the message is Chinese and names the file, row or entry. */
export class ChecklistError extends UserFacingError {}
