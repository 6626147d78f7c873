/**
 * An error whose message is written for the clerk: Chinese, naming the file, row or key and what to do.
 * The CLI prints it as it is and exits with `exitCode`; any other error is an internal one.
 */
export class UserFacingError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 2,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
