/**
 * A bounded memo keyed by three strings, with the last hit kept apart: the hot path (the same
 * model priced, or the same metric attributes used, request after request) compares three
 * strings instead of building and hashing a key. Cleared whole when it reaches `maxEntries`.
 */
export class ThreeKeyMemo<V> {
  private readonly entries = new Map<string, V>();
  private last: { readonly a: string; readonly b: string; readonly c: string; readonly value: V } | undefined;

  constructor(private readonly maxEntries: number) {}

  /**
   * The value remembered for (a, b, c), or undefined.
   * @example memo.get('gpt-4o', 'https://api.openai.com/v1', 'openai');
   */
  get(a: string, b: string, c: string): V | undefined {
    const last = this.last;
    if (last !== undefined && last.a === a && last.b === b && last.c === c) return last.value;
    const key = `${a}\u0000${b}\u0000${c}`;
    if (!this.entries.has(key)) return undefined;
    const value = this.entries.get(key) as V;
    this.last = { a, b, c, value };
    return value;
  }

  /**
   * Remembers `value` for (a, b, c) and returns it.
   * @example const set = memo.get(a, b, c) ?? memo.set(a, b, c, build());
   */
  set(a: string, b: string, c: string, value: V): V {
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(`${a}\u0000${b}\u0000${c}`, value);
    this.last = { a, b, c, value };
    return value;
  }
}
