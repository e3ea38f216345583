import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { parseMetricsRequest } from '../otlp/parse-metrics-request.js';
import { buildMetricsExport } from '../testing/build-metrics.js';
import { buildSpan, toTestId } from '../testing/build-spans.js';
import { SCHEMA_VERSION } from './sqlite-schema.js';
import { SqliteSpanStore } from './sqlite-span-store.js';

let dir: string | undefined;
afterEach(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** The metrics table as versions before metric_points wrote it: a row per metric, its points in `data`. */
const OLD_METRICS_SQL = `
CREATE TABLE metrics (
  id INTEGER PRIMARY KEY, time_us INTEGER NOT NULL, service TEXT NOT NULL, name TEXT NOT NULL, unit TEXT NOT NULL,
  type TEXT NOT NULL, points INTEGER NOT NULL, value_sum REAL NOT NULL, value_count REAL NOT NULL, data TEXT NOT NULL
);
CREATE INDEX metrics_service_name ON metrics(service, name);`;

type OtlpJsonMetric = { name: string; unit: string; histogram?: unknown };
const metricsOf = (body: Record<string, unknown>): OtlpJsonMetric[] => (body.resourceMetrics as { scopeMetrics: { metrics: OtlpJsonMetric[] }[] }[])[0]!.scopeMetrics[0]!.metrics;

/** Writes `exports` into the old layout, a row per metric (its summary columns are not read by the upgrade). */
function writeOldLayout(file: string, exports: readonly Record<string, unknown>[]): void {
  const db = new DatabaseSync(file);
  db.exec(OLD_METRICS_SQL);
  const insert = db.prepare('INSERT INTO metrics (time_us, service, name, unit, type, points, value_sum, value_count, data) VALUES (0, ?, ?, ?, ?, 0, 0, 0, ?)');
  for (const body of exports) {
    for (const metric of metricsOf(body)) insert.run('metrics-test', metric.name, metric.unit, metric.histogram === undefined ? 'sum' : 'histogram', JSON.stringify(metric));
  }
  db.close();
}

describe('upgradeSchema: metrics to metric_points', () => {
  it('moves old metric rows to one row per data point, dropping the duplicates a retry stored', async () => {
    dir = mkdtempSync(join(tmpdir(), 'hopscope-upgrade-'));
    const file = join(dir, 'hopscope.db');
    const first = buildMetricsExport({ seconds: 10, input: [100, 2], output: [40, 2], cost: 0.5 });
    const later = buildMetricsExport({ seconds: 20, input: [160, 3], output: [70, 3], cost: 0.25 });
    writeOldLayout(file, [first, first, later]);

    const store = SqliteSpanStore.open({ path: file, backgroundCheckpoints: false });
    const expected = [
      { serviceName: 'metrics-test', name: 'gen_ai.client.token.usage', unit: '{token}', type: 'histogram', dataPoints: 4, valueSum: 230, valueCount: 6 },
      { serviceName: 'metrics-test', name: 'hopscope.cost', unit: 'USD', type: 'sum', dataPoints: 2, valueSum: 0.75, valueCount: 2 },
    ];
    expect(await store.getMetricSummaries()).toEqual(expected);
    const stats = await store.getStats();
    expect(stats.bytes).toBeGreaterThan(0);
    await store.close();

    const db = new DatabaseSync(file);
    expect(db.prepare(`SELECT name FROM sqlite_schema WHERE name LIKE 'metrics%'`).all()).toEqual([]);
    expect(JSON.parse((db.prepare(`SELECT data FROM metric_points WHERE name = 'hopscope.cost' ORDER BY time_us LIMIT 1`).get() as { data: string }).data)).toEqual(metricsOf(first)[1]);
    db.close();

    const reopened = SqliteSpanStore.open({ path: file, backgroundCheckpoints: false });
    expect(await reopened.getMetricSummaries()).toEqual(expected);
    expect(await reopened.getStats()).toEqual(stats);
    await reopened.close();
  });
});

describe('upgradeSchema: metric points counted against the byte cap', () => {
  it('counts the points stored before metric_points had bytes as ingest counts them', async () => {
    dir = mkdtempSync(join(tmpdir(), 'hopscope-upgrade-'));
    const file = join(dir, 'hopscope.db');
    const store = SqliteSpanStore.open({ path: file, backgroundCheckpoints: false });
    await store.ingestMetrics(parseMetricsRequest(buildMetricsExport({ seconds: 10, input: [100, 2], output: [40, 2], cost: 0.5 })));
    const stats = await store.getStats();
    expect(stats.bytes).toBeGreaterThan(0);
    await store.close();

    const db = new DatabaseSync(file);
    db.exec('ALTER TABLE metric_points DROP COLUMN bytes');
    db.close();

    const reopened = SqliteSpanStore.open({ path: file, backgroundCheckpoints: false });
    expect(await reopened.getStats()).toEqual(stats);
    await reopened.close();
  });
});


describe('upgradeSchema: integers node:sqlite cannot read', () => {
  it('clamps the times, tokens and enums earlier versions stored beyond 2^53, so every read works', async () => {
    dir = mkdtempSync(join(tmpdir(), 'hopscope-upgrade-'));
    const file = join(dir, 'hopscope.db');
    const store = SqliteSpanStore.open({ path: file, backgroundCheckpoints: false });
    await store.ingestSpans([buildSpan({ trace: 1, span: 1, attributes: { 'gen_ai.usage.input_tokens': 5 } })]);
    await store.ingestSpans([buildSpan({ trace: 2, span: 1 })]);
    await store.ingestMetrics(parseMetricsRequest(buildMetricsExport({ seconds: 10, input: [100, 2], output: [40, 2], cost: 0.5 })));
    await store.close();

    // What an earlier version wrote for an end time of 2^64 - 1 ns and a count of 10^17 tokens.
    const db = new DatabaseSync(file);
    const huge = 18446744073709551n;
    db.prepare('UPDATE spans SET end_us = ?, input_tokens = ? WHERE trace_id = ?').run(huge, 10n ** 17n, toTestId(1, 16));
    db.prepare('UPDATE traces SET end_us = ?, input_tokens = ?, total_tokens = ? WHERE trace_id = ?').run(huge, 10n ** 17n, 10n ** 17n, toTestId(1, 16));
    db.prepare('UPDATE spans SET kind = ? WHERE trace_id = ?').run(10n ** 17n, toTestId(2, 16));
    db.prepare('UPDATE metric_points SET time_us = ?').run(huge);
    db.exec('PRAGMA user_version = 0');
    db.close();

    const reopened = SqliteSpanStore.open({ path: file, backgroundCheckpoints: false });
    try {
      const list = await reopened.listTraces({});
      expect(list.traces.map((trace) => trace.traceId).sort()).toEqual([toTestId(1, 16), toTestId(2, 16)]);
      expect(list.traces.find((trace) => trace.traceId === toTestId(1, 16))?.usage.inputTokens).toBe(Number.MAX_SAFE_INTEGER);
      expect((await reopened.getTrace(toTestId(1, 16)))?.spans).toHaveLength(1);
      expect((await reopened.getTraceSkeleton(toTestId(2, 16)))?.kinds).toEqual([Number.MAX_SAFE_INTEGER]);
      expect(await reopened.getMetricSummaries()).toHaveLength(2);
    } finally {
      await reopened.close();
    }
    const check = new DatabaseSync(file, { readOnly: true });
    expect((check.prepare('PRAGMA user_version').get() as { user_version: number }).user_version).toBe(SCHEMA_VERSION);
    check.close();
  });
});
