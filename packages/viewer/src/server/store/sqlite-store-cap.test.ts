import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IngestOverloadError } from '../otlp/ingest-overload-error.js';
import type { NormalizedLog, NormalizedSpan } from '../otlp/normalized-types.js';
import { parseMetricsRequest } from '../otlp/parse-metrics-request.js';
import { buildMetricsExport } from '../testing/build-metrics.js';
import { buildSpan, toTestId } from '../testing/build-spans.js';
import { SqliteSpanStore } from './sqlite-span-store.js';

let dir: string;
let store: SqliteSpanStore;
const CAP = 40_000;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hopscope-cap-'));
  store = SqliteSpanStore.open({ path: dir, maxBytes: CAP, backgroundCheckpoints: false });
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A log record at `ms` after the spans' base time, of trace `trace` (none when undefined). */
const buildLog = (ms: number, trace?: number): NormalizedLog => ({
  traceId: trace === undefined ? null : toTestId(trace, 16), spanId: null, timeUnixNano: (BigInt(1_700_000_000_000 + ms) * 1_000_000n).toString(), observedTimeUnixNano: '0',
  severityNumber: 9, severityText: 'INFO', eventName: 'gen_ai.user.message', body: { $kv: [['content', `message ${ms} ${'x'.repeat(400)}`]] }, attributes: {},
  droppedAttributesCount: 0, flags: 0, resource: { attributes: {}, droppedAttributesCount: 0, schemaUrl: '' }, scope: { name: 'logs', version: '', attributes: {}, droppedAttributesCount: 0, schemaUrl: '' },
});

const buildMetricPoints = (seconds: number) => parseMetricsRequest(buildMetricsExport({ seconds, input: [seconds, 1], output: [seconds, 1], cost: 0.5 }));

