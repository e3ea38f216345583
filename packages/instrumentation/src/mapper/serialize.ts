/**
 * `serialize_any` for TypeScript: any value to a JSON-safe value (spec section 4, decisions 2, 3, 5).
 * Bytes become URL-safe base64 (pydantic's `ser_json_bytes='base64'`), BinaryContent becomes
 * `{data, media_type, vendor_metadata, kind, identifier}`, and with `includeBinaryContent: false`
 * the data is dropped everywhere. Cycles become a placeholder; nothing throws.
 */
import { createHash } from 'node:crypto';
import { isBinaryContent, type BinaryContent } from '@hopscope/models';

export const CIRCULAR_REFERENCE_PLACEHOLDER = '<circular reference>';
export const BINARY_OMITTED_PLACEHOLDER = '<binary data omitted>';

function bytesOf(data: Uint8Array): Buffer {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

/** pydantic-ai's default BinaryContent identifier: the first 6 hex digits of the data's SHA-1. @example computeBinaryIdentifier(binaryContent(utf8('abc'), 'text/plain')) === 'a9993e' */
export function computeBinaryIdentifier(content: BinaryContent): string {
  return content.identifier ?? createHash('sha1').update(bytesOf(content.data)).digest('hex').slice(0, 6);
}

/** URL-safe base64 with padding, as pydantic writes bytes. @example toUrlSafeBase64(new Uint8Array([255])) === '_w==' */
export function toUrlSafeBase64(data: Uint8Array): string {
  const text = bytesOf(data).toString('base64url');
  return text + '='.repeat((4 - (text.length % 4)) % 4);
}

function toJsonSafe(value: unknown, keepBinary: boolean, active: Set<object>): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return null;
  if (value instanceof Uint8Array) return keepBinary ? toUrlSafeBase64(value) : BINARY_OMITTED_PLACEHOLDER;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (active.has(value)) return CIRCULAR_REFERENCE_PLACEHOLDER;
  active.add(value);
  try {
    return toJsonSafeObject(value, keepBinary, active);
  } finally {
    active.delete(value);
  }
}

function toJsonSafeObject(value: object, keepBinary: boolean, active: Set<object>): unknown {
  if (isBinaryContent(value)) {
    const vendorMetadata = value.vendorMetadata === undefined ? null : toJsonSafe(value.vendorMetadata, keepBinary, active);
    const identifier = computeBinaryIdentifier(value);
    const rest = { media_type: value.mediaType, vendor_metadata: vendorMetadata, kind: 'binary', identifier };
    return keepBinary ? { data: toJsonSafe(value.data, true, active), ...rest } : rest;
  }
  if (Array.isArray(value) || value instanceof Set) return Array.from(value, (item) => toJsonSafe(item, keepBinary, active));
  if (value instanceof Map) return toJsonSafe(Object.fromEntries(value), keepBinary, active);
  const withToJson = value as { toJSON?: () => unknown };
  if (typeof withToJson.toJSON === 'function') return toJsonSafe(withToJson.toJSON(), keepBinary, active);
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item !== undefined && typeof item !== 'function' && typeof item !== 'symbol') out[key] = toJsonSafe(item, keepBinary, active);
  }
  return out;
}

/**
 * A JSON-safe copy of any value, as pydantic-ai's `serialize_any` gives it.
 * @example
 * toSerializableValue({ png: new Uint8Array([255]) }, { includeBinaryContent: true }) // { png: '_w==' }
 */
export function toSerializableValue(value: unknown, o: { includeBinaryContent: boolean }): unknown {
  // Strings, booleans, null and finite numbers are already safe (most tool arguments): no walk state.
  if (typeof value === 'string' || typeof value === 'boolean' || value === null || (typeof value === 'number' && Number.isFinite(value))) return value;
  try {
    return toJsonSafe(value, o.includeBinaryContent, new Set());
  } catch (error) {
    return `Unable to serialize: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/**
 * Compact JSON of a value that is already JSON-safe (built by the mappers or by toSerializableValue):
 * no second walk over it. Lone surrogates come out escaped, as with toCompactJson.
 * @example toJsonText([{ type: 'text' }]) === '[{"type":"text"}]'
 */
export function toJsonText(jsonSafe: unknown): string {
  return JSON.stringify(jsonSafe) ?? 'null';
}

/**
 * Compact JSON of a value (decision 2). Non-JSON-safe input is first made safe with the binary data
 * kept; lone surrogates are escaped (`\udXXX`), so the text is always well-formed.
 * @example toCompactJson({ a: [1, 'x'] }) === '{"a":[1,"x"]}'
 */
export function toCompactJson(value: unknown): string {
  return toJsonText(toSerializableValue(value, { includeBinaryContent: true }));
}
