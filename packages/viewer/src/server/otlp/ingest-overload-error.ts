const MARKER = Symbol.for('hopscope.viewer.IngestOverloadError');

/**
 * The receiver is too busy to take a request now (a bounded queue is full): OTLP/HTTP answers
 * 503 with Retry-After, OTLP/gRPC UNAVAILABLE. Nothing of the request was stored.
 *
 * @example
 * throw new IngestOverloadError('trace parse queue is full');
 */
export class IngestOverloadError extends Error {
  readonly [MARKER] = true;
  readonly statusCode = 503;
  readonly isRetryable = true;
  readonly retryAfterMs: number;

  constructor(message: string, retryAfterMs = 1_000) {
    super(message);
    this.name = 'IngestOverloadError';
    this.retryAfterMs = retryAfterMs;
  }

  static is(value: unknown): value is IngestOverloadError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[MARKER] === true;
  }
}
