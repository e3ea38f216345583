import type { AttributeValue, SpanEvent } from '../../shared/api-types.js';
import { collectJsonLeaves, isJsonLike, MAX_SEARCH_CHARS } from './span-facts.js';

/**
 * The SQL prefilter of an in-trace search over `columns` (text columns of `spans` or `logs`, the
 * last being the row's stored JSON): a condition that keeps every row that may match (a superset;
 * matchesSpan and matchesLog decide). LIKE is case-insensitive for ASCII only, and a needle with
 * quotes, backslashes or control characters is written differently in the stored JSON, so such
 * needles (and non-ASCII ones) scan every row of the trace. Rows whose JSON holds a tagged value
 * (`{"$i": …}`, `{"$kv": …}`, `{"$b": …}`: their API form reads differently), JSON text with
 * escapes (`\u00e9`, `\/`: their decoded text reads differently) or a value kept whole apart
 * (`truncated`: only its start is in the row) are always candidates.
 *
 * @example
 * toSearchFilter('weather', ['name', 'span_id', 'data']); // { sql: "(name LIKE ?1 ESCAPE '\\' OR …)", params: ['%weather%'] }
 */
export function toSearchFilter(needle: string, columns: readonly string[]): { sql: string; params: string[] } {
  if (!/^[\x20-\x7e]*$/.test(needle) || /["\\]/.test(needle)) return { sql: '1', params: [] };
  const pattern = `%${needle.replace(/[%_]/g, (c) => `\\${c}`)}%`;
  const json = columns.at(-1)!;
  const like = columns.map((column) => `${column} LIKE ?1 ESCAPE '\\'`);
  const always = [`instr(${json}, '"$') > 0`, `instr(${json}, '\\\\u') > 0`, `instr(${json}, '\\\\/') > 0`, `instr(${json}, '"truncated"') > 0`];
  return { sql: `(${[...like, ...always].join(' OR ')})`, params: [pattern] };
}

/** The text a value is searched in: its API form (JSON for a structure) and, for JSON, its leaves with escapes decoded (what the list search indexes). */
function matchesValue(needle: string, value: AttributeValue): boolean {
  const raw = typeof value === 'string' ? value : JSON.stringify(value);
  const head = raw.length > MAX_SEARCH_CHARS ? raw.slice(0, MAX_SEARCH_CHARS) : raw;
  if (head.toLowerCase().includes(needle)) return true;
  return (typeof value !== 'string' || isJsonLike(value)) && collectJsonLeaves(raw).toLowerCase().includes(needle);
}

/** Whether an attribute key or value of `attributes` contains the needle. */
function matchesAttributes(needle: string, attributes: Readonly<Record<string, AttributeValue>>): boolean {
  for (const [key, value] of Object.entries(attributes)) {
    if (key.toLowerCase().includes(needle) || matchesValue(needle, value)) return true;
  }
  return false;
}

/** What an in-trace search reads of a span beyond its name and id, in API form. */
export interface SearchedSpanRecord {
  readonly attributes: Readonly<Record<string, AttributeValue>>;
  readonly events: readonly Pick<SpanEvent, 'name' | 'attributes'>[];
}

/**
 * Whether a span's name, id, an attribute key or value, or an event's name, attribute key or
 * value contains the needle (already trimmed and lowercased). Values are read as the list
 * search reads them, JSON escapes decoded, up to MAX_SEARCH_CHARS; `record` is read only when
 * the name and id do not match.
 *
 * @example
 * matchesSpan({ needle: 'café', name: 'chat', spanId: 'a1', record: () => ({ attributes: { m: '["caf\\u00e9"]' }, events: [] }) }); // true
 */
export function matchesSpan(options: { readonly needle: string; readonly name: string; readonly spanId: string; readonly record: () => SearchedSpanRecord }): boolean {
  const { needle } = options;
  if (options.name.toLowerCase().includes(needle) || options.spanId.includes(needle)) return true;
  const { attributes, events } = options.record();
  if (matchesAttributes(needle, attributes)) return true;
  return events.some((event) => event.name.toLowerCase().includes(needle) || matchesAttributes(needle, event.attributes));
}

/**
 * Whether a log record joined to a span (a GenAI event in OTLP logs) says the needle: its event
 * name, body, or an attribute key or value, read as matchesSpan reads values.
 *
 * @example
 * matchesLog('zebra', { eventName: 'gen_ai.user.message', body: { content: 'hello zebra' }, attributes: {} }); // true
 */
export function matchesLog(needle: string, log: { readonly eventName: string; readonly body: AttributeValue; readonly attributes: Readonly<Record<string, AttributeValue>> }): boolean {
  return log.eventName.toLowerCase().includes(needle) || (log.body !== null && matchesValue(needle, log.body)) || matchesAttributes(needle, log.attributes);
}
