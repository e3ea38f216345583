import { OtlpDecodeError } from './otlp-decode-error.js';

/**
 * Readers for scalar OTLP fields that accept both decoded protobuf values (Long, Uint8Array)
 * and OTLP/JSON values (int64 as string or number, enums as integers or names, hex ids).
 */

interface LongLike {
  low: number;
  high: number;
  unsigned: boolean;
  toString(): string;
  toNumber(): number;
}

/** True for a protobufjs Long. */
export const isLong = (value: unknown): value is LongLike =>
  typeof value === 'object' && value !== null && typeof (value as LongLike).low === 'number' && typeof (value as LongLike).high === 'number';

/** A proto3 string field; absent means ''. */
export function parseStringField(value: unknown, where: string): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  throw new OtlpDecodeError(where, `expected a string, got ${typeof value}`);
}

/** An unsigned 32-bit count or flags field; absent means 0. */
export function parseUintField(value: unknown, where: string): number {
  if (value === undefined || value === null) return 0;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  if (isLong(value)) return value.toNumber();
  throw new OtlpDecodeError(where, `expected a non-negative integer, got ${JSON.stringify(value)}`);
}

/** A fixed64 nanosecond timestamp as an exact decimal string; absent means '0'. */
export function parseNanosField(value: unknown, where: string): string {
  if (value === undefined || value === null) return '0';
  if (typeof value === 'string') {
    if (/^\d+$/.test(value)) return value.replace(/^0+(?=\d)/, '');
    throw new OtlpDecodeError(where, `expected unsigned nanoseconds as a decimal string, got ${JSON.stringify(value)}`);
  }
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return BigInt(value).toString();
  if (isLong(value)) return value.toString();
  throw new OtlpDecodeError(where, `expected unsigned nanoseconds, got ${JSON.stringify(value)}`);
}

/**
 * The largest time in microseconds the store keeps in a column (2^53 - 1 µs, in the year 2255):
 * node:sqlite cannot read a larger integer back, and a row it cannot read breaks every query
 * that touches it.
 */
export const MAX_STORED_MICROS = Number.MAX_SAFE_INTEGER;

/**
 * Microseconds from a nanosecond decimal string: exact up to MAX_STORED_MICROS, clamped to it
 * beyond (a fixed64 reaches 1.8e16 µs). The exact nanoseconds stay in the stored span; the
 * microseconds only index and order it.
 *
 * @example
 * toMicros('18446744073709551615'); // 9007199254740991
 */
export const toMicros = (nanos: string): number => {
  if (nanos.length <= 3) return 0;
  const micros = Number(nanos.slice(0, -3));
  return micros < MAX_STORED_MICROS ? micros : MAX_STORED_MICROS;
};

/**
 * Orders two nanosecond decimal strings as the numbers they are (canonical: no leading zeros,
 * as parseNanosField and the protobuf reader give them), without BigInt.
 *
 * @example
 * compareNanos('999', '1000'); // -1
 */
export const compareNanos = (left: string, right: string): number =>
  left.length !== right.length ? (left.length < right.length ? -1 : 1) : left < right ? -1 : left > right ? 1 : 0;

/** SQL for `left < right` over two nanosecond decimal string columns (as compareNanos). */
export const toNanosLessSql = (left: string, right: string): string => `(length(${left}) < length(${right}) OR (length(${left}) = length(${right}) AND ${left} < ${right}))`;

const MIN_INT32 = -2147483648;
const MAX_INT32 = 2147483647;

/** An enum given as a number or as a name from `names` (full `SPAN_KIND_SERVER` or short `SERVER`, any case). */
export function parseEnumField(value: unknown, names: readonly string[], prefix: string, where: string): number {
  if (value === undefined || value === null) return 0;
  // Protobuf enums are int32: a larger number is no value of the enum (and no column could read it back).
  if (typeof value === 'number' && Number.isInteger(value)) return checkInt32(value, where);
  if (typeof value === 'string') {
    if (/^\d+$/.test(value)) return checkInt32(Number(value), where);
    const upper = value.toUpperCase();
    const short = upper.startsWith(prefix) ? upper.slice(prefix.length) : upper;
    const index = names.indexOf(short);
    if (index >= 0) return index;
    throw new OtlpDecodeError(where, `unknown enum value ${JSON.stringify(value)}; expected one of ${names.map((name) => prefix + name).join(', ')} or an integer`);
  }
  throw new OtlpDecodeError(where, `expected an enum (integer or name), got ${typeof value}`);
}

function checkInt32(value: number, where: string): number {
  if (value >= MIN_INT32 && value <= MAX_INT32) return value;
  throw new OtlpDecodeError(where, `enum value ${value} is outside the int32 range`);
}

const HEX = /^[0-9a-fA-F]+$/;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/**
 * An id of `byteLength` bytes as lowercase hex, or null when absent/empty/all zero.
 * Returns an error string for a malformed id (the caller rejects that one item).
 */
export function parseIdField(value: unknown, byteLength: number): { id: string | null } | { error: string } {
  if (value === undefined || value === null || value === '') return { id: null };
  // protobufjs leaves an unset bytes field as a shared empty array on the prototype.
  if (Array.isArray(value) && value.length === 0) return { id: null };
  let hex: string;
  if (value instanceof Uint8Array) {
    if (value.length === 0) return { id: null };
    if (value.length !== byteLength) return { error: `expected ${byteLength} bytes, got ${value.length}` };
    hex = Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex');
  } else if (typeof value === 'string') {
    if (value.length === byteLength * 2 && HEX.test(value)) hex = value.toLowerCase();
    else if (value.length === Math.ceil(byteLength / 3) * 4 && BASE64.test(value)) {
      const bytes = Buffer.from(value, 'base64');
      if (bytes.length !== byteLength) return { error: `expected ${byteLength * 2} hex characters, got ${JSON.stringify(value)}` };
      hex = bytes.toString('hex');
    } else return { error: `expected ${byteLength * 2} hex characters, got ${JSON.stringify(value.slice(0, 80))}` };
  } else return { error: `expected a hex string, got ${typeof value}` };
  return /^0+$/.test(hex) ? { id: null } : { id: hex };
}

/** An array field; absent means []. */
export function parseArrayField(value: unknown, where: string): readonly unknown[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value;
  throw new OtlpDecodeError(where, `expected an array, got ${typeof value}`);
}

/** An object (message) field; absent means an empty message. */
export function parseMessageField(value: unknown, where: string): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  throw new OtlpDecodeError(where, `expected an object, got ${Array.isArray(value) ? 'an array' : typeof value}`);
}
