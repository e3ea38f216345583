import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { NormalizedResource, NormalizedScope, NormalizedSpan } from '../otlp/normalized-types.js';
import { toMicros } from '../otlp/wire-read.js';
import { computeSpanFacts } from './span-facts.js';
import { toStoredSpanData } from './stored-span.js';
import { computeSpanIntoDelta, computeUsageIntoDelta, toEmptyTraceDelta, type TraceDelta } from './trace-delta.js';
import type { InternTable } from './sqlite-intern.js';

/** Row overhead counted per span beside its JSON, for the byte cap. */
const ROW_OVERHEAD_BYTES = 160;

interface FlagRow {
  parent_span_id: string | null;
  usage_below: number;
  has_usage: number;
  input_tokens: number;
  output_tokens: number;
  cache_read_tokens: number;
  cache_write_tokens: number;
  reasoning_tokens: number;
  cost: number | null;
}

/**
 * Writes a batch of spans and updates the summary of every trace it touches. Runs inside the
 * caller's transaction. Usage is counted only on spans with no usage below them: each span row
 * keeps `usage_below`, set when a descendant with usage is (or already was) stored, and a span
 * that gains it has its usage taken back out of the trace totals.
 */
export class SqliteSpanIngest {
  private readonly insertSpan: StatementSync;
  private readonly insertBigValue: StatementSync;
  private readonly selectUsageCount: StatementSync;
  private readonly selectUsageChild: StatementSync;
  private readonly selectFlags: StatementSync;
  private readonly markUsageBelow: StatementSync;
  private readonly upsertTrace: StatementSync;
  private readonly insertTraceValue: StatementSync;
  private readonly selectTraceValues: StatementSync;
  private readonly updateTraceValues: StatementSync;
  private readonly insertFacet: StatementSync;
  private readonly insertSearchDoc: StatementSync;
  private readonly insertSearch: StatementSync;
  private readonly knownFacets = new Set<string>();
  private readonly resources: InternTable<NormalizedResource>;
  private readonly scopes: InternTable<NormalizedScope>;

