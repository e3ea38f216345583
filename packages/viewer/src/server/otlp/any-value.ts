import type { AttributeValue } from '../../shared/api-types.js';
import type { TaggedAttributes, TaggedValue } from './normalized-types.js';
import { OtlpDecodeError } from './otlp-decode-error.js';
import { isLong, parseArrayField } from './wire-read.js';

const MAX_DEPTH = 64;

const has = (object: Record<string, unknown>, key: string): boolean => Object.hasOwn(object, key);

/**
 * `record[key] = value` as an own, enumerable data property, for the key `__proto__` too:
 * assigned, that key sets the prototype instead (a string value was dropped, a kvlist replaced
 * the prototype). Only that key takes the slow path; JSON.stringify, spreads, for…in and
 * JSON.parse all keep such an own property as the data it is.
 *
 * @example
 * setAttribute(attributes, '__proto__', 'x'); // Object.keys(attributes) -> ['__proto__']
 */
export function setAttribute<T>(record: Record<string, T>, key: string, value: NoInfer<T>): void {
  if (key === '__proto__') Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true });
  else record[key] = value;
}

function parseInt64(value: unknown, where: string): TaggedValue {
  let text: string;
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value)) text = value;
  else if (isLong(value)) text = value.toString();
  else throw new OtlpDecodeError(where, `expected an int64, got ${JSON.stringify(value)}`);
  const number = Number(text);
  return Number.isSafeInteger(number) ? number : { $i: BigInt(text).toString() };
}

function parseDouble(value: unknown, where: string): TaggedValue {
  let number: number;
  if (typeof value === 'number') number = value;
  else if (value === 'NaN' || value === 'Infinity' || value === '-Infinity') return { $d: value };
  else if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) number = Number(value);
  else throw new OtlpDecodeError(where, `expected a double, got ${JSON.stringify(value)}`);
  if (Number.isNaN(number)) return { $d: 'NaN' };
  if (!Number.isFinite(number)) return { $d: number > 0 ? 'Infinity' : '-Infinity' };
  return Number.isInteger(number) ? { $d: number === 0 && 1 / number < 0 ? '-0' : number } : number;
}

function parseBytes(value: unknown, where: string): TaggedValue {
  if (value instanceof Uint8Array) return { $b: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };
  if (typeof value === 'string') return { $b: Buffer.from(value, 'base64').toString('base64') };
  throw new OtlpDecodeError(where, 'expected base64 bytes');
}

/**
 * An OTLP AnyValue (decoded protobuf or OTLP/JSON) as a lossless TaggedValue.
 *
 * @example
 * parseAnyValue({ intValue: '9007199254740993' }, 'x'); // { $i: '9007199254740993' }
 */
export function parseAnyValue(raw: unknown, where: string, depth = 0): TaggedValue {
  if (raw === undefined || raw === null) return null;
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new OtlpDecodeError(where, 'expected an AnyValue object');
  if (depth > MAX_DEPTH) throw new OtlpDecodeError(where, `values nested deeper than ${MAX_DEPTH} levels`);
  const value = raw as Record<string, unknown>;
  if (has(value, 'stringValue')) {
    if (typeof value.stringValue !== 'string') throw new OtlpDecodeError(`${where}.stringValue`, 'expected a string');
    return value.stringValue;
  }
  if (has(value, 'boolValue')) {
    if (typeof value.boolValue !== 'boolean') throw new OtlpDecodeError(`${where}.boolValue`, 'expected a boolean');
    return value.boolValue;
  }
  if (has(value, 'intValue')) return parseInt64(value.intValue, `${where}.intValue`);
  if (has(value, 'doubleValue')) return parseDouble(value.doubleValue, `${where}.doubleValue`);
  if (has(value, 'bytesValue')) return parseBytes(value.bytesValue, `${where}.bytesValue`);
  if (has(value, 'arrayValue')) {
    const values = parseArrayField((value.arrayValue as { values?: unknown } | null)?.values, `${where}.arrayValue.values`);
    return values.map((item, index) => parseAnyValue(item, `${where}.arrayValue.values[${index}]`, depth + 1));
  }
  if (has(value, 'kvlistValue')) {
    const values = parseArrayField((value.kvlistValue as { values?: unknown } | null)?.values, `${where}.kvlistValue.values`);
    return { $kv: values.map((item, index) => parseKeyValue(item, `${where}.kvlistValue.values[${index}]`, depth + 1)) };
  }
  return null;
}

function parseKeyValue(raw: unknown, where: string, depth: number): [string, TaggedValue] {
  if (typeof raw !== 'object' || raw === null) throw new OtlpDecodeError(where, 'expected a KeyValue object');
  const { key, value } = raw as { key?: unknown; value?: unknown };
  if (key !== undefined && typeof key !== 'string') throw new OtlpDecodeError(`${where}.key`, 'expected a string');
  return [key ?? '', parseAnyValue(value, `${where}.value`, depth)];
}

