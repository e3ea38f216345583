/**
 * Small readers for untrusted attribute values: every parser in the viewer goes through these,
 * so a value of the wrong shape yields `undefined`, never an exception.
 *
 * @example
 * parseJsonText('{"a":1}'); // { a: 1 }
 * parseJsonText('hello');   // 'hello'
 */
export function parseJsonText(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const first = value.trimStart()[0];
  if (first !== '[' && first !== '{' && first !== '"') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/** The value as a plain object, or undefined. */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** The value as a string, or undefined. */
export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * Base64 content: a string, or OTLP bytes as the API gives them (`{ bytesBase64 }`); else undefined.
 *
 * @example
 * asBase64({ bytesBase64: 'iVBORw0K' }); // 'iVBORw0K'
 */
export function asBase64(value: unknown): string | undefined {
  return asString(value) ?? asString(asRecord(value)?.['bytesBase64']);
}

/** A finite number, also from a decimal string (int64 beyond 2^53 arrives as a string). */
export function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : undefined;
  }
  return undefined;
}

/** The value as an array (a JSON text of an array is parsed first), or undefined. */
export function asArray(value: unknown): readonly unknown[] | undefined {
  const parsed = parseJsonText(value);
  return Array.isArray(parsed) ? parsed : undefined;
}

/** The first of `keys` whose value is present (not undefined) in `record`. */
export function pickFirst(record: Record<string, unknown>, keys: readonly string[]): unknown {
  for (const key of keys) if (record[key] !== undefined) return record[key];
  return undefined;
}

/**
 * Orders two non-negative decimal strings (OTLP nanosecond times) without BigInt parsing.
 *
 * @example
 * compareDecimalStrings('9', '10'); // -1
 */
export function compareDecimalStrings(a: string, b: string): number {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
