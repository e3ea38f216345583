import type { DatabaseSync } from 'node:sqlite';
import { SCHEMA_VERSION, SIGNAL_ROW_OVERHEAD_BYTES } from './sqlite-schema.js';

const hasColumn = (db: DatabaseSync, table: string, column: string): boolean =>
  (db.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[]).some((row) => row.name === column);

const hasTable = (db: DatabaseSync, table: string): boolean =>
  db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?`).get(table) !== undefined;

/** Runs `statements` in one transaction, rolled back when one fails. */
function runInTransaction(db: DatabaseSync, statements: readonly string[]): void {
  db.exec('BEGIN IMMEDIATE');
  try {
    for (const statement of statements) db.exec(statement);
    db.exec('COMMIT');
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

/**
 * Facets gain `trace_count`, counted from the trace_values rows of models, providers and
 * operations, which are then dropped (trace_values keeps services only).
 */
const FACET_TRACE_COUNT_UPGRADE = [
  'ALTER TABLE facets ADD COLUMN trace_count INTEGER NOT NULL DEFAULT 0',
  `UPDATE facets SET trace_count = (SELECT count(*) FROM trace_values v WHERE v.kind = facets.kind AND v.value = facets.value) WHERE kind <> 'service'`,
  `DELETE FROM trace_values WHERE kind <> 'service'`,
];

/**
 * Traces gain `skipped_hop_count`; before it, `failed_hop_count` counted skipped hops too. The
 * existing rows are recomputed rather than left combined: only traces with a failed hop are
 * read, and only their spans whose JSON mentions "skipped" are parsed, once, on open.
 */
const SKIPPED_HOP_COUNT_UPGRADE = [
  'ALTER TABLE traces ADD COLUMN skipped_hop_count INTEGER NOT NULL DEFAULT 0',
  `UPDATE traces SET skipped_hop_count = skipped.n, failed_hop_count = failed_hop_count - skipped.n
   FROM (SELECT trace_id, count(*) AS n FROM spans
         WHERE trace_id IN (SELECT trace_id FROM traces WHERE failed_hop_count > 0)
           AND instr(data, '"skipped"') > 0 AND json_extract(data, '$.attributes."hopscope.hop.outcome"') = 'skipped'
         GROUP BY trace_id) AS skipped
   WHERE traces.trace_id = skipped.trace_id`,
];

/**
 * Traces gain `unrecovered_error_count`: their status is no longer the root's alone (an UNSET
 * root hid ERROR spans below it from the status filter) but toTraceStatus's rule. Counted from
 * the stored spans of traces with an error (only those whose JSON mentions a hop outcome are
 * parsed), then every status is recomputed by the rule, once, on open.
 */
const UNRECOVERED_ERROR_COUNT_UPGRADE = [
  'ALTER TABLE traces ADD COLUMN unrecovered_error_count INTEGER NOT NULL DEFAULT 0',
  `UPDATE traces SET unrecovered_error_count = (SELECT count(*) FROM spans s WHERE s.trace_id = traces.trace_id AND s.status_code = 2
     AND (instr(s.data, '"hopscope.hop.outcome"') = 0 OR COALESCE(json_extract(s.data, '$.attributes."hopscope.hop.outcome"'), '') NOT IN ('error', 'rejected')))
   WHERE error_count > 0`,
  `UPDATE traces SET status = CASE WHEN root_status IN (1, 2) THEN root_status WHEN unrecovered_error_count > 0 THEN 2 ELSE 0 END
   WHERE status IS NOT CASE WHEN root_status IN (1, 2) THEN root_status WHEN unrecovered_error_count > 0 THEN 2 ELSE 0 END`,
];

/** Metric points stored before they were counted against the byte cap are counted as ingest counts them. */
const COUNT_METRIC_POINT_BYTES = `UPDATE metric_points SET bytes = length(data) + ${SIGNAL_ROW_OVERHEAD_BYTES} WHERE bytes = 0`;

/** Metric points gain `bytes` (counted against the cap, as logs are). */
const METRIC_POINT_BYTES_UPGRADE = ['ALTER TABLE metric_points ADD COLUMN bytes INTEGER NOT NULL DEFAULT 0', COUNT_METRIC_POINT_BYTES];

/**
 * The row per metric of `metrics` becomes a row per data point in `metric_points`, and
 * `metrics` is dropped. Those rows kept no resource or scope, so their keys are built from the
 * service instead, in SQL, prefixed `legacy:` (they never meet the keys ingest hashes). A
 * retried export stored twice before has the same points, so INSERT OR IGNORE keeps one copy:
 * duplicates already stored are removed here, once, on open. A cumulative series that goes on
 * after the upgrade starts a new series key (with its resource), so its last total from before
 * the upgrade is still counted beside the new one: a one-off, for a process exporting across it.
 */
const METRIC_POINTS_UPGRADE = [
  `INSERT OR IGNORE INTO metric_points (point_key, series_key, cumulative, time_us, service, name, unit, type, value_sum, value_count, data)
   SELECT 'legacy:' || json_array(m.service, m.name, m.type, m.unit, json_extract(p.value, '$.attributes'), json_extract(p.value, '$.startTimeUnixNano'), json_extract(p.value, '$.timeUnixNano')),
          'legacy:' || json_array(m.service, m.name, m.type, m.unit, json_extract(p.value, '$.attributes'), json_extract(p.value, '$.startTimeUnixNano')),
          m.type = 'summary' OR (m.type <> 'gauge' AND json_extract(m.data, '$.' || m.type || '.aggregationTemporality') IN (2, '2', 'AGGREGATION_TEMPORALITY_CUMULATIVE')),
          COALESCE(CAST(json_extract(p.value, '$.timeUnixNano') AS INTEGER) / 1000, 0),
          m.service, m.name, m.unit, m.type,
          CAST(COALESCE(CASE WHEN m.type IN ('gauge', 'sum') THEN COALESCE(json_extract(p.value, '$.asDouble'), json_extract(p.value, '$.asInt')) ELSE json_extract(p.value, '$.sum') END, 0) AS REAL),
          CASE WHEN m.type IN ('gauge', 'sum') THEN 1 ELSE CAST(COALESCE(json_extract(p.value, '$.count'), 0) AS REAL) END,
          json_set(m.data, '$.' || m.type || '.dataPoints', json_array(json(p.value)))
   FROM metrics AS m, json_each(m.data, '$.' || m.type || '.dataPoints') AS p
   WHERE m.type <> 'empty'
   ORDER BY m.id, p.key`,
  'DROP TABLE metrics',
  COUNT_METRIC_POINT_BYTES,
];

const MAX = Number.MAX_SAFE_INTEGER;
const clamp = (column: string): string => `${column} = MAX(MIN(${column}, ${MAX}), ${-MAX})`;
const outOfRange = (column: string): string => `${column} NOT BETWEEN ${-MAX} AND ${MAX}`;
const clampColumns = (table: string, columns: readonly string[]): string =>
  `UPDATE ${table} SET ${columns.map(clamp).join(', ')} WHERE ${columns.map(outOfRange).join(' OR ')}`;

/**
 * Integers beyond ±(2^53 - 1), which earlier versions stored (span times of 2^53 µs and more,
 * e.g. an end time of 2^64 - 1 ns; huge token counts or enum numbers), are clamped into that
 * range: node:sqlite throws on reading them, so one such row broke the trace list, the trace's
 * pages, the live feed and eviction. The exact nanoseconds stay in each row's JSON. One pass over
 * the tables, once (user_version 2).
 */
const CLAMP_UNSAFE_INTEGERS = [
  clampColumns('spans', ['start_us', 'end_us', 'kind', 'status_code', 'input_tokens', 'output_tokens', 'cache_read_tokens', 'cache_write_tokens', 'reasoning_tokens']),
  clampColumns('traces', ['start_us', 'end_us', 'root_status', 'status', 'input_tokens', 'output_tokens', 'cache_read_tokens', 'cache_write_tokens', 'reasoning_tokens', 'total_tokens']),
  clampColumns('logs', ['time_us']),
  clampColumns('metric_points', ['time_us']),
];

/**
 * Brings a database written by an earlier version up to SCHEMA_SQL (after it ran), one step
 * per missing column or table (FACET_TRACE_COUNT_UPGRADE, SKIPPED_HOP_COUNT_UPGRADE,
 * UNRECOVERED_ERROR_COUNT_UPGRADE, METRIC_POINT_BYTES_UPGRADE, METRIC_POINTS_UPGRADE) and per
 * user_version below SCHEMA_VERSION (CLAMP_UNSAFE_INTEGERS), each in one transaction; a no-op on
 * a current database.
 *
 * @example
 * db.exec(SCHEMA_SQL);
 * upgradeSchema(db);
 */
export function upgradeSchema(db: DatabaseSync): void {
  if (!hasColumn(db, 'facets', 'trace_count')) runInTransaction(db, FACET_TRACE_COUNT_UPGRADE);
  if (!hasColumn(db, 'traces', 'skipped_hop_count')) runInTransaction(db, SKIPPED_HOP_COUNT_UPGRADE);
  if (!hasColumn(db, 'traces', 'unrecovered_error_count')) runInTransaction(db, UNRECOVERED_ERROR_COUNT_UPGRADE);
  if (!hasColumn(db, 'metric_points', 'bytes')) runInTransaction(db, METRIC_POINT_BYTES_UPGRADE);
  if (hasTable(db, 'metrics')) runInTransaction(db, METRIC_POINTS_UPGRADE);
  const version = (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version;
  if (version < 2) runInTransaction(db, [...CLAMP_UNSAFE_INTEGERS, `PRAGMA user_version = ${SCHEMA_VERSION}`]);
}
