import { Router, type Request, type Response } from 'express';
import { ACCEPTED_MEDIA_TYPES, encodeOtlpResponse, parseOtlpContentType } from '../otlp/otlp-codec.js';
import { IngestOverloadError } from '../otlp/ingest-overload-error.js';
import { OtlpDecodeError } from '../otlp/otlp-decode-error.js';
import type { OtlpSignal } from '../otlp/otlp-messages.js';
import type { TraceBodyPreparer } from '../otlp/trace-body-preparer.js';
import type { SpanStore } from '../store/span-store.js';
import { HttpError } from './http-error.js';
import type { IngestGate } from './ingest-gate.js';
import { ingestOtlpBody, toRejectionMessage } from './otlp-ingest.js';
import { readLimitedBody } from './read-body.js';

/** What the OTLP/HTTP routes need. */
export interface OtlpRoutesOptions {
  readonly store: SpanStore;
  readonly gate: IngestGate;
  readonly maxRequestBytes: number;
  readonly onIngest: (traceIds: readonly string[]) => void;
  /** Where trace bodies are parsed and prepared (default: the process-wide worker). */
  readonly preparer?: TraceBodyPreparer;
}

const CONTENT_TYPE = { protobuf: 'application/x-protobuf', json: 'application/json' } as const;

/**
 * POST /v1/traces, /v1/logs, /v1/metrics: protobuf or JSON, gzip, answered in the request's
 * encoding. Errors are thrown as HttpError and encoded by the error middleware.
 *
 * @example
 * app.use(createOtlpRouter({ store, gate, maxRequestBytes, onIngest }));
 */
export function createOtlpRouter(options: OtlpRoutesOptions): Router {
  const router = Router();
  for (const signal of ['traces', 'logs', 'metrics'] as const) {
    router.post(`/v1/${signal}`, (request, response) => handleExport(options, signal, request, response));
    router.all(`/v1/${signal}`, () => {
      throw new HttpError(405, `Use POST for /v1/${signal}`, { headers: { Allow: 'POST' } });
    });
  }
  return router;
}

async function handleExport(options: OtlpRoutesOptions, signal: OtlpSignal, request: Request, response: Response): Promise<void> {
  const encoding = parseOtlpContentType(request.headers['content-type']);
  if (encoding === null) {
    request.resume();
    throw new HttpError(415, `Unsupported Content-Type "${request.headers['content-type'] ?? ''}"; accepted: ${ACCEPTED_MEDIA_TYPES.join(', ')}`);
  }
  response.locals.otlpEncoding = encoding;
  const ticket = options.gate.enter(Number(request.headers['content-length']));
  if (ticket === null) {
    request.resume();
    throw new HttpError(503, 'Ingest queue is full; retry later', { headers: { 'Retry-After': '1' } });
  }
  try {
    // Counted at what the body holds as it is read (chunked bodies declare nothing, gzip only its compressed size).
    const body = await readLimitedBody(request, options.maxRequestBytes, { admit: (bytes) => ticket.grow(bytes) });
    let outcome;
    try {
      outcome = await ingestOtlpBody(options.store, signal, encoding, body, options.preparer);
    } catch (error) {
      if (OtlpDecodeError.is(error)) throw new HttpError(400, `Bad OTLP ${signal} request: ${error.message}`, { where: error.where });
      if (IngestOverloadError.is(error)) throw new HttpError(503, `${error.message}; retry later`, { headers: { 'Retry-After': String(Math.ceil(error.retryAfterMs / 1000)) } });
      throw error;
    }
    if (outcome.result.changedTraceIds.length > 0) options.onIngest(outcome.result.changedTraceIds);
    const payload = encodeOtlpResponse(signal, encoding, outcome.rejected.length, toRejectionMessage(outcome.rejected));
    response.status(200).type(CONTENT_TYPE[encoding]).send(typeof payload === 'string' ? payload : Buffer.from(payload));
  } finally {
    ticket.release();
  }
}
