import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { NormalizedResource, NormalizedScope, NormalizedSpan } from '../otlp/normalized-types.js';
import { toNanosLessSql } from '../otlp/wire-read.js';
import { toPreparedSpan, type PreparedSpan, type PreparedSpanBatch } from './prepared-span.js';
import type { InternTable } from './sqlite-intern.js';
import { SqliteMultiInsert, type SqlValue } from './sqlite-multi-insert.js';
import { computeUsageBelow, SqliteUsageMarks } from './sqlite-usage-marks.js';
import { toStoredCount } from './span-facts.js';
import { computeSpanIntoDelta, computeUsageIntoDelta, toEmptyTraceDelta, toTraceStatus, type TraceDelta, type TraceValueKind } from './trace-delta.js';

/** The summary columns read back for traces that already have spans stored. */
interface StoredTraceRow {
  trace_id: string;
  usage_span_count: number;
  models: string;
  providers: string;
  operations: string;
}

type ValueLists = Record<Exclude<TraceValueKind, 'service'>, string[]>;
const LISTED_KINDS = ['model', 'provider', 'operation'] as const;
/** Per listed kind, how many traces of the batch a value is new to. */
type FacetCounts = Record<Exclude<TraceValueKind, 'service'>, Map<string, number>>;

const SPAN_COLUMNS = `trace_id, span_id, parent_span_id, name, kind, start_us, end_us, status_code, resource_id, scope_id,
  has_usage, usage_below, input_tokens, output_tokens, cache_read_tokens, cache_write_tokens, reasoning_tokens, cost, bytes, data`;
const SPAN_COLUMN_COUNT = 20;

const TRACE_COLUMNS = `trace_id, seq, root_span_id, root_name, root_status, status, service, start_us, end_us, start_ns, end_ns,
  span_count, error_count, unrecovered_error_count, fallback_count, failed_hop_count, skipped_hop_count, usage_span_count, input_tokens, output_tokens, cache_read_tokens,
  cache_write_tokens, reasoning_tokens, total_tokens, cost_sum, uncosted_count, models, providers, operations, bytes`;
const TRACE_COLUMN_COUNT = 30;

/** The SQL of a sum kept in the range toStoredCount keeps counts in. */
const toClampedSql = (sum: string): string => `MAX(MIN(${sum}, ${Number.MAX_SAFE_INTEGER}), ${-Number.MAX_SAFE_INTEGER})`;
const TRACE_UPSERT_TAIL = `ON CONFLICT (trace_id) DO UPDATE SET
  seq = excluded.seq,
  root_span_id = COALESCE(excluded.root_span_id, root_span_id),
  root_name = COALESCE(excluded.root_name, root_name),
  root_status = COALESCE(excluded.root_status, root_status),
  status = CASE WHEN COALESCE(excluded.root_status, root_status) IN (1, 2) THEN COALESCE(excluded.root_status, root_status)
                WHEN unrecovered_error_count + excluded.unrecovered_error_count > 0 THEN 2 ELSE 0 END,
  service = CASE WHEN excluded.root_span_id IS NOT NULL OR service = '' THEN excluded.service ELSE service END,
  start_ns = CASE WHEN excluded.start_us < start_us OR (excluded.start_us = start_us AND ${toNanosLessSql('excluded.start_ns', 'start_ns')}) THEN excluded.start_ns ELSE start_ns END,
  start_us = MIN(start_us, excluded.start_us),
  end_ns = CASE WHEN excluded.end_us > end_us OR (excluded.end_us = end_us AND ${toNanosLessSql('end_ns', 'excluded.end_ns')}) THEN excluded.end_ns ELSE end_ns END,
  end_us = MAX(end_us, excluded.end_us),
  span_count = span_count + excluded.span_count,
  error_count = error_count + excluded.error_count,
  unrecovered_error_count = unrecovered_error_count + excluded.unrecovered_error_count,
  fallback_count = fallback_count + excluded.fallback_count,
  failed_hop_count = failed_hop_count + excluded.failed_hop_count,
  skipped_hop_count = skipped_hop_count + excluded.skipped_hop_count,
  usage_span_count = usage_span_count + excluded.usage_span_count,
  input_tokens = ${toClampedSql('input_tokens + excluded.input_tokens')},
  output_tokens = ${toClampedSql('output_tokens + excluded.output_tokens')},
  cache_read_tokens = ${toClampedSql('cache_read_tokens + excluded.cache_read_tokens')},
  cache_write_tokens = ${toClampedSql('cache_write_tokens + excluded.cache_write_tokens')},
  reasoning_tokens = ${toClampedSql('reasoning_tokens + excluded.reasoning_tokens')},
  total_tokens = ${toClampedSql('total_tokens + excluded.total_tokens')},
  cost_sum = cost_sum + excluded.cost_sum,
  uncosted_count = uncosted_count + excluded.uncosted_count,
  models = excluded.models,
  providers = excluded.providers,
  operations = excluded.operations,
  bytes = bytes + excluded.bytes`;

