import { UserFacingError } from '../../user-facing-error.js';

/** Rule data (a dictionary under `rules/data`, or a county's override) that cannot be used; the message is Chinese and names the file and entry. */
export class RuleDataError extends UserFacingError {}
