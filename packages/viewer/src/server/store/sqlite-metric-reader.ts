import type { DatabaseSync } from 'node:sqlite';
import type { MetricSummary } from './span-store.js';

/**
 * Every delta and gauge point counts; a cumulative series (one series_key) counts its latest
 * point only, since each point already holds the total since the series' start (SQLite takes
 * the bare value_sum and value_count of a GROUP BY from the row with the MAX).
 */
const METRIC_SUMMARY_SQL = `
SELECT service, name, unit, type, SUM(points) AS points, SUM(value_sum) AS value_sum, SUM(value_count) AS value_count
FROM (
  SELECT service, name, unit, type, count(*) AS points, SUM(value_sum) AS value_sum, SUM(value_count) AS value_count
  FROM metric_points WHERE cumulative = 0 GROUP BY service, name, unit, type
  UNION ALL
  SELECT service, name, unit, type, points, value_sum, value_count FROM (
    SELECT service, name, unit, type, count(*) AS points, value_sum, value_count, MAX(time_us) AS latest_us
    FROM metric_points WHERE cumulative = 1 GROUP BY series_key
  )
)
GROUP BY service, name, unit, type ORDER BY service, name`;

/**
 * Per service and metric, the data points stored and their figures (see MetricSummary).
 *
 * @example
 * readMetricSummaries(db); // [{ serviceName: 'api', name: 'gen_ai.client.token.usage', ... }]
 */
export function readMetricSummaries(db: DatabaseSync): MetricSummary[] {
  const rows = db.prepare(METRIC_SUMMARY_SQL).all() as { service: string; name: string; unit: string; type: string; points: number; value_sum: number; value_count: number }[];
  return rows.map((row) => ({ serviceName: row.service, name: row.name, unit: row.unit, type: row.type, dataPoints: row.points, valueSum: row.value_sum, valueCount: row.value_count }));
}