const SURROGATE_OR_ABOVE = /[\ud800-\uffff]/;

/**
 * SQLite's BINARY order (UTF-8 bytes), so the lists read as they did when built by ORDER BY
 * value. UTF-16 code-unit order is the same below U+D800, which covers nearly every model name.
 */
const compareUtf8 = (left: string, right: string): number =>
  SURROGATE_OR_ABOVE.test(left) || SURROGATE_OR_ABOVE.test(right) ? Buffer.compare(Buffer.from(left), Buffer.from(right)) : left < right ? -1 : left > right ? 1 : 0;

function pushSpanRow(values: SqlValue[], prepared: PreparedSpan, resourceId: number, scopeId: number, usageBelow: 0 | 1): void {
  const { facts } = prepared;
  const usage = facts.usage;
  values.push(prepared.traceId, prepared.spanId, prepared.parentSpanId, prepared.name, prepared.kind, prepared.startUs, prepared.endUs, prepared.statusCode,
    resourceId, scopeId, usage ? 1 : 0, usageBelow, usage?.inputTokens ?? 0, usage?.outputTokens ?? 0,
    usage?.cacheReadTokens ?? 0, usage?.cacheWriteTokens ?? 0, usage?.reasoningTokens ?? 0, facts.costUsd, prepared.bytes, prepared.json);
}

/**
 * The values of a span's row in `spans`, in column order, exactly as ingest writes them (the
 * ingest benchmark's baseline inserts these).
 *
 * @example
 * insert.run(...toSpanRowValues(span, resourceId, scopeId, 0));
 */
export function toSpanRowValues(span: NormalizedSpan, resourceId: number, scopeId: number, usageBelow: 0 | 1): SqlValue[] {
  const values: SqlValue[] = [];
  pushSpanRow(values, toPreparedSpan(span, 0, 0), resourceId, scopeId, usageBelow);
  return values;
}

/**
 * Writes a batch of spans and updates the summary of every trace it touches, each touched
 * trace once per batch. Runs inside the caller's transaction.
 *
 * Traces with nothing stored yet (the common case) take the fast path: their spans cannot be
 * duplicates of stored ones, so they go in as multi-row inserts with `usage_below` already
 * computed in memory. Spans of traces that already have rows are inserted one by one (to learn
 * which are duplicates) and their usage is counted by SqliteUsageMarks.
 */
export class SqliteSpanIngest {
  private readonly insertSpan: StatementSync;
  private readonly insertSpans: SqliteMultiInsert;
  private readonly insertBigValue: StatementSync;
  private readonly selectTraces: StatementSync;
  private readonly selectTracesWithSpans: StatementSync;
  private readonly upsertTraces: SqliteMultiInsert;
  private readonly insertTraceValues: SqliteMultiInsert;
  private readonly insertFacets: SqliteMultiInsert;
  private readonly countFacets: SqliteMultiInsert;
  private readonly selectLastSearchDoc: StatementSync;
  private readonly insertSearchDocs: SqliteMultiInsert;
  private readonly insertSearch: SqliteMultiInsert;
  private readonly usageMarks: SqliteUsageMarks;
  /** Services known to have their facets row. */
  private readonly knownServices = new Set<string>();
  private readonly resources: InternTable<NormalizedResource>;
  private readonly scopes: InternTable<NormalizedScope>;
  /** Row ids of the current batch's resources and scopes, by their index in the batch. */
  private resourceIds: number[] = [];
  private scopeIds: number[] = [];

