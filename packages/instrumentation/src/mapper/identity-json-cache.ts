/**
 * A cache of JSON texts by object identity, for values that are immutable by type but plain
 * objects at runtime (messages, tool definitions). Each entry remembers a cheap fingerprint of
 * the object (the references of its parts, see the callers) and is rebuilt when it differs, so
 * the usual runtime mutations are seen; a change deep inside a nested value is not.
 * Entries live as long as their object (a WeakMap); texts over `maxChars` are not kept.
 */

interface Entry {
  readonly fingerprint: readonly unknown[];
  readonly texts: Map<string, string>;
}

/** A memo of JSON texts per (object, key). */
export type IdentityJsonCache<T extends object> = (value: T, key: string, build: () => string) => string;

/** How a cache tells whether its object changed: a fingerprint taken when the entry is built, and a check against it. */
export interface IdentityJsonCacheFingerprint<T> {
  /** The references that a change would replace, in a flat list. */
  readonly take: (value: T) => readonly unknown[];
  /** True when `value` still has this fingerprint; written without allocating, as it runs on every lookup. */
  readonly matches: (value: T, fingerprint: readonly unknown[]) => boolean;
}

/**
 * Creates a cache. The returned function gives the text remembered for (value, key) while the
 * value's fingerprint is unchanged, else `build()` (remembered when at most `maxChars` long).
 * `key` must name everything besides the value that the text depends on.
 * @example
 * const take = (tool: ToolDefinition) => [tool.name, tool.parametersJsonSchema];
 * const cached = createIdentityJsonCache({ take, matches: (tool, f) => f[0] === tool.name && f[1] === tool.parametersJsonSchema }, 1 << 18);
 * const json = cached(tool, 'definition', () => JSON.stringify(tool));
 */
export function createIdentityJsonCache<T extends object>(fingerprint: IdentityJsonCacheFingerprint<T>, maxChars: number): IdentityJsonCache<T> {
  const entries = new WeakMap<T, Entry>();
  return (value, key, build) => {
    let entry = entries.get(value);
    if (entry === undefined || !fingerprint.matches(value, entry.fingerprint)) {
      entry = { fingerprint: fingerprint.take(value), texts: new Map() };
      entries.set(value, entry);
    }
    const known = entry.texts.get(key);
    if (known !== undefined) return known;
    const text = build();
    if (text.length <= maxChars) entry.texts.set(key, text);
    return text;
  };
}
