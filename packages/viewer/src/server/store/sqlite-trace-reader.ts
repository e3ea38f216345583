import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { AttributeSlice, Facets, SpanBatch, SpanSearchResult, TraceDetail, TraceListQuery, TraceListResponse, TraceSkeleton, TraceSummary } from '../../shared/api-types.js';
import { setAttribute, toAttributeRecord, toAttributeValue } from '../otlp/any-value.js';
import type { NormalizedResource, NormalizedScope, TaggedValue } from '../otlp/normalized-types.js';
import { InvalidCursorError } from './invalid-cursor-error.js';
import { MAX_SPAN_BATCH } from './span-store.js';
import type { InternTable } from './sqlite-intern.js';
import { matchesLog, matchesSpan, toSearchFilter, type SearchedSpanRecord } from './span-search.js';
import { toLogRecordEntry, toOtlpJsonResource, toOtlpJsonScope, toOtlpJsonSpan, toSpanRecord, readStoredSpanData, type SpanRow, type StoredLogData } from './stored-span.js';
import {
  COUNT_SEARCH_MATCHES_SQL,
  DEFAULT_PAGE_SIZE,
  LIST_FIRST_MIN_MATCHES,
  MAX_PAGE_SIZE,
  parseCursorString,
  toCursorString,
  toFtsQuery,
  toTraceListSql,
  toTraceSearchPlan,
  type TraceSearchPlan,
} from './trace-list-sql.js';
import { toTraceSkeleton, type SkeletonRow } from './trace-skeleton.js';
import { toTraceSummary, type TraceRow } from './trace-summary-row.js';

type FullSpanRow = SpanRow & { resource_id: number; scope_id: number };
type LogRow = { trace_id: string; span_id: string | null; resource_id: number; scope_id: number; data: string };


const HOP_INDEX_KEY = '"hopscope.hop.index"';

// The trace's rows are found through the (trace_id, span_id) index and then read in rowid order,
// which reads the table pages roughly in sequence instead of in span-id (random) order.
const SKELETON_SQL = `SELECT span_id, parent_span_id, name, kind, status_code, start_us, end_us,
  CASE WHEN instr(data, '${HOP_INDEX_KEY}') > 0 THEN json_extract(data, '$.attributes.${HOP_INDEX_KEY}') END,
  CASE WHEN instr(data, '${HOP_INDEX_KEY}') > 0 THEN json_extract(data, '$.attributes."hopscope.hop.outcome"') END
  FROM spans WHERE id IN (SELECT id FROM spans WHERE trace_id = ?) ORDER BY start_us, id`;

/** The read side of SqliteSpanStore: list pages, trace details, slices, facets. */
export class SqliteTraceReader {
  private readonly db: DatabaseSync;
  private readonly resources: InternTable<NormalizedResource>;
  private readonly scopes: InternTable<NormalizedScope>;
  private readonly listStatements = new Map<string, StatementSync>();
  private readonly selectTrace: StatementSync;
  private readonly selectSpans: StatementSync;
  private readonly selectLogs: StatementSync;
  private readonly selectBigValue: StatementSync;
  private readonly selectBigValues: StatementSync;
  private readonly selectSpanBigValues: StatementSync;
  private readonly selectSpan: StatementSync;
  private readonly selectSkeleton: StatementSync;
  private readonly selectSpansByIds: StatementSync;
  private readonly selectLogsBySpanIds: StatementSync;
  private readonly searchStatements = new Map<string, StatementSync>();
  private readonly countSearchMatches: StatementSync;
  private readonly selectListedFacet: StatementSync;