  constructor(db: DatabaseSync, resources: InternTable<NormalizedResource>, scopes: InternTable<NormalizedScope>) {
    this.resources = resources;
    this.scopes = scopes;
    this.usageMarks = new SqliteUsageMarks(db);
    this.insertSpan = db.prepare(`INSERT OR IGNORE INTO spans (${SPAN_COLUMNS}) VALUES (${Array(SPAN_COLUMN_COUNT).fill('?').join(', ')})`);
    this.insertSpans = new SqliteMultiInsert(db, { head: `INSERT OR IGNORE INTO spans (${SPAN_COLUMNS}) VALUES`, columns: SPAN_COLUMN_COUNT, rowsPerStatement: 32 });
    this.insertBigValue = db.prepare('INSERT OR REPLACE INTO big_values (trace_id, span_id, key, value) VALUES (?, ?, ?, ?)');
    this.selectTraces = db.prepare('SELECT trace_id, usage_span_count, models, providers, operations FROM traces WHERE trace_id IN (SELECT value FROM json_each(?))');
    this.selectTracesWithSpans = db.prepare('SELECT value AS trace_id FROM json_each(?) WHERE EXISTS (SELECT 1 FROM spans WHERE trace_id = value)');
    this.upsertTraces = new SqliteMultiInsert(db, { head: `INSERT INTO traces (${TRACE_COLUMNS}) VALUES`, columns: TRACE_COLUMN_COUNT, tail: TRACE_UPSERT_TAIL, rowsPerStatement: 32 });
    this.insertTraceValues = new SqliteMultiInsert(db, { head: 'INSERT OR IGNORE INTO trace_values (kind, value, trace_id) VALUES', columns: 3, rowsPerStatement: 128 });
    this.insertFacets = new SqliteMultiInsert(db, { head: 'INSERT OR IGNORE INTO facets (kind, value) VALUES', columns: 2 });
    this.countFacets = new SqliteMultiInsert(db, {
      head: 'INSERT INTO facets (kind, value, trace_count) VALUES',
      columns: 3,
      tail: 'ON CONFLICT (kind, value) DO UPDATE SET trace_count = trace_count + excluded.trace_count',
    });
    this.selectLastSearchDoc = db.prepare('SELECT COALESCE(MAX(rowid), 0) AS last FROM search_docs');
    this.insertSearchDocs = new SqliteMultiInsert(db, { head: 'INSERT INTO search_docs (rowid, trace_id) VALUES', columns: 2, rowsPerStatement: 128 });
    this.insertSearch = new SqliteMultiInsert(db, { head: 'INSERT INTO search (rowid, content) VALUES', columns: 2, rowsPerStatement: 32 });
  }

