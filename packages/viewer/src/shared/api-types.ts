/**
 * The viewer's JSON API, shared by the server (packages/viewer/src/server) and the UI
 * (packages/viewer/ui). Types only: the UI bundle imports nothing else from the server.
 *
 * Endpoints (all under the same origin as the UI, default http://127.0.0.1:4318):
 *   GET  /api/traces?…TraceListQuery…            -> TraceListResponse
 *   GET  /api/traces/:traceId                    -> TraceDetail        (404 when unknown; every span in full,
 *                                                   for small traces and tools — the UI opens traces with the skeleton)
 *   GET  /api/traces/:traceId/skeleton           -> TraceSkeleton      (404 when unknown; the waterfall's columns)
 *   GET  /api/traces/:traceId/spans?ids=:id,:id  -> SpanBatch          (full records of up to 256 spans, with their logs)
 *   GET  /api/traces/:traceId/search?q=          -> SpanSearchResult   (in-trace search, 404 when unknown)
 *   GET  /api/traces/:traceId/spans/:spanId/attributes/:key?offset=&length=
 *                                                -> AttributeSlice     (lazy load of a big attribute)
 *   GET  /api/facets                             -> Facets             (values for the list filters)
 *   GET  /api/compare?a=:traceId&b=:traceId      -> CompareResponse
 *   GET  /api/live                               -> text/event-stream; each `event: traces` carries
 *                                                   LiveUpdate as JSON in `data:`
 *   GET  /api/health                             -> { ok: true, spans: number, bytes: number, evictionError?: string }
 *                                                   (evictionError while old data cannot be evicted: writes are
 *                                                   then refused with 503 once the store is over its byte cap)
 * Errors are `ApiError` with an HTTP status.
 */

/** An OTLP AnyValue as plain JSON: kvlists become objects, arrays stay arrays, bytes become { bytesBase64 }, int64 beyond 2^53 a decimal string. */
export type AttributeValue = string | number | boolean | null | AttributeValue[] | { [key: string]: AttributeValue };

export type SpanKindName = 'INTERNAL' | 'SERVER' | 'CLIENT' | 'PRODUCER' | 'CONSUMER' | 'UNSPECIFIED';
export type StatusCodeName = 'UNSET' | 'OK' | 'ERROR';

export interface SpanEvent {
  readonly name: string;
  readonly timeUnixNano: string;
  readonly attributes: Record<string, AttributeValue>;
  readonly droppedAttributesCount: number;
}

export interface SpanLink {
  readonly traceId: string;
  readonly spanId: string;
  readonly traceState: string;
  readonly flags: number;
  readonly attributes: Record<string, AttributeValue>;
  readonly droppedAttributesCount: number;
}

/** A span as stored: every OTLP field kept. Ids are lowercase hex. Times are decimal strings of Unix nanoseconds. */
export interface SpanRecord {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string | null;
  readonly name: string;
  readonly kind: SpanKindName;
  readonly startTimeUnixNano: string;
  readonly endTimeUnixNano: string;
  readonly durationMs: number;
  readonly status: { readonly code: StatusCodeName; readonly message: string };
  readonly traceState: string;
  readonly flags: number;
  readonly attributes: Record<string, AttributeValue>;
  readonly droppedAttributesCount: number;
  readonly events: readonly SpanEvent[];
  readonly droppedEventsCount: number;
  readonly links: readonly SpanLink[];
  readonly droppedLinksCount: number;
  readonly resource: { readonly attributes: Record<string, AttributeValue>; readonly droppedAttributesCount: number; readonly schemaUrl: string };
  readonly scope: { readonly name: string; readonly version: string; readonly attributes: Record<string, AttributeValue>; readonly droppedAttributesCount: number; readonly schemaUrl: string };
  /** Attributes whose value was too big to inline; fetch them with the attribute endpoint. */
  readonly truncatedAttributes?: Record<string, { readonly totalChars: number }>;
}

/** An OTLP log record joined to its span by trace and span id (v1 `event_mode: 'logs'`, other SDKs' GenAI events). */
export interface LogRecordEntry {
  readonly traceId: string | null;
  readonly spanId: string | null;
  readonly timeUnixNano: string;
  readonly observedTimeUnixNano: string;
  readonly severityNumber: number;
  readonly severityText: string;
  readonly eventName: string;
  readonly body: AttributeValue;
  readonly attributes: Record<string, AttributeValue>;
  readonly droppedAttributesCount: number;
  readonly flags: number;
  readonly resource: { readonly attributes: Record<string, AttributeValue>; readonly schemaUrl: string };
  readonly scope: { readonly name: string; readonly version: string };
}

/**
 * Token counts and cost of the model calls counted (a call with none below it: a wrapper that
 * repeats its children's usage or cost is not summed twice). A model call is a span that reports
 * tokens or an `operation.cost`, or a GenAI inference span (chat, text_completion,
 * generate_content, embeddings) that reported neither and did not fail. `costUsd` is USD, or
 * null when a counted call had no price (shown as "unknown", never $0).
 */