/** Reads the store's file on the side. */
function query<T>(sql: string): T[] {
  const db = new DatabaseSync(join(dir, 'hopscope.db'), { readOnly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

/** The bytes the rows hold, as the store counts them. */
const storedBytes = (): number =>
  query<{ bytes: number }>('SELECT (SELECT COALESCE(SUM(bytes), 0) FROM traces) + (SELECT COALESCE(SUM(bytes), 0) FROM logs) + (SELECT COALESCE(SUM(bytes), 0) FROM metric_points) AS bytes')[0]!.bytes;

describe('SqliteSpanStore byte cap over logs and metric points', () => {
  it('evicts the oldest metric points and keeps the newest, under the cap after every export', async () => {
    const maxBatchBytes = 3 * 1_500;
    for (let seconds = 10; seconds <= 1_000; seconds += 10) {
      await store.ingestMetrics(buildMetricPoints(seconds));
      expect((await store.getStats()).bytes).toBeLessThanOrEqual(CAP + maxBatchBytes);
    }
    const times = query<{ t: number }>('SELECT DISTINCT time_us / 1000000 - 1700000000 AS t FROM metric_points ORDER BY t').map((row) => row.t);
    expect(times.at(-1)).toBe(1_000);
    expect(times[0]).toBeGreaterThan(10);
    // Oldest first: what is left is every export from the oldest kept one on.
    expect(times).toEqual(Array.from({ length: times.length }, (_, index) => times[0]! + index * 10));
    expect((await store.getStats()).bytes).toBe(storedBytes());
  });

  it('evicts the oldest logs of no stored trace, with or without a trace id, and their search rows', async () => {
    for (let batch = 0; batch < 100; batch++) {
      await store.ingestLogs([buildLog(batch * 10), buildLog(batch * 10 + 1, 1_000 + batch)]);
      expect((await store.getStats()).bytes).toBeLessThanOrEqual(CAP + 2 * 1_000);
    }
    const times = query<{ t: number }>('SELECT time_us / 1000 - 1700000000000 AS t FROM logs ORDER BY t').map((row) => row.t);
    expect(times.at(-1)).toBe(991);
    expect(times[0]).toBeGreaterThan(1);
    // Oldest first: what is left is every log from the oldest kept one on.
    const written = Array.from({ length: 100 }, (_, batch) => [batch * 10, batch * 10 + 1]).flat();
    expect(times).toEqual(written.filter((time) => time >= times[0]!));
    expect(query('SELECT trace_id FROM search_docs d WHERE NOT EXISTS (SELECT 1 FROM logs l WHERE l.trace_id = d.trace_id)')).toEqual([]);
    expect((await store.getStats()).bytes).toBe(storedBytes());
  });

  it('deletes the logs of an evicted trace with it', async () => {
    await store.ingestSpans([buildSpan({ trace: 1, span: 1 })]);
    await store.ingestLogs([buildLog(1, 1), buildLog(2, 1)]);
    const filler = 'y'.repeat(2_000);
    for (let trace = 2; trace <= 40; trace++) await store.ingestSpans([buildSpan({ trace, span: 1, attributes: { 'gen_ai.input.messages': filler } })]);
    expect(await store.getTrace(toTestId(1, 16))).toBeNull();
    expect(query(`SELECT id FROM logs WHERE trace_id = '${toTestId(1, 16)}'`)).toEqual([]);
    expect((await store.getStats()).bytes).toBe(storedBytes());
  });

  it('counts spans, logs and metric points the same after a reopen', async () => {
    for (let step = 1; step <= 40; step++) {
      await store.ingestSpans([buildSpan({ trace: step, span: 1, startMs: step * 100 })]);
      await store.ingestLogs([buildLog(step * 100 + 1, step), buildLog(step * 100 + 2)]);
      await store.ingestMetrics(buildMetricPoints(step * 10));
    }
    const before = await store.getStats();
    expect(before.bytes).toBeLessThanOrEqual(CAP + 5_000);
    expect(before.bytes).toBe(storedBytes());
    await store.close();
    store = SqliteSpanStore.open({ path: dir, maxBytes: CAP, backgroundCheckpoints: false });
    expect(await store.getStats()).toEqual(before);
  });
});

describe('SqliteSpanStore reads and eviction with times beyond 2^53 µs', () => {
  const farEnd = (trace: number, filler = ''): NormalizedSpan => ({
    ...buildSpan({ trace, span: 1, attributes: filler === '' ? {} : { 'gen_ai.input.messages': filler } }),
    endTimeUnixNano: '18446744073709551615',
  });

  it('lists, reads and exports a span that ends at 2^64 - 1 ns, its nanoseconds exact', async () => {
    await store.ingestSpans([farEnd(1), { ...buildSpan({ trace: 1, span: 2, parent: 1 }), startTimeUnixNano: '18446744073709551000', endTimeUnixNano: '18446744073709551615' }]);
    const traceId = toTestId(1, 16);
    expect((await store.listTraces({})).traces.map((trace) => trace.traceId)).toEqual([traceId]);
    expect((await store.getSummaries([traceId]))[0]?.spanCount).toBe(2);
    const detail = await store.getTrace(traceId);
    expect(detail?.spans.map((span) => [span.startTimeUnixNano, span.endTimeUnixNano])).toEqual([
      ['1700000000000000000', '18446744073709551615'],
      ['18446744073709551000', '18446744073709551615'],
    ]);
    expect((await store.getTraceSkeleton(traceId))?.spanIds).toHaveLength(2);
    expect(JSON.stringify(await store.exportTrace(traceId))).toContain('"endTimeUnixNano":"18446744073709551615"');
  });

  it('keeps the cap with such traces stored', async () => {
    const filler = 'y'.repeat(2_000);
    for (let trace = 1; trace <= 40; trace++) await store.ingestSpans([farEnd(trace, filler)]);
    expect((await store.getStats()).bytes).toBeLessThanOrEqual(CAP + 3_000);
    expect(await store.getTrace(toTestId(1, 16))).toBeNull();
    expect(await store.getTrace(toTestId(40, 16))).not.toBeNull();
  });
});

describe('SqliteSpanStore when eviction fails', () => {
  it('refuses writes (IngestOverloadError) while over the cap, says why in its stats, and takes them again once eviction works', async () => {
    const filler = 'y'.repeat(2_000);
    await store.ingestSpans([buildSpan({ trace: 1, span: 1, attributes: { 'gen_ai.input.messages': filler } })]);
    // A row eviction cannot read (as one with a time beyond 2^53 µs was before such times were clamped).
    const db = new DatabaseSync(join(dir, 'hopscope.db'));
    db.prepare('UPDATE traces SET end_us = ? WHERE trace_id = ?').run(2n ** 60n, toTestId(1, 16));
    let refused: unknown = null;
    for (let trace = 2; trace <= 40 && refused === null; trace++) {
      await store.ingestSpans([buildSpan({ trace, span: 1, attributes: { 'gen_ai.input.messages': filler } })]).catch((error: unknown) => {
        refused = error;
      });
    }
    expect(IngestOverloadError.is(refused)).toBe(true);
    const stats = await store.getStats();
    expect(stats.evictionError).toMatch(/too large/);
    expect(stats.bytes).toBeLessThanOrEqual(CAP + 3_000);
    await expect(store.ingestLogs([buildLog(1)])).rejects.toSatisfy(IngestOverloadError.is);

    db.prepare('UPDATE traces SET end_us = 0 WHERE trace_id = ?').run(toTestId(1, 16));
    db.close();
    await store.ingestSpans([buildSpan({ trace: 99, span: 1 })]);
    expect((await store.getStats()).evictionError).toBeUndefined();
    expect((await store.getStats()).bytes).toBeLessThanOrEqual(CAP);
    expect(await store.getTrace(toTestId(99, 16))).not.toBeNull();
  });
});