  /** Stores the batch's spans (duplicates ignored) and returns the per-trace deltas applied. */
  ingest(batch: PreparedSpanBatch, seq: number): { deltas: TraceDelta[]; duplicates: number } {
    this.resourceIds = batch.resources.map((json) => this.resources.idOfJson(json));
    this.scopeIds = batch.scopes.map((json) => this.scopes.idOfJson(json));
    const byTrace = new Map<string, PreparedSpan[]>();
    for (const prepared of batch.spans) {
      const list = byTrace.get(prepared.traceId);
      if (list) list.push(prepared);
      else byTrace.set(prepared.traceId, [prepared]);
    }
    const stored = new Map<string, StoredTraceRow>();
    for (const row of this.selectTraces.all(JSON.stringify([...byTrace.keys()])) as unknown as StoredTraceRow[]) stored.set(row.trace_id, row);
    // Traces without a summary row usually have no spans stored either; those that do (the
    // database disagrees) take the row-by-row path with the traces already stored.
    const unlisted = [...byTrace.keys()].filter((traceId) => !stored.has(traceId));
    const withSpans = new Set(unlisted.length === 0 ? [] : (this.selectTracesWithSpans.all(JSON.stringify(unlisted)) as { trace_id: string }[]).map((row) => row.trace_id));
    const fresh: [string, PreparedSpan[]][] = [];
    for (const entry of byTrace) if (!stored.has(entry[0]) && !withSpans.has(entry[0])) fresh.push(entry);
    const { deltas, duplicates: freshDuplicates } = this.insertFreshTraces(fresh);
    let duplicates = freshDuplicates;
    for (const [traceId, list] of byTrace) {
      if (!stored.has(traceId) && !withSpans.has(traceId)) continue;
      const delta = toEmptyTraceDelta(traceId);
      for (const prepared of list) {
        if (this.insertRow(prepared, 0)) computeSpanIntoDelta(delta, prepared, prepared.facts);
        else duplicates += 1;
      }
      if (delta.spanCount === 0) continue;
      if ((stored.get(traceId)?.usage_span_count ?? 0) + delta.usageSpanCount > 0) this.usageMarks.count(delta);
      deltas.push(delta);
    }
    this.writeSummaries(deltas, stored, seq);
    return { deltas, duplicates };
  }

  /**
   * Inserts the spans of traces with nothing stored as multi-row inserts, `usage_below` and
   * usage counted in memory. No savepoint around them: inside one SQLite copies every page it
   * changes into a sub-journal first. The caller checked that none of these spans is stored.
   */
  private insertFreshTraces(fresh: readonly [string, PreparedSpan[]][]): { deltas: TraceDelta[]; duplicates: number } {
    const deltas: TraceDelta[] = [];
    const values: SqlValue[] = [];
    const withBigValues: PreparedSpan[] = [];
    let duplicates = 0;
    for (const [traceId, list] of fresh) {
      const seen = new Set<string>();
      const unique = list.filter((prepared) => (seen.has(prepared.spanId) ? false : seen.add(prepared.spanId)));
      duplicates += list.length - unique.length;
      const delta = toEmptyTraceDelta(traceId);
      for (const prepared of unique) computeSpanIntoDelta(delta, prepared, prepared.facts);
      const below = delta.usageSpanCount > 0 ? computeUsageBelow(delta.newSpans) : new Set<string>();
      for (const span of delta.newSpans) if (span.usage && !below.has(span.spanId)) computeUsageIntoDelta(delta, span.usage, span.costUsd, 1);
      for (const prepared of unique) {
        this.pushRow(values, prepared, below.has(prepared.spanId) ? 1 : 0);
        if (prepared.bigValues.length > 0) withBigValues.push(prepared);
      }
      deltas.push(delta);
    }
    if (values.length === 0) return { deltas, duplicates };
    const rows = values.length / SPAN_COLUMN_COUNT;
    const inserted = this.insertSpans.run(values);
    if (inserted !== rows) throw new Error(`SqliteSpanIngest: ${rows - inserted} span(s) of traces checked as new were already stored`);
    for (const prepared of withBigValues) this.insertBigValues(prepared);
    return { deltas, duplicates };
  }

  private pushRow(values: SqlValue[], prepared: PreparedSpan, usageBelow: 0 | 1): void {
    pushSpanRow(values, prepared, this.resourceIds[prepared.resource]!, this.scopeIds[prepared.scope]!, usageBelow);
  }

  /** Inserts one span row; false when it was already stored. */
  private insertRow(prepared: PreparedSpan, usageBelow: 0 | 1): boolean {
    const values: SqlValue[] = [];
    this.pushRow(values, prepared, usageBelow);
    if (this.insertSpan.run(...values).changes === 0) return false;
    this.insertBigValues(prepared);
    return true;
  }

