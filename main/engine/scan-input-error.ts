import { UserFacingError } from './user-facing-error.js';

/** The scan cannot start: the archive root, a checklist or an export given by the user is unusable. Chinese message. */
export class ScanInputError extends UserFacingError {}
