import { OTLP_MESSAGES, RESOURCE_FIELD, type OtlpSignal } from './otlp-messages.js';
import { OtlpDecodeError } from './otlp-decode-error.js';

/** The two OTLP/HTTP body encodings. */
export type OtlpEncoding = 'protobuf' | 'json';

/** Media types the receiver accepts, for 415 messages. */
export const ACCEPTED_MEDIA_TYPES = ['application/x-protobuf', 'application/json'] as const;

/**
 * The OTLP encoding named by a Content-Type header (parameters and case ignored), or null.
 *
 * @example
 * parseOtlpContentType('Application/JSON; charset=UTF-8'); // 'json'
 */
export function parseOtlpContentType(header: string | undefined): OtlpEncoding | null {
  const mediaType = (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (mediaType === 'application/x-protobuf' || mediaType === 'application/protobuf') return 'protobuf';
  if (mediaType === 'application/json') return 'json';
  return null;
}

/**
 * Decodes an OTLP request body to a plain object tree (protobufjs messages for traces and logs,
 * OTLP/JSON shape for metrics). An empty body is an empty request. Throws OtlpDecodeError.
 *
 * @example
 * decodeOtlpBody('traces', 'json', Buffer.from('{"resourceSpans":[]}'));
 */
export function decodeOtlpBody(signal: OtlpSignal, encoding: OtlpEncoding, body: Uint8Array): unknown {
  if (body.length === 0) return {};
  if (encoding === 'json') {
    try {
      return JSON.parse(Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8')) as unknown;
    } catch (error) {
      throw new OtlpDecodeError('', `body is not valid JSON (${(error as Error).message})`);
    }
  }
  const type = OTLP_MESSAGES[signal].request;
  try {
    const message = type.decode(body);
    return signal === 'metrics' ? type.toObject(message, { longs: String, bytes: String }) : message;
  } catch (error) {
    throw new OtlpDecodeError('', `body is not a valid ${type.name} protobuf message (${(error as Error).message})`);
  }
}

/**
 * The Export*ServiceResponse in the request's encoding; partialSuccess only when items were refused.
 *
 * @example
 * encodeOtlpResponse('traces', 'json', 1, 'bad id'); // '{"partialSuccess":{"rejectedSpans":"1","errorMessage":"bad id"}}'
 */
export function encodeOtlpResponse(signal: OtlpSignal, encoding: OtlpEncoding, rejectedCount: number, errorMessage: string): Uint8Array | string {
  const { response, rejectedField } = OTLP_MESSAGES[signal];
  const body = rejectedCount > 0 || errorMessage ? { partialSuccess: { [rejectedField]: String(rejectedCount), errorMessage } } : {};
  return encoding === 'json' ? JSON.stringify(body) : response.encode(response.fromObject(body)).finish();
}

/**
 * A google.rpc.Status error body in the request's encoding.
 *
 * @example
 * encodeOtlpStatus('json', 3, 'resourceSpans: expected an array');
 */
export function encodeOtlpStatus(encoding: OtlpEncoding, code: number, message: string): Uint8Array | string {
  if (encoding === 'json') return JSON.stringify({ code, message, details: [] });
  const status = OTLP_MESSAGES.status;
  return status.encode(status.fromObject({ code, message })).finish();
}

/** True when a decoded request holds no resource entries at all. */
export const isEmptyOtlpRequest = (signal: OtlpSignal, decoded: unknown): boolean => {
  const entries = (decoded as Record<string, unknown> | null)?.[RESOURCE_FIELD[signal]];
  return !Array.isArray(entries) || entries.length === 0;
};
