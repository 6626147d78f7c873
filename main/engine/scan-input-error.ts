/** The scan cannot start: the archive root, a checklist or an export given by the user is unusable. Chinese message. */
export class ScanInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScanInputError';
  }
}
