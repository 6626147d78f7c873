/** A checklist that cannot be used; the message is Chinese and names the file, row or entry. */
export class ChecklistError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChecklistError';
  }
}
