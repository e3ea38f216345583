const MARKER = Symbol.for('hopscope.viewer.InvalidCursorError');

/**
 * A trace list cursor that this store did not hand out (or that no longer parses). The only
 * error of a list read the API answers with 400 `where: cursor`; any other failure is the
 * server's, not the client's.
 *
 * @example
 * if (InvalidCursorError.is(error)) throw new HttpError(400, error.message, { where: 'cursor' });
 */
export class InvalidCursorError extends Error {
  readonly [MARKER] = true;
  readonly statusCode = 400;
  readonly isRetryable = false;

  constructor(message = 'cursor is not a cursor returned by this server') {
    super(message);
    this.name = 'InvalidCursorError';
  }

  static is(value: unknown): value is InvalidCursorError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[MARKER] === true;
  }
}
