/**
 * Viewer ingest throughput: OTLP/HTTP protobuf, OTLP/HTTP JSON and OTLP/gRPC with 512-span
 * batches of ~20 attributes, each as a ratio against raw batched inserts of the same rows into
 * the same SQLite file measured in this run. Also prints idle and loaded RSS of the viewer.
 *
 * The senders run in a child process (as a real exporter would), so the viewer's process only
 * receives and stores, and its RSS is its own.
 *
 * Run: npx pnpm@10.34.9 run bench:ingest   (BENCH_BATCHES=40 by default)
 */
import { fork } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { decodeOtlpBody } from '../packages/viewer/src/server/otlp/otlp-codec.js';
import { parseTraceRequest } from '../packages/viewer/src/server/otlp/parse-trace-request.js';
import { startViewer } from '../packages/viewer/src/server/start-viewer.js';
import { toSpanRowValues } from '../packages/viewer/src/server/store/sqlite-span-ingest.js';
import { SCHEMA_SQL } from '../packages/viewer/src/server/store/sqlite-schema.js';
import { buildBatch, encodeBatch, mib } from './viewer-bench-data.js';

const BATCHES = Number(process.env.BENCH_BATCHES ?? 40);
const WARMUP_BATCHES = Number(process.env.BENCH_WARMUP ?? 4);
const SPANS_PER_BATCH = 512;
const SENDERS = Number(process.env.BENCH_SENDERS ?? 2);
/** The transports to time (comma-separated; default all three), for quicker runs while tuning one. */
const TRANSPORTS = (process.env.BENCH_TRANSPORTS ?? 'protobuf,json,grpc').split(',').map((name) => name.trim());
type Transport = 'protobuf' | 'json' | 'grpc';
interface SendOrder { readonly transport: Transport; readonly first: number; readonly count: number; readonly url: string; readonly grpcPort: number }
const spansPerSecond = (spans: number, ms: number): number => Math.round((spans / ms) * 1000);

/** CPU milliseconds of each thread of this process, by thread id, with its name (Linux /proc; empty elsewhere). */
function threadCpuMs(): Map<string, { name: string; ms: number }> {
  const threads = new Map<string, { name: string; ms: number }>();
  if (!existsSync('/proc/self/task')) return threads;
  const tick = 1000 / 100; // USER_HZ is 100 on Linux
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const name = readFileSync(`/proc/self/task/${tid}/comm`, 'utf8').trim();
      threads.set(tid, { name, ms: (Number(fields[11]) + Number(fields[12])) * tick });
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return threads;
}

