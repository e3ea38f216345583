/**
 * The SQLite schema. Spans keep their indexed columns first and their JSON last; `traces` is
 * the summary table the list reads, maintained per touched trace on ingest; `search` is a
 * contentless FTS5 index whose rows map to traces through `search_docs`. Databases written
 * before facets counted their traces or traces counted skipped hops apart are brought up to date
 * by upgradeSchema, and so are databases that kept a row per metric (table `metrics`) instead of
 * one per data point (`metric_points`). `PRAGMA user_version` is SCHEMA_VERSION once the
 * steps that no missing column shows (integers clamped to what node:sqlite reads) have run.
 */
export const SCHEMA_VERSION = 2;

/**
 * Bytes counted against the cap for a log or metric point row beyond its JSON (keys, columns,
 * index entries): `bytes = length(data) + SIGNAL_ROW_OVERHEAD_BYTES`.
 */
export const SIGNAL_ROW_OVERHEAD_BYTES = 120;

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS resources (id INTEGER PRIMARY KEY, json TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS scopes (id INTEGER PRIMARY KEY, json TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS spans (
  id INTEGER PRIMARY KEY,
  trace_id TEXT NOT NULL,
  span_id TEXT NOT NULL,
  parent_span_id TEXT,
  name TEXT NOT NULL,
  kind INTEGER NOT NULL,
  start_us INTEGER NOT NULL,
  end_us INTEGER NOT NULL,
  status_code INTEGER NOT NULL,
  resource_id INTEGER NOT NULL,
  scope_id INTEGER NOT NULL,
  has_usage INTEGER NOT NULL DEFAULT 0,
  usage_below INTEGER NOT NULL DEFAULT 0,
  input_tokens INTEGER NOT NULL DEFAULT 0,
  output_tokens INTEGER NOT NULL DEFAULT 0,
  cache_read_tokens INTEGER NOT NULL DEFAULT 0,
  cache_write_tokens INTEGER NOT NULL DEFAULT 0,
  reasoning_tokens INTEGER NOT NULL DEFAULT 0,
  cost REAL,
  bytes INTEGER NOT NULL,
  data TEXT NOT NULL
);
-- has_usage: the span is a model call the trace totals count (tokens, a cost, or an unpriced
-- inference call; see SpanFacts.usage); usage_below: such a call is stored below it, so it is not summed.
CREATE UNIQUE INDEX IF NOT EXISTS spans_trace_span ON spans(trace_id, span_id);
CREATE INDEX IF NOT EXISTS spans_usage_parent ON spans(trace_id, parent_span_id) WHERE has_usage = 1 OR usage_below = 1;
CREATE TABLE IF NOT EXISTS big_values (
  trace_id TEXT NOT NULL, span_id TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS big_values_key ON big_values(trace_id, span_id, key);
CREATE TABLE IF NOT EXISTS traces (
  trace_id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL,
  root_span_id TEXT,
  root_name TEXT,
  root_status INTEGER,
  status INTEGER NOT NULL DEFAULT 0,
  service TEXT NOT NULL DEFAULT '',
  start_us INTEGER NOT NULL,
  end_us INTEGER NOT NULL,
  start_ns TEXT NOT NULL,
  end_ns TEXT NOT NULL,
  span_count INTEGER NOT NULL DEFAULT 0,
  error_count INTEGER NOT NULL DEFAULT 0,
  -- ERROR spans that are not failed fallback hops: with root_status, what makes status ERROR (toTraceStatus).
  unrecovered_error_count INTEGER NOT NULL DEFAULT 0,
  fallback_count INTEGER NOT NULL DEFAULT 0,
  failed_hop_count INTEGER NOT NULL DEFAULT 0,
  skipped_hop_count INTEGER NOT NULL DEFAULT 0,
  usage_span_count INTEGER NOT NULL DEFAULT 0,
  input_tokens INTEGER NOT NULL DEFAULT 0,
  output_tokens INTEGER NOT NULL DEFAULT 0,
  cache_read_tokens INTEGER NOT NULL DEFAULT 0,
  cache_write_tokens INTEGER NOT NULL DEFAULT 0,
  reasoning_tokens INTEGER NOT NULL DEFAULT 0,
  total_tokens INTEGER NOT NULL DEFAULT 0,
  cost_sum REAL NOT NULL DEFAULT 0,
  uncosted_count INTEGER NOT NULL DEFAULT 0,
  models TEXT NOT NULL DEFAULT '[]',
  providers TEXT NOT NULL DEFAULT '[]',
  operations TEXT NOT NULL DEFAULT '[]',
  bytes INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS traces_start ON traces(start_us DESC, trace_id DESC);
CREATE INDEX IF NOT EXISTS traces_service ON traces(service, start_us DESC, trace_id DESC);
CREATE INDEX IF NOT EXISTS traces_seq ON traces(seq);
-- The services of each trace (the list filters on traces.service; these rows keep the service
-- facets of evicted traces right). Models, providers and operations are listed in the trace row
-- itself and counted in facets.trace_count: a row per value and trace cost ingest a scattered
-- B-tree insert each, about a quarter of the WAL written per batch.
CREATE TABLE IF NOT EXISTS trace_values (kind TEXT NOT NULL, value TEXT NOT NULL, trace_id TEXT NOT NULL, PRIMARY KEY (kind, value, trace_id)) WITHOUT ROWID;
DROP INDEX IF EXISTS trace_values_trace;
-- trace_count: the traces that list a model, provider or operation (0 for services).
CREATE TABLE IF NOT EXISTS facets (kind TEXT NOT NULL, value TEXT NOT NULL, trace_count INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (kind, value)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS search_docs (rowid INTEGER PRIMARY KEY, trace_id TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS search_docs_trace ON search_docs(trace_id);
CREATE VIRTUAL TABLE IF NOT EXISTS search USING fts5(content, content = '', contentless_delete = 1);
CREATE TABLE IF NOT EXISTS logs (
  id INTEGER PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE,
  trace_id TEXT,
  span_id TEXT,
  time_us INTEGER NOT NULL,
  resource_id INTEGER NOT NULL,
  scope_id INTEGER NOT NULL,
  bytes INTEGER NOT NULL,
  data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS logs_trace ON logs(trace_id, time_us);
-- Eviction deletes the oldest logs of no stored trace and the oldest metric points first.
CREATE INDEX IF NOT EXISTS logs_time ON logs(time_us);
-- One row per metric data point. point_key identifies the point (resource, scope, metric name,
-- type and unit, point attributes, start and time), so a retried export adds nothing;
-- series_key is the same without the time: the points of one cumulative series, of which only
-- the latest is counted. resource_id and scope_id are NULL for points stored before this table.
-- bytes: what the row counts against the store's byte cap.
CREATE TABLE IF NOT EXISTS metric_points (
  id INTEGER PRIMARY KEY,
  point_key TEXT NOT NULL UNIQUE,
  series_key TEXT NOT NULL,
  cumulative INTEGER NOT NULL,
  time_us INTEGER NOT NULL,
  resource_id INTEGER,
  scope_id INTEGER,
  service TEXT NOT NULL,
  name TEXT NOT NULL,
  unit TEXT NOT NULL,
  type TEXT NOT NULL,
  value_sum REAL NOT NULL,
  value_count REAL NOT NULL,
  bytes INTEGER NOT NULL DEFAULT 0,
  data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS metric_points_time ON metric_points(time_us);
`;
