// User errors: bad input, bad options, unwritable output. The CLI prints their message as one line on
// stderr and exits 1, without a stack trace. Anything else is a bug and keeps its stack.
export class UserError extends Error {
  override name = 'UserError';
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}

export function isUserError(err: unknown): err is UserError {
  return err instanceof UserError;
}
