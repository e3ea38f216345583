import type { AttributeSlice, Facets, SpanBatch, SpanSearchResult, TraceDetail, TraceListQuery, TraceListResponse, TraceSkeleton, TraceSummary } from '../../shared/api-types.js';
import type { NormalizedLog, NormalizedMetricPoint, NormalizedSpan } from '../otlp/normalized-types.js';
import type { PreparedSpanBatch } from './prepared-span.js';

/** At most this many span ids per `getSpans` call (and per `/api/traces/:id/spans?ids=` request). */
export const MAX_SPAN_BATCH = 256;

/** What one ingest call changed. */
export interface IngestResult {
  readonly accepted: number;
  /** Items already stored (client retries): not counted again. */
  readonly duplicates: number;
  /** Traces whose summary changed, for live updates. */
  readonly changedTraceIds: readonly string[];
}

/** Per service and metric name, what the receiver has seen. */
export interface MetricSummary {
  readonly serviceName: string;
  readonly name: string;
  readonly unit: string;
  readonly type: string;
  /** Distinct data points stored. */
  readonly dataPoints: number;
  /**
   * Sum of histogram sums (or of gauge/sum values), over every delta point and gauge point, and
   * over the latest point only of each cumulative series (a running total is not added to its
   * earlier values).
   */
  readonly valueSum: number;
  /** Sum of histogram counts (or number of gauge/sum points), counted as valueSum is. */
  readonly valueCount: number;
}

/** Size figures for /api/health. */
export interface StoreStats {
  readonly spans: number;
  readonly bytes: number;
  /** Why evicting old data failed, while it does (writes are then refused once over the cap). */
  readonly evictionError?: string;
}

/**
 * Where the viewer keeps spans, logs and metrics. Every write is durable when its promise
 * resolves (the receiver answers 200 only after that). SqliteSpanStore is the embedded engine;
 * a server-grade engine implements the same interface.
 *
 * @example
 * const store: SpanStore = await SqliteSpanStore.open({ path: '.hopscope' });
 * await store.ingestSpans(spans);
 */
export interface SpanStore {
  ingestSpans(spans: readonly NormalizedSpan[]): Promise<IngestResult>;
  /** Spans already prepared for their rows (toPreparedSpanBatch, e.g. on the ingest worker thread): the store only writes them. */
  ingestPreparedSpans(batch: PreparedSpanBatch): Promise<IngestResult>;
  ingestLogs(logs: readonly NormalizedLog[]): Promise<IngestResult>;
  /** Data points already stored (a retried export) count as duplicates and are not stored again. */
  ingestMetrics(points: readonly NormalizedMetricPoint[]): Promise<IngestResult>;
  /** One page of the list; rejects with InvalidCursorError for a cursor the store did not hand out. */
  listTraces(query: TraceListQuery): Promise<TraceListResponse>;
  getSummaries(traceIds: readonly string[]): Promise<TraceSummary[]>;
  getTrace(traceId: string): Promise<TraceDetail | null>;
  /** The waterfall's columns of a trace, without attributes, events or logs. */
  getTraceSkeleton(traceId: string): Promise<TraceSkeleton | null>;
  /** Full records of some spans of a trace and their logs; throws RangeError for too many ids. */
  getSpans(traceId: string, spanIds: readonly string[]): Promise<SpanBatch>;
  /** In-trace search over names, ids and attributes; null when the trace is not stored. */
  searchSpans(traceId: string, query: string): Promise<SpanSearchResult | null>;
  /** The trace as an OTLP/JSON ExportTraceServiceRequest, every stored field restored. */
  exportTrace(traceId: string): Promise<Record<string, unknown> | null>;
  getAttributeSlice(traceId: string, spanId: string, key: string, offset: number, length: number): Promise<AttributeSlice | null>;
  getFacets(): Promise<Facets>;
  getMetricSummaries(): Promise<MetricSummary[]>;
  getStats(): Promise<StoreStats>;
  close(): Promise<void>;
}
