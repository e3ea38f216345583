/**
 * Worker thread of TraceBodyPreparer: OTLP trace bodies in, prepared span rows out (packed: PreparedSpanWire) (or the
 * OtlpDecodeError's where and problem).
 */
import { parentPort } from 'node:worker_threads';
import { toPreparedSpanWire, wirePackTransfer } from '../store/prepared-span.js';
import { OtlpDecodeError } from './otlp-decode-error.js';
import { parseTraceBody, type TraceBodyEncoding } from './trace-body-preparer.js';

parentPort?.on('message', ({ id, encoding, body }: { id: number; encoding: TraceBodyEncoding; body: Uint8Array }) => {
  try {
    const { batch, rejected } = parseTraceBody(encoding, body);
    const wire = toPreparedSpanWire(batch);
    parentPort?.postMessage({ id, wire, rejected }, wirePackTransfer(wire));
  } catch (error) {
    const decodeError = OtlpDecodeError.is(error) ? { where: error.where, problem: error.where ? error.message.slice(error.where.length + 2) : error.message } : undefined;
    parentPort?.postMessage({ id, decodeError, internal: decodeError ? undefined : String((error as Error)?.stack ?? error) });
  }
});
