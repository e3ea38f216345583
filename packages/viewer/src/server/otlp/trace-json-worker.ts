/**
 * Worker thread of TraceJsonParser: OTLP/JSON trace bodies in, normalised spans out (or the
 * OtlpDecodeError's where and problem).
 */
import { parentPort } from 'node:worker_threads';
import { decodeOtlpBody } from './otlp-codec.js';
import { OtlpDecodeError } from './otlp-decode-error.js';
import { parseTraceRequest } from './parse-trace-request.js';

parentPort?.on('message', ({ id, body }: { id: number; body: Uint8Array }) => {
  try {
    parentPort?.postMessage({ id, parsed: parseTraceRequest(decodeOtlpBody('traces', 'json', body)) });
  } catch (error) {
    const decodeError = OtlpDecodeError.is(error) ? { where: error.where, problem: error.where ? error.message.slice(error.where.length + 2) : error.message } : undefined;
    parentPort?.postMessage({ id, decodeError, internal: decodeError ? undefined : String((error as Error)?.stack ?? error) });
  }
});
