const MARKER = Symbol.for('hopscope.viewer.HttpError');

/**
 * The server's one error type: an HTTP status, a readable message, where the input was bad
 * (when known) and extra response headers (e.g. Retry-After).
 *
 * @example
 * throw new HttpError(415, 'Unsupported Content-Type text/plain; accepted: application/json');
 */
export class HttpError extends Error {
  readonly [MARKER] = true;
  readonly status: number;
  readonly where: string | undefined;
  readonly headers: Readonly<Record<string, string>>;

  constructor(status: number, message: string, options: { where?: string; headers?: Record<string, string> } = {}) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.where = options.where;
    this.headers = options.headers ?? {};
  }

  static is(value: unknown): value is HttpError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[MARKER] === true;
  }
}
