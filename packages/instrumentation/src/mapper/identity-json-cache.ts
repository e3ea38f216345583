/**
 * A cache of JSON texts by object identity, for values that are immutable by type but plain
 * objects at runtime (messages, tool definitions). Each entry remembers a cheap fingerprint of
 * the object (the references of its parts, see the callers) and is rebuilt when it differs, so
 * the usual runtime mutations are seen; a change deep inside a nested value is not.
 * Entries live as long as their object (a WeakMap); texts over `maxChars` are not kept.
 */

interface Entry {
  readonly fingerprint: readonly unknown[];
  /** The first key's text inline (most objects are rendered one way), further keys in a map. */
  firstKey: string | undefined;
  firstText: string | undefined;
  more: Map<string, string> | undefined;
}

/**
 * A memo of JSON texts per (object, key): the remembered text, else `build(value, arg)`. `build`
 * gets its inputs through `arg`, so a caller on a hot path passes a function made once instead of
 * a closure per call.
 */
export type IdentityJsonCache<T extends object> = <A>(value: T, key: string, build: (value: T, arg: A) => string, arg: A) => string;

/** How a cache tells whether its object changed: a fingerprint taken when the entry is built, and a check against it. */
export interface IdentityJsonCacheFingerprint<T> {
  /** The references that a change would replace, in a flat list. */
  readonly take: (value: T) => readonly unknown[];
  /** True when `value` still has this fingerprint; written without allocating, as it runs on every lookup. */
  readonly matches: (value: T, fingerprint: readonly unknown[]) => boolean;
}

function remembered(entry: Entry, key: string): string | undefined {
  return entry.firstKey === key ? entry.firstText : entry.more?.get(key);
}

function remember(entry: Entry, key: string, text: string): void {
  if (entry.firstKey === undefined) {
    entry.firstKey = key;
    entry.firstText = text;
  } else {
    (entry.more ??= new Map()).set(key, text);
  }
}

/**
 * Creates a cache. The returned function gives the text remembered for (value, key) while the
 * value's fingerprint is unchanged, else `build(value, arg)` (remembered when at most `maxChars`
 * long). `key` must name everything besides the value that the text depends on.
 * @example
 * const take = (tool: ToolDefinition) => [tool.name, tool.parametersJsonSchema];
 * const cached = createIdentityJsonCache({ take, matches: (tool, f) => f[0] === tool.name && f[1] === tool.parametersJsonSchema }, 1 << 18);
 * const json = cached(tool, 'definition', (t) => JSON.stringify(t), undefined);
 */
export function createIdentityJsonCache<T extends object>(fingerprint: IdentityJsonCacheFingerprint<T>, maxChars: number): IdentityJsonCache<T> {
  const entries = new WeakMap<T, Entry>();
  return (value, key, build, arg) => {
    let entry = entries.get(value);
    if (entry === undefined || !fingerprint.matches(value, entry.fingerprint)) {
      entry = { fingerprint: fingerprint.take(value), firstKey: undefined, firstText: undefined, more: undefined };
      entries.set(value, entry);
    }
    const known = remembered(entry, key);
    if (known !== undefined) return known;
    const text = build(value, arg);
    if (text.length <= maxChars) remember(entry, key, text);
    return text;
  };
}
