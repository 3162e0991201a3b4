/** A problem with how the command was called or configured: exit code 2, nothing written. */
export class UsageError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'UsageError';
    this.code = code;
  }
}

/** `--strict` and rows were rejected: exit code 1, nothing written. */
export class StrictRejectionError extends Error {
  readonly code = 'E_STRICT';
  readonly rejected: number;
  constructor(rejected: number, message: string) {
    super(message);
    this.name = 'StrictRejectionError';
    this.rejected = rejected;
  }
}
