/**
 * Viewer ingest throughput: OTLP/HTTP protobuf, OTLP/HTTP JSON and OTLP/gRPC with 512-span
 * batches of ~20 attributes, each as a ratio against raw batched inserts of the same rows into
 * the same SQLite file measured in this run. Also prints idle and loaded RSS.
 *
 * Run: npx pnpm@10.34.9 run bench:ingest   (BENCH_BATCHES=40 by default)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { startViewer } from '../packages/viewer/src/server/start-viewer.js';
import { buildBatch, encodeBatch, mib } from './viewer-bench-data.js';

const BATCHES = Number(process.env.BENCH_BATCHES ?? 40);
const SPANS_PER_BATCH = 512;
const requireFromViewer = createRequire(new URL('../packages/viewer/package.json', import.meta.url));
interface GrpcClient {
  makeUnaryRequest(path: string, serialize: (value: Buffer) => Buffer, deserialize: (value: Buffer) => Buffer, body: Buffer, callback: (error: Error | null) => void): void;
  close(): void;
}
const grpcJs = requireFromViewer('@grpc/grpc-js') as { Client: new (address: string, credentials: unknown) => GrpcClient; credentials: { createInsecure(): unknown } };

const dir = mkdtempSync(join(tmpdir(), 'hopscope-bench-ingest-'));
const rssIdleBefore = process.memoryUsage().rss;
const viewer = await startViewer({ port: 0, grpcPort: 0, db: dir, warn: () => undefined });
const rssIdle = process.memoryUsage().rss;

const requests = Array.from({ length: BATCHES * 4 }, (_, index) => buildBatch(index));
const spansPerSecond = (spans: number, ms: number): number => Math.round((spans / ms) * 1000);

// Baseline: the same rows (JSON per span, ids and times as columns) inserted raw, one transaction per batch, same file.
function baseline(batches: Record<string, unknown>[]): number {
  const db = new DatabaseSync(join(dir, 'hopscope.db'));
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; CREATE TABLE IF NOT EXISTS bench_raw (trace_id TEXT, span_id TEXT, parent TEXT, name TEXT, start_us INTEGER, data TEXT); CREATE UNIQUE INDEX IF NOT EXISTS bench_raw_id ON bench_raw(trace_id, span_id)');
  const insert = db.prepare('INSERT OR IGNORE INTO bench_raw VALUES (?, ?, ?, ?, ?, ?)');
  const rows = batches.map((batch) => ((batch.resourceSpans as { scopeSpans: { spans: Record<string, unknown>[] }[] }[])[0]!.scopeSpans[0]!.spans).map((span) =>
    [span.traceId as string, span.spanId as string, span.parentSpanId as string, span.name as string, Number(String(span.startTimeUnixNano).slice(0, -3)), JSON.stringify(span.attributes)] as const));
  const started = performance.now();
  for (const batch of rows) {
    db.exec('BEGIN');
    for (const row of batch) insert.run(...row);
    db.exec('COMMIT');
  }
  const elapsed = performance.now() - started;
  db.close();
  return spansPerSecond(rows.length * SPANS_PER_BATCH, elapsed);
}

async function overHttp(batches: Record<string, unknown>[], encoding: 'protobuf' | 'json'): Promise<number> {
  const bodies = batches.map((batch) => (encoding === 'json' ? JSON.stringify(batch) : encodeBatch(batch)));
  const contentType = encoding === 'json' ? 'application/json' : 'application/x-protobuf';
  const started = performance.now();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < bodies.length) {
      const body = bodies[next++]!;
      const response = await fetch(`${viewer.url}/v1/traces`, { method: 'POST', body, headers: { 'Content-Type': contentType } });
      if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
    }
  };
  await Promise.all([worker(), worker()]);
  return spansPerSecond(bodies.length * SPANS_PER_BATCH, performance.now() - started);
}

async function overGrpc(batches: Record<string, unknown>[]): Promise<number> {
  const client = new grpcJs.Client(`127.0.0.1:${viewer.grpcPort}`, grpcJs.credentials.createInsecure());
  const bodies = batches.map((batch) => Buffer.from(encodeBatch(batch)));
  const call = (body: Buffer) => new Promise<void>((resolve, reject) => {
    client.makeUnaryRequest('/opentelemetry.proto.collector.trace.v1.TraceService/Export', (value: Buffer) => value, (value: Buffer) => value, body, (error) => (error ? reject(error) : resolve()));
  });
  const started = performance.now();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < bodies.length) await call(bodies[next++]!);
  };
  await Promise.all([worker(), worker()]);
  const rate = spansPerSecond(bodies.length * SPANS_PER_BATCH, performance.now() - started);
  client.close();
  return rate;
}

const raw = baseline(requests.slice(0, BATCHES));
const protobuf = await overHttp(requests.slice(BATCHES, BATCHES * 2), 'protobuf');
const json = await overHttp(requests.slice(BATCHES * 2, BATCHES * 3), 'json');
const grpc = await overGrpc(requests.slice(BATCHES * 3));
const rssLoaded = process.memoryUsage().rss;

console.log(`viewer ingest: ${BATCHES} batches x ${SPANS_PER_BATCH} spans x ~20 attributes per transport, 2 concurrent senders`);
console.log(`  baseline raw batched SQLite inserts: ${raw} spans/s`);
for (const [name, rate, aim] of [['OTLP/HTTP protobuf', protobuf, 30_000], ['OTLP/HTTP JSON', json, 15_000], ['OTLP/gRPC', grpc, 30_000]] as const) {
  console.log(`  ${name.padEnd(20)} ${String(rate).padStart(7)} spans/s  = ${(rate / raw).toFixed(2)} x baseline  (aim ${aim})`);
}
console.log(`  RSS: process before viewer ${mib(rssIdleBefore)}, viewer idle ${mib(rssIdle)}, after ingest ${mib(rssLoaded)} (${(await viewer.store.getStats()).spans} spans stored)`);
await viewer.close();
rmSync(dir, { recursive: true, force: true });
