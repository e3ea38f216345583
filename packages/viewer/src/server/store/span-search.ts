import type { AttributeValue } from '../../shared/api-types.js';

/** Attribute values are searched in their first characters only, so a 5 MB message cannot stall a search. */
export const SEARCH_VALUE_CHARS = 20_000;

/**
 * The SQL prefilter of an in-trace search: a condition on the `spans` columns that keeps every
 * span that may match (a superset; `matchesSpan` decides). LIKE is case-insensitive for ASCII
 * only, and a needle with quotes, backslashes or control characters is written differently in
 * the stored JSON, so such needles (and non-ASCII ones) scan every span of the trace.
 *
 * @example
 * toSpanSearchFilter('weather'); // { sql: "(name LIKE ?1 ESCAPE '\\' OR …)", params: ['%weather%'] }
 */
export function toSpanSearchFilter(needle: string): { sql: string; params: string[] } {
  if (!/^[\x20-\x7e]*$/.test(needle) || /["\\]/.test(needle)) return { sql: '1', params: [] };
  const pattern = `%${needle.replace(/[%_]/g, (c) => `\\${c}`)}%`;
  // Tagged values ({"$i": …}, {"$kv": …}, {"$b": …}) read differently in the API's JSON: always candidates.
  return { sql: `(name LIKE ?1 ESCAPE '\\' OR span_id LIKE ?1 ESCAPE '\\' OR data LIKE ?1 ESCAPE '\\' OR instr(data, '"$') > 0)`, params: [pattern] };
}

/**
 * Whether a span's name, id, an attribute key or the start of an attribute value (as text, JSON
 * for structures) contains the needle; the needle is already trimmed and lowercased.
 *
 * @example
 * matchesSpan({ needle: 'paris', name: 'chat', spanId: 'a1', attributes: () => ({ city: 'Paris' }) }); // true
 */
export function matchesSpan(options: { readonly needle: string; readonly name: string; readonly spanId: string; readonly attributes: () => Record<string, AttributeValue> }): boolean {
  const { needle } = options;
  if (options.name.toLowerCase().includes(needle) || options.spanId.includes(needle)) return true;
  for (const [key, value] of Object.entries(options.attributes())) {
    if (key.toLowerCase().includes(needle)) return true;
    const text = typeof value === 'string' ? value.slice(0, SEARCH_VALUE_CHARS) : JSON.stringify(value).slice(0, SEARCH_VALUE_CHARS);
    if (text.toLowerCase().includes(needle)) return true;
  }
  return false;
}