  constructor(db: DatabaseSync, resources: InternTable<NormalizedResource>, scopes: InternTable<NormalizedScope>) {
    this.db = db;
    this.resources = resources;
    this.scopes = scopes;
    this.selectTrace = db.prepare('SELECT * FROM traces WHERE trace_id = ?');
    this.selectSpans = db.prepare('SELECT trace_id, span_id, parent_span_id, name, kind, status_code, resource_id, scope_id, data FROM spans WHERE trace_id = ? ORDER BY start_us, id');
    this.selectLogs = db.prepare('SELECT trace_id, span_id, resource_id, scope_id, data FROM logs WHERE trace_id = ? ORDER BY time_us, id');
    this.selectBigValue = db.prepare('SELECT value FROM big_values WHERE trace_id = ? AND span_id = ? AND key = ?');
    this.selectBigValues = db.prepare('SELECT span_id, key, value FROM big_values WHERE trace_id = ?');
    this.selectSpanBigValues = db.prepare('SELECT key, value FROM big_values WHERE trace_id = ? AND span_id = ?');
    this.selectSpan = db.prepare('SELECT data FROM spans WHERE trace_id = ? AND span_id = ?');
    this.selectSkeleton = db.prepare(SKELETON_SQL);
    this.countSearchMatches = db.prepare(COUNT_SEARCH_MATCHES_SQL);
    this.selectListedFacet = db.prepare('SELECT 1 FROM facets WHERE kind = ? AND value = ? AND trace_count > 0');
    this.selectSkeleton.setReturnArrays(true);
    this.selectSpansByIds = db.prepare(`SELECT trace_id, span_id, parent_span_id, name, kind, status_code, resource_id, scope_id, data FROM spans
      WHERE trace_id = ? AND span_id IN (SELECT value FROM json_each(?)) ORDER BY start_us, id`);
    this.selectLogsBySpanIds = db.prepare(`SELECT trace_id, span_id, resource_id, scope_id, data FROM logs
      WHERE trace_id = ? AND span_id IN (SELECT value FROM json_each(?)) ORDER BY time_us, id`);
  }

