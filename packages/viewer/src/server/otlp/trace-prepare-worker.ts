/**
 * Worker thread of TraceBodyPreparer: OTLP trace bodies in, prepared span rows out (or the
 * OtlpDecodeError's where and problem).
 */
import { parentPort } from 'node:worker_threads';
import { OtlpDecodeError } from './otlp-decode-error.js';
import { parseTraceBody, type TraceBodyEncoding } from './trace-body-preparer.js';

parentPort?.on('message', ({ id, encoding, body }: { id: number; encoding: TraceBodyEncoding; body: Uint8Array }) => {
  try {
    parentPort?.postMessage({ id, prepared: parseTraceBody(encoding, body) });
  } catch (error) {
    const decodeError = OtlpDecodeError.is(error) ? { where: error.where, problem: error.where ? error.message.slice(error.where.length + 2) : error.message } : undefined;
    parentPort?.postMessage({ id, decodeError, internal: decodeError ? undefined : String((error as Error)?.stack ?? error) });
  }
});