/**
 * A repeated KeyValue field as an attribute map (a later duplicate key wins).
 *
 * @example
 * parseKeyValues([{ key: 'a', value: { boolValue: true } }], 'attributes'); // { a: true }
 */
export function parseKeyValues(raw: unknown, where: string): TaggedAttributes {
  const list = parseArrayField(raw, where);
  const attributes: TaggedAttributes = {};
  for (let index = 0; index < list.length; index++) {
    const item = list[index] as { key?: unknown; value?: unknown } | null;
    if (typeof item === 'object' && item !== null && typeof item.key === 'string') {
      const simple = toSimpleValue(item.value);
      if (simple !== undefined) {
        setAttribute(attributes, item.key, simple);
        continue;
      }
    }
    const [key, value] = parseKeyValue(item, `${where}[${index}]`, 0);
    setAttribute(attributes, key, value);
  }
  return attributes;
}

const SAFE_INT_TEXT = /^-?\d{1,15}$/;

/**
 * The common flat AnyValues (a string, a boolean, a small int, a non-integral double) read
 * without building `where` paths; undefined for anything else, which parseAnyValue then reads
 * (and reports) in full. Same precedence as parseAnyValue.
 */
function toSimpleValue(raw: unknown): TaggedValue | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const value = raw as Record<string, unknown>;
  if (has(value, 'stringValue')) return typeof value.stringValue === 'string' ? value.stringValue : undefined;
  if (has(value, 'boolValue')) return typeof value.boolValue === 'boolean' ? value.boolValue : undefined;
  if (has(value, 'intValue')) {
    const int = value.intValue;
    if (typeof int === 'number') return Number.isSafeInteger(int) ? int : undefined;
    return typeof int === 'string' && SAFE_INT_TEXT.test(int) ? Number(int) : undefined;
  }
  if (has(value, 'doubleValue')) {
    const double = value.doubleValue;
    return typeof double === 'number' && Number.isFinite(double) && !Number.isInteger(double) ? double : undefined;
  }
  return undefined;
}

/**
 * A TaggedValue as the API's plain AttributeValue (kvlists as objects, bytes as `{ bytesBase64 }`,
 * big ints as decimal strings).
 *
 * @example
 * toAttributeValue({ $kv: [['a', 1]] }); // { a: 1 }
 */
export function toAttributeValue(value: TaggedValue): AttributeValue {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(toAttributeValue);
  if ('$kv' in value) return Object.fromEntries(value.$kv.map(([key, item]) => [key, toAttributeValue(item)]));
  if ('$i' in value) return value.$i;
  if ('$b' in value) return { bytesBase64: value.$b };
  return typeof value.$d === 'number' ? value.$d : value.$d === '-0' ? 0 : value.$d;
}

/** An attribute map of TaggedValues as plain AttributeValues. */
export const toAttributeRecord = (attributes: TaggedAttributes): Record<string, AttributeValue> => {
  const plain: Record<string, AttributeValue> = {};
  for (const key in attributes) setAttribute(plain, key, toAttributeValue(attributes[key] as TaggedValue));
  return plain;
};

/** OTLP/JSON AnyValue for a TaggedValue (exact inverse of parseAnyValue). */
export type OtlpJsonAnyValue = Record<string, unknown>;

/**
 * A TaggedValue back to an OTLP/JSON AnyValue, the exact inverse of parseAnyValue.
 *
 * @example
 * toOtlpAnyValue({ $d: 5 }); // { doubleValue: 5 }
 */
export function toOtlpAnyValue(value: TaggedValue): OtlpJsonAnyValue {
  if (value === null) return {};
  if (typeof value === 'string') return { stringValue: value };
  if (typeof value === 'boolean') return { boolValue: value };
  if (typeof value === 'number') return Number.isInteger(value) ? { intValue: String(value) } : { doubleValue: value };
  if (Array.isArray(value)) return { arrayValue: { values: value.map(toOtlpAnyValue) } };
  if ('$kv' in value) return { kvlistValue: { values: value.$kv.map(([key, item]) => ({ key, value: toOtlpAnyValue(item) })) } };
  if ('$i' in value) return { intValue: value.$i };
  if ('$b' in value) return { bytesValue: value.$b };
  return { doubleValue: value.$d === '-0' ? -0 : value.$d };
}

/** An attribute map back to an OTLP/JSON KeyValue list. */
export const toOtlpKeyValues = (attributes: TaggedAttributes): { key: string; value: OtlpJsonAnyValue }[] =>
  Object.entries(attributes).map(([key, value]) => ({ key, value: toOtlpAnyValue(value) }));