  constructor(db: DatabaseSync, resources: InternTable<NormalizedResource>, scopes: InternTable<NormalizedScope>) {
    this.resources = resources;
    this.scopes = scopes;
    this.insertSpan = db.prepare(`INSERT OR IGNORE INTO spans (trace_id, span_id, parent_span_id, name, kind, start_us, end_us, status_code, resource_id, scope_id,
      has_usage, input_tokens, output_tokens, cache_read_tokens, cache_write_tokens, reasoning_tokens, cost, bytes, data)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.insertBigValue = db.prepare('INSERT OR REPLACE INTO big_values (trace_id, span_id, key, value) VALUES (?, ?, ?, ?)');
    this.selectUsageCount = db.prepare('SELECT usage_span_count FROM traces WHERE trace_id = ?');
    this.selectUsageChild = db.prepare('SELECT 1 AS found FROM spans WHERE trace_id = ? AND parent_span_id = ? AND (has_usage = 1 OR usage_below = 1) LIMIT 1');
    this.selectFlags = db.prepare(`SELECT parent_span_id, usage_below, has_usage, input_tokens, output_tokens, cache_read_tokens, cache_write_tokens, reasoning_tokens, cost
      FROM spans WHERE trace_id = ? AND span_id = ?`);
    this.markUsageBelow = db.prepare('UPDATE spans SET usage_below = 1 WHERE trace_id = ? AND span_id = ?');
    this.upsertTrace = db.prepare(`INSERT INTO traces (trace_id, seq, root_span_id, root_name, root_status, status, service, start_us, end_us, start_ns, end_ns,
        span_count, error_count, fallback_count, failed_hop_count, usage_span_count, input_tokens, output_tokens, cache_read_tokens, cache_write_tokens,
        reasoning_tokens, total_tokens, cost_sum, uncosted_count, bytes)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (trace_id) DO UPDATE SET
        seq = excluded.seq,
        root_span_id = COALESCE(excluded.root_span_id, root_span_id),
        root_name = COALESCE(excluded.root_name, root_name),
        root_status = COALESCE(excluded.root_status, root_status),
        status = CASE WHEN COALESCE(excluded.root_status, root_status) IS NOT NULL THEN COALESCE(excluded.root_status, root_status)
                      WHEN error_count + excluded.error_count > 0 THEN 2 ELSE 0 END,
        service = CASE WHEN excluded.root_span_id IS NOT NULL OR service = '' THEN excluded.service ELSE service END,
        start_ns = CASE WHEN excluded.start_us < start_us THEN excluded.start_ns ELSE start_ns END,
        start_us = MIN(start_us, excluded.start_us),
        end_ns = CASE WHEN excluded.end_us > end_us THEN excluded.end_ns ELSE end_ns END,
        end_us = MAX(end_us, excluded.end_us),
        span_count = span_count + excluded.span_count,
        error_count = error_count + excluded.error_count,
        fallback_count = fallback_count + excluded.fallback_count,
        failed_hop_count = failed_hop_count + excluded.failed_hop_count,
        usage_span_count = usage_span_count + excluded.usage_span_count,
        input_tokens = input_tokens + excluded.input_tokens,
        output_tokens = output_tokens + excluded.output_tokens,
        cache_read_tokens = cache_read_tokens + excluded.cache_read_tokens,
        cache_write_tokens = cache_write_tokens + excluded.cache_write_tokens,
        reasoning_tokens = reasoning_tokens + excluded.reasoning_tokens,
        total_tokens = total_tokens + excluded.total_tokens,
        cost_sum = cost_sum + excluded.cost_sum,
        uncosted_count = uncosted_count + excluded.uncosted_count,
        bytes = bytes + excluded.bytes`);
    this.insertTraceValue = db.prepare('INSERT OR IGNORE INTO trace_values (kind, value, trace_id) VALUES (?, ?, ?)');
    this.selectTraceValues = db.prepare('SELECT kind, value FROM trace_values WHERE trace_id = ? ORDER BY kind, value');
    this.updateTraceValues = db.prepare('UPDATE traces SET models = ?, providers = ?, operations = ? WHERE trace_id = ?');
    this.insertFacet = db.prepare('INSERT OR IGNORE INTO facets (kind, value) VALUES (?, ?)');
    this.insertSearchDoc = db.prepare('INSERT INTO search_docs (trace_id) VALUES (?)');
    this.insertSearch = db.prepare('INSERT INTO search (rowid, content) VALUES (?, ?)');
  }

  /** Stores `spans` (duplicates ignored) and returns the per-trace deltas applied. */
  ingest(spans: readonly NormalizedSpan[], seq: number): { deltas: TraceDelta[]; duplicates: number } {
    const deltas = new Map<string, TraceDelta>();
    let duplicates = 0;
    for (const span of spans) {
      const facts = computeSpanFacts(span);
      const { data, bigValues } = toStoredSpanData(span);
      const json = JSON.stringify(data);
      const bytes = json.length + ROW_OVERHEAD_BYTES + bigValues.reduce((sum, [, value]) => sum + value.length, 0);
      const startUs = toMicros(span.startTimeUnixNano);
      const endUs = toMicros(span.endTimeUnixNano);
      const usage = facts.usage;
      const result = this.insertSpan.run(span.traceId, span.spanId, span.parentSpanId, span.name, span.kind, startUs, endUs, span.statusCode,
        this.resources.idOf(span.resource), this.scopes.idOf(span.scope), usage ? 1 : 0, usage?.inputTokens ?? 0, usage?.outputTokens ?? 0,
        usage?.cacheReadTokens ?? 0, usage?.cacheWriteTokens ?? 0, usage?.reasoningTokens ?? 0, facts.costUsd, bytes, json);
      if (result.changes === 0) {
        duplicates += 1;
        continue;
      }
      for (const [key, value] of bigValues) this.insertBigValue.run(span.traceId, span.spanId, key, value);
      let delta = deltas.get(span.traceId);
      if (!delta) deltas.set(span.traceId, (delta = toEmptyTraceDelta(span.traceId)));
      computeSpanIntoDelta(delta, { ...span, startUs, endUs, startNs: span.startTimeUnixNano, endNs: span.endTimeUnixNano, bytes }, facts);
    }
    for (const delta of deltas.values()) this.applyDelta(delta, seq);
    return { deltas: [...deltas.values()], duplicates };
  }

  private applyDelta(delta: TraceDelta, seq: number): void {
    const stored = this.selectUsageCount.get(delta.traceId) as { usage_span_count: number } | undefined;
    if ((stored?.usage_span_count ?? 0) + delta.usageSpanCount > 0) this.countUsage(delta);
    const status = delta.rootStatus ?? (delta.errorCount > 0 ? 2 : 0);
    const totalTokens = delta.usage.inputTokens + delta.usage.outputTokens;
    this.upsertTrace.run(delta.traceId, seq, delta.rootSpanId, delta.rootName, delta.rootStatus, status, delta.service, delta.startUs, delta.endUs,
      delta.startNs, delta.endNs, delta.spanCount, delta.errorCount, delta.fallbackCount, delta.failedHopCount, delta.usageSpanCount,
      delta.usage.inputTokens, delta.usage.outputTokens, delta.usage.cacheReadTokens, delta.usage.cacheWriteTokens, delta.usage.reasoningTokens,
      totalTokens, delta.costSum, delta.uncostedCount, delta.bytes);
    this.storeValues(delta);
    if (delta.searchText.length > 0) {
      const rowid = this.insertSearchDoc.run(delta.traceId).lastInsertRowid;
      this.insertSearch.run(rowid, [...new Set(delta.searchText)].join('\n'));
    }
  }

  /** Marks usage_below up the tree and counts the usage of new spans that stay leaves of usage. */
  private countUsage(delta: TraceDelta): void {
    const newIds = new Set(delta.newSpans.map((span) => span.spanId));
    const marked = new Set<string>();
    const markFrom = (start: string | null): void => {
      for (let spanId = start; spanId !== null; ) {
        const row = this.selectFlags.get(delta.traceId, spanId) as FlagRow | undefined;
        if (!row || row.usage_below === 1) return;
        this.markUsageBelow.run(delta.traceId, spanId);
        marked.add(spanId);
        if (row.has_usage === 1 && !newIds.has(spanId)) {
          const usage = { inputTokens: row.input_tokens, outputTokens: row.output_tokens, cacheReadTokens: row.cache_read_tokens, cacheWriteTokens: row.cache_write_tokens, reasoningTokens: row.reasoning_tokens };
          computeUsageIntoDelta(delta, usage, row.cost, -1);
        }
        spanId = row.parent_span_id;
      }
    };
    for (const span of delta.newSpans) {
      if (this.selectUsageChild.get(delta.traceId, span.spanId)) markFrom(span.spanId);
      if (span.usage) markFrom(span.parentSpanId);
    }
    for (const span of delta.newSpans) if (span.usage && !marked.has(span.spanId)) computeUsageIntoDelta(delta, span.usage, span.costUsd, 1);
  }

  private storeValues(delta: TraceDelta): void {
    let changed = false;
    for (const entry of delta.values) {
      const [kind, value] = entry.split('\u0000') as [string, string];
      if (this.insertTraceValue.run(kind, value, delta.traceId).changes > 0) changed = true;
      if (!this.knownFacets.has(entry)) {
        this.insertFacet.run(kind, value);
        this.knownFacets.add(entry);
      }
    }
    if (!changed) return;
    const lists: Record<string, string[]> = { model: [], provider: [], operation: [] };
    for (const row of this.selectTraceValues.all(delta.traceId) as { kind: string; value: string }[]) lists[row.kind]?.push(row.value);
    this.updateTraceValues.run(JSON.stringify(lists.model), JSON.stringify(lists.provider), JSON.stringify(lists.operation), delta.traceId);
  }

  /** Forgets facet values cached as stored (after a rollback or an eviction). */
  reset(): void {
    this.knownFacets.clear();
  }
}