if (process.argv[2] === '--sender') {
  // Child process: builds and encodes its batches first, then sends them from BENCH_SENDERS concurrent senders and reports the elapsed time.
  interface GrpcClient {
    makeUnaryRequest(path: string, serialize: (value: Buffer) => Buffer, deserialize: (value: Buffer) => Buffer, body: Buffer, callback: (error: Error | null) => void): void;
    close(): void;
  }
  const requireFromViewer = createRequire(new URL('../packages/viewer/package.json', import.meta.url));
  const grpcJs = requireFromViewer('@grpc/grpc-js') as { Client: new (address: string, credentials: unknown) => GrpcClient; credentials: { createInsecure(): unknown } };
  process.on('message', async (order: SendOrder) => {
    const batches = Array.from({ length: order.count }, (_, index) => buildBatch(order.first + index));
    const bodies = batches.map((batch) => (order.transport === 'json' ? Buffer.from(JSON.stringify(batch)) : Buffer.from(encodeBatch(batch))));
    const agent = new HttpAgent({ keepAlive: true });
    const client = order.transport === 'grpc' ? new grpcJs.Client(`127.0.0.1:${order.grpcPort}`, grpcJs.credentials.createInsecure()) : null;
    const send = async (body: Buffer): Promise<void> => {
      if (client) {
        await new Promise<void>((resolve, reject) => {
          client.makeUnaryRequest('/opentelemetry.proto.collector.trace.v1.TraceService/Export', (value: Buffer) => value, (value: Buffer) => value, body, (error) => (error ? reject(error) : resolve()));
        });
        return;
      }
      // As the OpenTelemetry JS OTLP/HTTP exporters send: node:http through a keep-alive agent.
      const contentType = order.transport === 'json' ? 'application/json' : 'application/x-protobuf';
      const post = (): Promise<{ status: number; text: string }> =>
        new Promise((resolve, reject) => {
          const request = httpRequest(`${order.url}/v1/traces`, { method: 'POST', agent, headers: { 'Content-Type': contentType, 'Content-Length': body.length } }, (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
            response.on('error', reject);
          });
          request.on('error', reject);
          request.end(body);
        });
      // A kept-alive connection the viewer closed while idle (its event loop was busy with the
      // baseline past the keep-alive timeout) fails at once: send again, as an exporter retries.
      const response = await post().catch((error: unknown) => {
        if ((error as { code?: string }).code === 'ECONNRESET') return post();
        throw error;
      });
      if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${response.text}`);
    };
    process.send!({ ready: true });
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < bodies.length) await send(bodies[next++]!);
    };
    await Promise.all(Array.from({ length: SENDERS }, worker));
    const elapsedMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuStarted);
    client?.close();
    agent.destroy();
    process.send!({ elapsedMs, cpuMsPerBatch: (cpu.user + cpu.system) / 1000 / bodies.length });
  });
} else {
  const dir = mkdtempSync(join(tmpdir(), 'hopscope-bench-ingest-'));
  const rssIdleBefore = process.memoryUsage().rss;
  const viewer = await startViewer({ port: 0, grpcPort: 0, db: dir, warn: () => undefined });
  const rssIdle = process.memoryUsage().rss;

  /**
   * Baseline: exactly the rows the viewer stores for these spans (every column of `spans`, the
   * same JSON), computed before the clock starts, inserted raw into a table with the same
   * definition and indexes as `spans`, one statement per row and one transaction per batch,
   * in the same file with the same WAL/synchronous settings.
   */
  function baseline(first: number): number {
    const db = new DatabaseSync(join(dir, 'hopscope.db'));
    db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL');
    const spansTable = /CREATE TABLE IF NOT EXISTS spans \([^;]*?\n\);/.exec(SCHEMA_SQL)![0];
    db.exec(spansTable.replace('spans', 'bench_raw_spans'));
    db.exec('CREATE UNIQUE INDEX IF NOT EXISTS bench_raw_spans_trace_span ON bench_raw_spans(trace_id, span_id)');
    db.exec('CREATE INDEX IF NOT EXISTS bench_raw_spans_usage_parent ON bench_raw_spans(trace_id, parent_span_id) WHERE has_usage = 1 OR usage_below = 1');
    const insert = db.prepare(`INSERT OR IGNORE INTO bench_raw_spans (trace_id, span_id, parent_span_id, name, kind, start_us, end_us, status_code, resource_id, scope_id,
      has_usage, usage_below, input_tokens, output_tokens, cache_read_tokens, cache_write_tokens, reasoning_tokens, cost, bytes, data) VALUES (${Array(20).fill('?').join(', ')})`);
    const rows = Array.from({ length: BATCHES }, (_, index) =>
      parseTraceRequest(decodeOtlpBody('traces', 'json', Buffer.from(JSON.stringify(buildBatch(first + index))))).spans.map((span) => toSpanRowValues(span, 1, 1, span.parentSpanId === null ? 1 : 0)));
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

  const sender = fork(fileURLToPath(import.meta.url), ['--sender'], { stdio: 'inherit' });
  const utilization: Partial<Record<Transport, number>> = {};
  const cpuMsPerBatch: Partial<Record<Transport, number>> = {};
  const senderCpuMsPerBatch: Partial<Record<Transport, number>> = {};
  const threadCpu: Partial<Record<Transport, string>> = {};
  /** Sends one transport's batches; also notes how busy the viewer's event loop was while they were in flight. */
  const overSender = (transport: Transport, first: number, count = BATCHES): Promise<number> =>
    new Promise((resolve, reject) => {
      let started: EventLoopUtilization | undefined;
      let cpuStarted: NodeJS.CpuUsage | undefined;
      let threadsStarted: Map<string, { name: string; ms: number }> | undefined;
      const onMessage = (message: { ready?: true; elapsedMs?: number; cpuMsPerBatch?: number }): void => {
        if (message.ready) {
          threadsStarted = threadCpuMs();
          started = performance.eventLoopUtilization();
          cpuStarted = process.cpuUsage();
          return;
        }
        utilization[transport] = performance.eventLoopUtilization(started).utilization;
        const cpu = process.cpuUsage(cpuStarted);
        cpuMsPerBatch[transport] = (cpu.user + cpu.system) / 1000 / count;
        senderCpuMsPerBatch[transport] = message.cpuMsPerBatch!;
        const threads: string[] = [];
        for (const [tid, { name, ms }] of threadCpuMs()) {
          const perBatch = (ms - (threadsStarted?.get(tid)?.ms ?? 0)) / count;
          if (perBatch >= 0.5) threads.push(`${tid === String(process.pid) ? "main" : `${name}#${tid}`} ${perBatch.toFixed(1)}`);
        }
        threadCpu[transport] = threads.join(', ');
        sender.off('message', onMessage);
        resolve(spansPerSecond(count * SPANS_PER_BATCH, message.elapsedMs!));
      };
      sender.on('message', onMessage);
      sender.once('error', reject);
      sender.once('exit', (code) => reject(new Error(`sender process exited (code ${code}) while sending ${transport}`)));
      sender.send({ transport, first, count, url: viewer.url, grpcPort: viewer.grpcPort ?? 0 } satisfies SendOrder);
    });

  // Warm-up (JIT, page cache), not timed: a few batches per transport.
  const timed = (['protobuf', 'json', 'grpc'] as const).filter((transport) => TRANSPORTS.includes(transport));
  for (const [index, transport] of timed.entries()) await overSender(transport, 10_000 + index * WARMUP_BATCHES, WARMUP_BATCHES);
  // Each transport's baseline is measured just before it (other batches, so no row is ignored as
  // a duplicate): this machine's speed drifts by a third from one minute to the next.
  const rates: Partial<Record<Transport, number>> = {};
  const raw: Partial<Record<Transport, number>> = {};
  for (const [index, transport] of timed.entries()) {
    raw[transport] = baseline(100_000 + BATCHES * index);
    rates[transport] = await overSender(transport, BATCHES * (index + 1));
  }
  // The baselines' rows and the bench's garbage are not the viewer's: collect them first (gc is
  // exposed at run time, so the bench command needs no flag).
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  const rssLoaded = process.memoryUsage().rss;
  sender.kill();

  console.log(`viewer ingest: ${BATCHES} batches x ${SPANS_PER_BATCH} spans x ~20 attributes per transport (after ${WARMUP_BATCHES} warm-up batches each), ${SENDERS} concurrent senders in a child process`);
  for (const [transport, name, aim] of [['protobuf', 'OTLP/HTTP protobuf', 30_000], ['json', 'OTLP/HTTP JSON', 15_000], ['grpc', 'OTLP/gRPC', 30_000]] as const) {
    const rate = rates[transport];
    const base = raw[transport];
    if (rate === undefined || base === undefined) continue;
    console.log(`  ${name.padEnd(20)} ${String(rate).padStart(7)} spans/s  = ${(rate / base).toFixed(2)} x baseline measured just before (${base} spans/s raw batched SQLite inserts of the same rows)  (aim ${aim})`);
  }
  const busy = (transport: Transport): string => `${((utilization[transport] ?? 0) * 100).toFixed(0)}%`;
  console.log(`  viewer event loop busy while receiving: protobuf ${busy('protobuf')}, JSON ${busy('json')}, gRPC ${busy('grpc')}`);
  const cpu = (transport: Transport): string => `${(cpuMsPerBatch[transport] ?? 0).toFixed(1)} ms`;
  console.log(`  viewer CPU (all threads) per 512-span batch: protobuf ${cpu('protobuf')}, JSON ${cpu('json')}, gRPC ${cpu('grpc')}`);
  const senderCpu = (transport: Transport): string => `${(senderCpuMsPerBatch[transport] ?? 0).toFixed(1)} ms`;
  for (const transport of timed) console.log(`  viewer threads over 0.5 ms CPU per batch (${transport}): ${threadCpu[transport]}`);
  console.log(`  sender process CPU per batch (same 2 cores): protobuf ${senderCpu('protobuf')}, JSON ${senderCpu('json')}, gRPC ${senderCpu('grpc')}`);
  console.log(`  RSS of the viewer process: before viewer ${mib(rssIdleBefore)}, viewer idle ${mib(rssIdle)}, after ingest ${mib(rssLoaded)} after a full GC (${(await viewer.store.getStats()).spans} spans stored)`);
  await viewer.close();
  rmSync(dir, { recursive: true, force: true });
}
