import type { TraceListQuery } from '../../shared/api-types.js';

/** Page size bounds for /api/traces. */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** Where a page ended: the last row's start and trace id (the list order). */
export interface TraceCursor {
  readonly startUs: number;
  readonly traceId: string;
}

/**
 * An opaque cursor string for the row a page ended on.
 *
 * @example
 * toCursorString({ startUs: 1, traceId: 'ab' }); // 'WzEsImFiIl0'
 */
export const toCursorString = (cursor: TraceCursor): string => Buffer.from(JSON.stringify([cursor.startUs, cursor.traceId])).toString('base64url');

/**
 * The cursor inside an opaque string, or null when it is not one of ours.
 *
 * @example
 * parseCursorString(toCursorString({ startUs: 1, traceId: 'ab' })); // { startUs: 1, traceId: 'ab' }
 */
export function parseCursorString(text: string): TraceCursor | null {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && value.length === 2 && Number.isSafeInteger(value[0]) && typeof value[1] === 'string' && /^[0-9a-f]{32}$/.test(value[1])) {
      return { startUs: value[0] as number, traceId: value[1] };
    }
  } catch {
    // not base64url JSON: fall through
  }
  return null;
}

/**
 * Turns user text into an FTS5 query of quoted terms, all required: prefix terms (the search
 * itself), or whole words with `{ prefix: false }` (a cheap lower bound on its matches).
 *
 * @example
 * toFtsQuery('weather city'); // '"weather"* "city"*'
 */
export const toFtsQuery = (text: string, { prefix = true }: { prefix?: boolean } = {}): string | null => {
  const terms = text.match(/[\p{L}\p{N}_]+/gu) ?? [];
  return terms.length === 0 ? null : terms.map((term) => `"${term}"${prefix ? '*' : ''}`).join(' ');
};

/**
 * How a full-text page is found. `matches-first` reads every matching document, then the traces
 * they belong to, and sorts them: a page of work for a rare term. `list-first` walks the list
 * (newest first, after the cursor and the other filters) and stops at the page size, testing
 * each trace against the set of matching documents: a page of work for a common term, a walk of
 * the whole list for a rare one.
 */
export type TraceSearchPlan = 'matches-first' | 'list-first';

/** From this many matching documents on, a full-text page is found `list-first`. */
export const LIST_FIRST_MIN_MATCHES = 2000;

/** The documents an FTS5 query matches, counted up to LIST_FIRST_MIN_MATCHES. Params: FTS query, cap. */
export const COUNT_SEARCH_MATCHES_SQL = 'SELECT count(*) AS matches FROM (SELECT 1 FROM search WHERE search MATCH ? LIMIT ?)';

/**
 * The plan for a full-text query that matches `matches` documents (counted up to the cap).
 *
 * @example
 * toTraceSearchPlan(11); // 'matches-first'
 */
export const toTraceSearchPlan = (matches: number): TraceSearchPlan => (matches >= LIST_FIRST_MIN_MATCHES ? 'list-first' : 'matches-first');

// The unary + keeps SQLite from driving the query from the matches (list-first: the list order,
// from traces_start or traces_service, drives it and the LIMIT stops it); the IN list is built
// once from the FTS5 doclist and each trace probes it through search_docs_trace. Both clauses
// select the same traces.
const SEARCH_CLAUSES: Record<TraceSearchPlan, string> = {
  'matches-first': 'trace_id IN (SELECT trace_id FROM search_docs WHERE rowid IN (SELECT rowid FROM search WHERE search MATCH ?))',
  'list-first': 'EXISTS (SELECT 1 FROM search_docs WHERE search_docs.trace_id = traces.trace_id AND +search_docs.rowid IN (SELECT rowid FROM search WHERE search MATCH ?))',
};

/**
 * The SQL and parameters for one page of the trace list (newest first, keyset paging); `plan`
 * only changes how a full-text filter is evaluated, never the rows.
 *
 * @example
 * toTraceListSql({ model: 'gpt-4o' }, null, 50);
 */
export function toTraceListSql(query: TraceListQuery, cursor: TraceCursor | null, limit: number, plan: TraceSearchPlan = 'matches-first'): { sql: string; params: (string | number)[] } {
  const where: string[] = [];
  const params: (string | number)[] = [];
  const add = (clause: string, ...values: (string | number)[]): void => {
    where.push(clause);
    params.push(...values);
  };
  if (cursor) add('(start_us, trace_id) < (?, ?)', cursor.startUs, cursor.traceId);
  if (query.service !== undefined) add('service = ?', query.service);
  for (const [kind, column] of [['model', 'models'], ['provider', 'providers'], ['operation', 'operations']] as const) {
    const value = query[kind];
    // instr on the JSON-quoted value skips most rows cheaply; json_each decides.
    if (value !== undefined) add(`(instr(${column}, ?) > 0 AND EXISTS (SELECT 1 FROM json_each(${column}) WHERE value = ?))`, JSON.stringify(value), value);
  }
  if (query.status !== undefined) add('status = ?', ['UNSET', 'OK', 'ERROR'].indexOf(query.status));
  if (query.hasFallback !== undefined) add(query.hasFallback ? 'fallback_count > 0' : 'fallback_count = 0');
  if (query.minCostUsd !== undefined) add('uncosted_count = 0 AND cost_sum >= ?', query.minCostUsd);
  if (query.maxCostUsd !== undefined) add('uncosted_count = 0 AND cost_sum <= ?', query.maxCostUsd);
  if (query.minTokens !== undefined) add('total_tokens >= ?', query.minTokens);
  if (query.maxTokens !== undefined) add('total_tokens <= ?', query.maxTokens);
  const fts = query.q === undefined ? null : toFtsQuery(query.q);
  if (fts !== null) add(SEARCH_CLAUSES[plan], fts);
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  return { sql: `SELECT * FROM traces ${clause} ORDER BY start_us DESC, trace_id DESC LIMIT ?`, params: [...params, limit] };
}