export interface UsageTotals {
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly cacheReadTokens: number;
  readonly cacheWriteTokens: number;
  readonly reasoningTokens: number;
  readonly costUsd: number | null;
  /** True when at least one counted model call's price was unknown (then costUsd is null). */
  readonly costPartial: boolean;
  /** USD of the calls whose price was known (equals costUsd when nothing was unknown). */
  readonly knownCostUsd?: number;
}

export interface TraceSummary {
  readonly traceId: string;
  readonly rootName: string;
  /** Span id of the root, or null while the root has not arrived (orphans only). */
  readonly rootSpanId: string | null;
  readonly serviceName: string;
  readonly startTimeUnixNano: string;
  readonly durationMs: number;
  readonly spanCount: number;
  readonly errorCount: number;
  /**
   * The root's status when it is OK or ERROR; otherwise (root UNSET or not arrived) ERROR when
   * any span is ERROR other than a fallback hop that failed over (`hopscope.hop.outcome` error or
   * rejected: failedHopCount counts those), else UNSET. The list's status filter reads this.
   */
  readonly status: StatusCodeName;
  readonly models: readonly string[];
  readonly providers: readonly string[];
  readonly operations: readonly string[];
  readonly hasFallback: boolean;
  /** Hops that were tried and did not answer (outcome `error` or `rejected`) across the trace's fallback calls. */
  readonly failedHopCount: number;
  /** Hops that were not tried (outcome `skipped`, e.g. the member was cooling down) across the trace's fallback calls. */
  readonly skippedHopCount: number;
  readonly usage: UsageTotals;
}

export interface TraceListQuery {
  readonly limit?: number;
  /** Opaque cursor from a previous page. */
  readonly cursor?: string;
  readonly service?: string;
  readonly model?: string;
  readonly provider?: string;
  readonly operation?: string;
  readonly status?: StatusCodeName;
  readonly hasFallback?: boolean;
  readonly minCostUsd?: number;
  readonly maxCostUsd?: number;
  readonly minTokens?: number;
  readonly maxTokens?: number;
  /** Full-text search over message content and span names. */
  readonly q?: string;
}

export interface TraceListResponse {
  readonly traces: readonly TraceSummary[];
  readonly nextCursor: string | null;
}

export interface TraceDetail {
  readonly summary: TraceSummary;
  readonly spans: readonly SpanRecord[];
  readonly logs: readonly LogRecordEntry[];
}

/**
 * What the waterfall needs of a trace, in columns: parallel arrays with one entry per span, in
 * start-time order (ties in arrival order). A 100k-span trace is a few MB of JSON and no per-span
 * objects; a span's attributes, events and logs come from `/spans?ids=` when it is selected.
 */
export interface TraceSkeleton {
  readonly summary: TraceSummary;
  readonly spanIds: readonly string[];
  /** Index into these columns of each span's parent; -1 for a root, or an orphan whose parent has not arrived. */
  readonly parents: readonly number[];
  /** Distinct span names; `nameIndexes[i]` is the name of span i. */
  readonly names: readonly string[];
  readonly nameIndexes: readonly number[];
  /** OTLP SpanKind numbers (0 unspecified … 5 consumer). */
  readonly kinds: readonly number[];
  /** OTLP StatusCode numbers (0 unset, 1 ok, 2 error). */
  readonly statusCodes: readonly number[];
  /** Start of each span in microseconds after the earliest start of the trace. */
  readonly startOffsetsUs: readonly number[];
  readonly durationsUs: readonly number[];
  /** The fallback hop spans only (few): [span index, `hopscope.hop.index`, `hopscope.hop.outcome` or '']. */
  readonly hops: readonly (readonly [spanIndex: number, hopIndex: number, outcome: string])[];
}

/** Full records of the spans asked for (unknown ids are left out), and the log records joined to them. */
export interface SpanBatch {
  readonly spans: readonly SpanRecord[];
  readonly logs: readonly LogRecordEntry[];
}

/**
 * Spans of one trace whose name, id, attribute key or value, event (name, attribute key or value)
 * or joined log record (event name, body, attribute key or value) contains the query,
 * case-insensitive. Values are read as the list search indexes them (JSON values also as their
 * leaves with escapes decoded, so `caf\u00e9` is found by "café"), up to 1,000,000 characters.
 */
export interface SpanSearchResult {
  readonly query: string;
  /** In start-time order. */
  readonly spanIds: readonly string[];
}

export interface AttributeSlice {
  readonly key: string;
  readonly offset: number;
  readonly totalChars: number;
  readonly text: string;
}

export interface Facets {
  readonly services: readonly string[];
  readonly models: readonly string[];
  readonly providers: readonly string[];
  readonly operations: readonly string[];
}

export interface CompareResponse {
  readonly a: TraceDetail;
  readonly b: TraceDetail;
}

export interface LiveUpdate {
  /** Summaries of traces created or changed since the previous update. */
  readonly traces: readonly TraceSummary[];
}

export interface ApiError {
  readonly error: string;
  /** Where the input was bad, when known (e.g. `resourceSpans[0].scopeSpans[1].spans[3].traceId`). */
  readonly where?: string;
}
