/** Rule data (a dictionary under `rules/data`, or a county's override) that cannot be used; the message is Chinese and names the file and entry. */
export class RuleDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RuleDataError';
  }
}
