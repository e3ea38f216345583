import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { computeUsageIntoDelta, type TraceDelta } from './trace-delta.js';

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

/** What the usage bookkeeping needs of a span. */
export interface UsageSpan {
  readonly spanId: string;
  readonly parentSpanId: string | null;
  readonly usage: unknown;
}

/**
 * The spans with usage below them, for the spans of a trace that has nothing stored yet: every
 * ancestor (within `spans`) of a span with usage. Pure; no database involved.
 *
 * @example
 * computeUsageBelow([{ spanId: 'a', parentSpanId: null, usage: u }, { spanId: 'b', parentSpanId: 'a', usage: u }]); // Set {'a'}
 */
export function computeUsageBelow(spans: readonly UsageSpan[]): Set<string> {
  const parents = new Map<string, string | null>();
  for (const span of spans) parents.set(span.spanId, span.parentSpanId);
  const marked = new Set<string>();
  for (const span of spans) {
    if (span.usage === null) continue;
    for (let spanId = span.parentSpanId; spanId !== null && !marked.has(spanId); ) {
      const parent = parents.get(spanId);
      if (parent === undefined) break;
      marked.add(spanId);
      spanId = parent;
    }
  }
  return marked;
}

/**
 * Counts usage only on spans with no usage below them, for traces that already had spans
 * stored. Each span row keeps `usage_below`, set when a descendant with usage is (or already
 * was) stored; a stored span that gains it has its usage taken back out of the trace totals.
 * The batch's own spans (already inserted) are walked in memory; the database is asked only
 * about spans stored by earlier requests. Traces first seen in a batch need no queries at all:
 * see computeUsageBelow.
 *
 * @example
 * const marks = new SqliteUsageMarks(db);
 * marks.count(delta); // inside the ingest transaction, after the batch's spans are inserted
 */
export class SqliteUsageMarks {
  private readonly selectUsageChild: StatementSync;
  private readonly selectFlags: StatementSync;
  private readonly markUsageBelow: StatementSync;

  constructor(db: DatabaseSync) {
    this.selectUsageChild = db.prepare('SELECT 1 AS found FROM spans WHERE trace_id = ? AND parent_span_id = ? AND (has_usage = 1 OR usage_below = 1) LIMIT 1');
    this.selectFlags = db.prepare(`SELECT parent_span_id, usage_below, has_usage, input_tokens, output_tokens, cache_read_tokens, cache_write_tokens, reasoning_tokens, cost
      FROM spans WHERE trace_id = ? AND span_id = ?`);
    this.markUsageBelow = db.prepare('UPDATE spans SET usage_below = 1 WHERE trace_id = ? AND span_id = ?');
  }

  /** Marks usage_below up the tree and adds the usage of the delta's new spans that stay leaves of usage to `delta`. */
  count(delta: TraceDelta): void {
    const { traceId } = delta;
    const batch = new Map(delta.newSpans.map((span) => [span.spanId, span]));
    const marked = new Set<string>();
    const markFrom = (start: string | null): void => {
      for (let spanId = start; spanId !== null; ) {
        const local = batch.get(spanId);
        if (local) {
          if (marked.has(spanId)) return;
          marked.add(spanId);
          spanId = local.parentSpanId;
          continue;
        }
        const row = this.selectFlags.get(traceId, spanId) as FlagRow | undefined;
        if (!row || row.usage_below === 1) return;
        this.markUsageBelow.run(traceId, spanId);
        if (row.has_usage === 1) {
          const usage = { inputTokens: row.input_tokens, outputTokens: row.output_tokens, cacheReadTokens: row.cache_read_tokens, cacheWriteTokens: row.cache_write_tokens, reasoningTokens: row.reasoning_tokens };
          computeUsageIntoDelta(delta, usage, row.cost, -1);
        }
        spanId = row.parent_span_id;
      }
    };
    for (const span of delta.newSpans) {
      if (!marked.has(span.spanId) && this.selectUsageChild.get(traceId, span.spanId)) markFrom(span.spanId);
      if (span.usage) markFrom(span.parentSpanId);
    }
    for (const spanId of marked) this.markUsageBelow.run(traceId, spanId);
    for (const span of delta.newSpans) if (span.usage && !marked.has(span.spanId)) computeUsageIntoDelta(delta, span.usage, span.costUsd, 1);
  }
}