  private insertBigValues(prepared: PreparedSpan): void {
    for (const [key, value] of prepared.bigValues) this.insertBigValue.run(prepared.traceId, prepared.spanId, key, value);
  }

  /** Upserts the trace rows, their service values, facets (and their trace counts) and search documents. */
  private writeSummaries(deltas: readonly TraceDelta[], stored: ReadonlyMap<string, StoredTraceRow>, seq: number): void {
    const traceRows: SqlValue[] = [];
    const traceValues: SqlValue[] = [];
    const facets: SqlValue[] = [];
    const facetCounts: FacetCounts = { model: new Map(), provider: new Map(), operation: new Map() };
    const searchDocs: SqlValue[] = [];
    const searchTexts: SqlValue[] = [];
    let searchRowid = -1;
    for (const delta of deltas) {
      const lists = this.mergeValues(delta, stored.get(delta.traceId), traceValues, facets, facetCounts);
      const status = toTraceStatus(delta.rootStatus, delta.unrecoveredErrorCount);
      const { usage } = delta;
      traceRows.push(delta.traceId, seq, delta.rootSpanId, delta.rootName, delta.rootStatus, status, delta.service, delta.startUs, delta.endUs,
        delta.startNs, delta.endNs, delta.spanCount, delta.errorCount, delta.unrecoveredErrorCount, delta.fallbackCount, delta.failedHopCount, delta.skippedHopCount, delta.usageSpanCount,
        toStoredCount(usage.inputTokens), toStoredCount(usage.outputTokens), toStoredCount(usage.cacheReadTokens), toStoredCount(usage.cacheWriteTokens),
        toStoredCount(usage.reasoningTokens), toStoredCount(usage.inputTokens + usage.outputTokens), delta.costSum, delta.uncostedCount, JSON.stringify(lists.model), JSON.stringify(lists.provider),
        JSON.stringify(lists.operation), delta.bytes);
      if (delta.searchText.length > 0) {
        if (searchRowid < 0) searchRowid = (this.selectLastSearchDoc.get() as { last: number }).last;
        searchRowid += 1;
        searchDocs.push(searchRowid, delta.traceId);
        searchTexts.push(searchRowid, [...new Set(delta.searchText)].join('\n'));
      }
    }
    this.upsertTraces.run(traceRows);
    this.insertTraceValues.run(traceValues);
    this.insertFacets.run(facets);
    const counts: SqlValue[] = [];
    for (const kind of LISTED_KINDS) for (const [value, count] of facetCounts[kind]) counts.push(kind, value, count);
    this.countFacets.run(counts);
    this.insertSearchDocs.run(searchDocs);
    this.insertSearch.run(searchTexts);
  }

  /**
   * The trace's model/provider/operation lists with the delta's values merged in; counts the
   * values new to the trace in `facetCounts`, and queues the trace_values and facets rows of
   * services that are new.
   */
  private mergeValues(delta: TraceDelta, stored: StoredTraceRow | undefined, traceValues: SqlValue[], facets: SqlValue[], facetCounts: FacetCounts): ValueLists {
    const lists: ValueLists = stored
      ? { model: JSON.parse(stored.models) as string[], provider: JSON.parse(stored.providers) as string[], operation: JSON.parse(stored.operations) as string[] }
      : { model: [], provider: [], operation: [] };
    for (const value of delta.values.service) {
      traceValues.push('service', value, delta.traceId);
      if (!this.knownServices.has(value)) {
        facets.push('service', value);
        this.knownServices.add(value);
      }
    }
    for (const kind of LISTED_KINDS) {
      const list = lists[kind];
      const counts = facetCounts[kind];
      for (const value of delta.values[kind]) {
        if (list.includes(value)) continue;
        list.push(value);
        counts.set(value, (counts.get(value) ?? 0) + 1);
      }
    }
    for (const list of [lists.model, lists.provider, lists.operation]) if (list.length > 1) list.sort(compareUtf8);
    return lists;
  }

  /** Forgets facet values cached as stored (after a rollback or an eviction). */
  reset(): void {
    this.knownServices.clear();
  }
}

