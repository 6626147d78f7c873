/** A previous report that cannot be used; the message is for the clerk, in Chinese. */
export class PreviousReportError extends Error {
  override name = 'PreviousReportError';
}