  /** One page of summaries, newest first. Throws InvalidCursorError for a cursor that is not ours. */
  listTraces(query: TraceListQuery): TraceListResponse {
    const limit = Math.min(Math.max(1, Math.floor(query.limit ?? DEFAULT_PAGE_SIZE)), MAX_PAGE_SIZE);
    const cursor = query.cursor === undefined || query.cursor === '' ? null : parseCursorString(query.cursor);
    if (query.cursor && cursor === null) throw new InvalidCursorError();
    if (!this.hasListedValues(query)) return { traces: [], nextCursor: null };
    const { sql, params } = toTraceListSql(query, cursor, limit + 1, this.toSearchPlan(query.q));
    let statement = this.listStatements.get(sql);
    if (!statement) this.listStatements.set(sql, (statement = this.db.prepare(sql)));
    const rows = statement.all(...params) as unknown as (TraceRow & { start_us: number })[];
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      traces: page.map(toTraceSummary),
      nextCursor: rows.length > limit && last ? toCursorString({ startUs: last.start_us, traceId: last.trace_id }) : null,
    };
  }

  /**
   * False when a model, provider or operation filter names a value no stored trace lists: its
   * facets row counts those traces (and goes when the count reaches 0), so the answer is an
   * empty page without reading every trace row (82 ms p50 at 1M spans before).
   */
  private hasListedValues(query: TraceListQuery): boolean {
    for (const kind of ['model', 'provider', 'operation'] as const) {
      const value = query[kind];
      if (value !== undefined && this.selectListedFacet.get(kind, value) === undefined) return false;
    }
    return true;
  }

  /**
   * The plan for a full-text filter, from its matches counted up to the cap: whole words first
   * (their doclists stream, so a common word costs the cap, not its doclist), then the prefix
   * query itself (which FTS5 merges whole) only when the words alone stay under the cap.
   */
  private toSearchPlan(q: string | undefined): TraceSearchPlan {
    const count = (fts: string | null): number => (fts === null ? 0 : (this.countSearchMatches.get(fts, LIST_FIRST_MIN_MATCHES) as { matches: number }).matches);
    if (q === undefined) return 'matches-first';
    const words = count(toFtsQuery(q, { prefix: false }));
    return toTraceSearchPlan(words >= LIST_FIRST_MIN_MATCHES ? words : count(toFtsQuery(q)));
  }

  /**
   * The summaries of the stored traces among `traceIds`. A row that cannot be read is left out
   * (and logged), so one bad row cannot take the others of a live update with it.
   */
  getSummaries(traceIds: readonly string[]): TraceSummary[] {
    return traceIds.flatMap((traceId) => {
      try {
        const row = this.selectTrace.get(traceId) as TraceRow | undefined;
        return row ? [toTraceSummary(row)] : [];
      } catch (error) {
        console.error(`[hopscope] the summary of trace ${traceId} could not be read:`, error);
        return [];
      }
    });
  }

  getTrace(traceId: string): TraceDetail | null {
    const row = this.selectTrace.get(traceId) as TraceRow | undefined;
    if (!row) return null;
    const spans = (this.selectSpans.all(traceId) as unknown as FullSpanRow[]).map((span) =>
      toSpanRecord(span, this.resources.valueOf(span.resource_id), this.scopes.valueOf(span.scope_id)));
    const logs = (this.selectLogs.all(traceId) as unknown as LogRow[]).map((log) =>
      toLogRecordEntry(log, this.resources.valueOf(log.resource_id), this.scopes.valueOf(log.scope_id)));
    return { summary: toTraceSummary(row), spans, logs };
  }

  /** The waterfall's columns of a trace (see TraceSkeleton), or null when the trace is not stored. */
  getTraceSkeleton(traceId: string): TraceSkeleton | null {
    const row = this.selectTrace.get(traceId) as TraceRow | undefined;
    if (!row) return null;
    return toTraceSkeleton(toTraceSummary(row), this.selectSkeleton.all(traceId) as unknown as SkeletonRow[]);
  }

  /** Full records of the given spans of a trace (at most MAX_SPAN_BATCH; unknown ids left out) and their logs. */
  getSpans(traceId: string, spanIds: readonly string[]): SpanBatch {
    if (spanIds.length > MAX_SPAN_BATCH) throw new RangeError(`at most ${MAX_SPAN_BATCH} span ids per request`);
    const ids = JSON.stringify(spanIds);
    const spans = (this.selectSpansByIds.all(traceId, ids) as unknown as FullSpanRow[]).map((span) =>
      toSpanRecord(span, this.resources.valueOf(span.resource_id), this.scopes.valueOf(span.scope_id)));
    const logs = (this.selectLogsBySpanIds.all(traceId, ids) as unknown as LogRow[]).map((log) =>
      toLogRecordEntry(log, this.resources.valueOf(log.resource_id), this.scopes.valueOf(log.scope_id)));
    return { spans, logs };
  }

  /**
   * Spans of a trace whose name, id, attribute key or value, event, or joined log record
   * contains `query` (case-insensitive; values read as the list search reads them, JSON escapes
   * decoded; see matchesSpan), in start-time order; null when the trace is not stored. SQL
   * narrows the candidates, then each candidate is checked exactly, big values whole.
   */
  searchSpans(traceId: string, query: string): SpanSearchResult | null {
    if (!this.selectTrace.get(traceId)) return null;
    const needle = query.trim().toLowerCase();
    if (needle === '') return { query, spanIds: [] };
    const fromLogs = new Set<string>();
    const logFilter = toSearchFilter(needle, ['data']);
    const logSql = `SELECT span_id, data FROM logs WHERE trace_id = ?${logFilter.params.length + 1} AND span_id IS NOT NULL AND ${logFilter.sql}`;
    for (const row of this.searchStatement(logSql).all(...logFilter.params, traceId) as { span_id: string; data: string }[]) {
      if (fromLogs.has(row.span_id)) continue;
      const log = JSON.parse(row.data) as StoredLogData;
      if (matchesLog(needle, { eventName: log.eventName, body: toAttributeValue(log.body), attributes: toAttributeRecord(log.attributes) })) fromLogs.add(row.span_id);
    }
    const filter = toSearchFilter(needle, ['name', 'span_id', 'data']);
    const at = filter.params.length;
    const sql = `SELECT span_id, name, data FROM spans WHERE trace_id = ?${at + 1} AND (${filter.sql} OR span_id IN (SELECT value FROM json_each(?${at + 2}))) ORDER BY start_us, id`;
    const spanIds: string[] = [];
    for (const row of this.searchStatement(sql).all(...filter.params, traceId, JSON.stringify([...fromLogs])) as { span_id: string; name: string; data: string }[]) {
      const record = (): SearchedSpanRecord => {
        const data = readStoredSpanData(row.data);
        const attributes = toAttributeRecord(data.attributes);
        if (data.truncated) for (const { key, value } of this.selectSpanBigValues.all(traceId, row.span_id) as { key: string; value: string }[]) setAttribute(attributes, key, value);
        return { attributes, events: data.events.map((event) => ({ name: event.name, attributes: toAttributeRecord(event.attributes) })) };
      };
      if (fromLogs.has(row.span_id) || matchesSpan({ needle, name: row.name, spanId: row.span_id, record })) spanIds.push(row.span_id);
    }
    return { query, spanIds };
  }

  private searchStatement(sql: string): StatementSync {
    let statement = this.searchStatements.get(sql);
    if (!statement) this.searchStatements.set(sql, (statement = this.db.prepare(sql)));
    return statement;
  }

  /** The trace as an OTLP/JSON ExportTraceServiceRequest, one resource/scope entry per distinct pair. */
  exportTrace(traceId: string): Record<string, unknown> | null {
    const rows = this.selectSpans.all(traceId) as unknown as FullSpanRow[];
    if (rows.length === 0) return null;
    const big = new Map<string, Map<string, string>>();
    for (const entry of this.selectBigValues.all(traceId) as { span_id: string; key: string; value: string }[]) {
      const perSpan = big.get(entry.span_id) ?? new Map<string, string>();
      big.set(entry.span_id, perSpan.set(entry.key, entry.value));
    }
    const groups = new Map<string, { resourceId: number; scopeId: number; spans: Record<string, unknown>[] }>();
    for (const row of rows) {
      const key = `${row.resource_id}/${row.scope_id}`;
      const group = groups.get(key) ?? { resourceId: row.resource_id, scopeId: row.scope_id, spans: [] };
      groups.set(key, group);
      group.spans.push(toOtlpJsonSpan(row, big.get(row.span_id) ?? new Map()));
    }
    const resourceSpans = [...groups.values()].map((group) => {
      const resource = this.resources.valueOf(group.resourceId);
      const scope = this.scopes.valueOf(group.scopeId);
      return {
        resource: toOtlpJsonResource(resource),
        schemaUrl: resource.schemaUrl,
        scopeSpans: [{ scope: toOtlpJsonScope(scope), schemaUrl: scope.schemaUrl, spans: group.spans }],
      };
    });
    return { resourceSpans };
  }

  getAttributeSlice(traceId: string, spanId: string, key: string, offset: number, length: number): AttributeSlice | null {
    const big = this.selectBigValue.get(traceId, spanId, key) as { value: string } | undefined;
    let text: string | undefined = big?.value;
    if (text === undefined) {
      const span = this.selectSpan.get(traceId, spanId) as { data: string } | undefined;
      if (!span) return null;
      const { attributes } = readStoredSpanData(span.data);
      // Own keys only: `toString` or `__proto__` on a span without them is no attribute.
      if (!Object.hasOwn(attributes, key)) return null;
      const value = attributes[key] as TaggedValue;
      text = typeof value === 'string' ? value : JSON.stringify(toAttributeValue(value));
    }
    const start = Math.min(offset, text.length);
    return { key, offset: start, totalChars: text.length, text: text.slice(start, start + length) };
  }

  getFacets(): Facets {
    const facets: Record<string, string[]> = { service: [], model: [], provider: [], operation: [] };
    for (const row of this.db.prepare('SELECT kind, value FROM facets ORDER BY kind, value').all() as { kind: string; value: string }[]) facets[row.kind]?.push(row.value);
    return { services: facets.service ?? [], models: facets.model ?? [], providers: facets.provider ?? [], operations: facets.operation ?? [] };
  }
}
