import { decodeOtlpBody, type OtlpEncoding } from '../otlp/otlp-codec.js';
import type { OtlpSignal } from '../otlp/otlp-messages.js';
import { parseLogsRequest } from '../otlp/parse-logs-request.js';
import { parseMetricsRequest } from '../otlp/parse-metrics-request.js';
import { parseTraceRequest } from '../otlp/parse-trace-request.js';
import { TraceBodyPreparer } from '../otlp/trace-body-preparer.js';
import type { RejectedItem } from '../otlp/normalized-types.js';
import type { IngestResult, SpanStore } from '../store/span-store.js';

/** The outcome of one export request, shared by OTLP/HTTP and OTLP/gRPC. */
export interface ExportOutcome {
  readonly result: IngestResult;
  readonly rejected: readonly RejectedItem[];
}

/**
 * Parses a decoded export request of `signal` and stores what is valid. Throws OtlpDecodeError
 * for a request of the wrong shape; single bad items come back in `rejected`.
 *
 * @example
 * const { result, rejected } = await ingestOtlpRequest(store, 'traces', decoded);
 */
export async function ingestOtlpRequest(store: SpanStore, signal: OtlpSignal, decoded: unknown): Promise<ExportOutcome> {
  switch (signal) {
    case 'traces': {
      const { spans, rejected } = parseTraceRequest(decoded);
      return { result: await store.ingestSpans(spans), rejected };
    }
    case 'logs': {
      const { logs, rejected } = parseLogsRequest(decoded);
      return { result: await store.ingestLogs(logs), rejected };
    }
    case 'metrics':
      return { result: await store.ingestMetrics(parseMetricsRequest(decoded)), rejected: [] };
    default: {
      const _exhaustive: never = signal;
      throw new Error(`unknown signal ${String(_exhaustive)}`);
    }
  }
}

/**
 * Decodes an export request body of `signal` and stores what is valid. Trace bodies (protobuf
 * read straight from the wire, or JSON) are parsed and their rows prepared on a worker thread
 * (TraceBodyPreparer), so this thread only runs the SQL; logs and metrics go through
 * decodeOtlpBody and ingestOtlpRequest. Throws OtlpDecodeError for a bad body,
 * IngestOverloadError when the worker's queue is full.
 *
 * @example
 * const { result, rejected } = await ingestOtlpBody(store, 'traces', 'protobuf', body);
 */
export async function ingestOtlpBody(store: SpanStore, signal: OtlpSignal, encoding: OtlpEncoding, body: Uint8Array, preparer = TraceBodyPreparer.shared()): Promise<ExportOutcome> {
  if (signal === 'traces') {
    const { batch, rejected } = await preparer.prepare(encoding, body);
    return { result: await store.ingestPreparedSpans(batch), rejected };
  }
  return ingestOtlpRequest(store, signal, decodeOtlpBody(signal, encoding, body));
}

/** The partialSuccess error message for refused items (the first few, with where). */
export const toRejectionMessage = (rejected: readonly RejectedItem[]): string =>
  rejected.length === 0 ? '' : `${rejected.length} item(s) rejected: ${rejected.slice(0, 5).map((item) => item.reason).join('; ')}${rejected.length > 5 ? '; …' : ''}`;
