import { UserFacingError } from '../user-facing-error.js';

/** A previous report that cannot be used; the message is for the clerk, in Chinese. */
export class PreviousReportError extends UserFacingError {}
