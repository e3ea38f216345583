import type { ErrorRequestHandler } from 'express';
import type { ApiError } from '../../shared/api-types.js';
import { encodeOtlpStatus, type OtlpEncoding } from '../otlp/otlp-codec.js';
import { HttpError } from './http-error.js';

/** gRPC status code carried in an OTLP error body for an HTTP status. */
export const mapHttpStatusToRpcCode = (status: number): number =>
  status === 400 || status === 415 ? 3 : status === 404 ? 5 : status === 405 ? 12 : status === 413 ? 8 : status === 503 ? 14 : 13;

function toHttpError(error: unknown): HttpError {
  if (HttpError.is(error)) return error;
  const status = (error as { status?: unknown; statusCode?: unknown } | null)?.status ?? (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) return new HttpError(status, (error as Error).message);
  return new HttpError(500, 'Internal server error');
}

/**
 * The one error middleware: OTLP paths get a google.rpc.Status body in the request's encoding,
 * everything else an ApiError JSON body. Unexpected errors are logged and answered 500.
 *
 * @example
 * app.use(createErrorMiddleware({ log: console.error }));
 */
export function createErrorMiddleware(options: { log: (message: string, error: unknown) => void }): ErrorRequestHandler {
  return (error: unknown, request, response, _next) => {
    const httpError = toHttpError(error);
    if (httpError.status >= 500 && httpError.status !== 503) options.log(`${request.method} ${request.path} failed`, error);
    if (response.headersSent) {
      response.destroy();
      return;
    }
    response.set(httpError.headers);
    if (request.path.startsWith('/v1/')) {
      const encoding = (response.locals.otlpEncoding as OtlpEncoding | undefined) ?? 'json';
      const message = httpError.where && !httpError.message.includes(httpError.where) ? `${httpError.message} (at ${httpError.where})` : httpError.message;
      const body = encodeOtlpStatus(encoding, mapHttpStatusToRpcCode(httpError.status), message);
      response.status(httpError.status).type(encoding === 'json' ? 'application/json' : 'application/x-protobuf').send(typeof body === 'string' ? body : Buffer.from(body));
      return;
    }
    const body: ApiError = httpError.where ? { error: httpError.message, where: httpError.where } : { error: httpError.message };
    response.status(httpError.status).json(body);
  };
}
