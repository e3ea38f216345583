/**
 * Trace-list latency with many spans stored (default one million): p50/p95 of /api/traces pages
 * with and without filters, against the baseline of /api/health (same server, same run).
 *
 * Run: npx pnpm@10.34.9 run bench:viewer-store   (BENCH_SPANS=1000000 by default)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeOtlpBody } from '../packages/viewer/src/server/otlp/otlp-codec.js';
import { parseTraceRequest } from '../packages/viewer/src/server/otlp/parse-trace-request.js';
import { startViewer } from '../packages/viewer/src/server/start-viewer.js';
import { buildBatch, mib, percentile } from './viewer-bench-data.js';

const SPANS = Number(process.env.BENCH_SPANS ?? 1_000_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 100);
const dir = mkdtempSync(join(tmpdir(), 'hopscope-bench-store-'));
const viewer = await startViewer({ port: 0, grpcPort: null, db: dir, maxBytes: 64 * 1024 ** 3, warn: () => undefined });

const fillStarted = performance.now();
for (let batch = 0; batch * 512 < SPANS; batch++) {
  await viewer.store.ingestSpans(parseTraceRequest(decodeOtlpBody('traces', 'json', Buffer.from(JSON.stringify(buildBatch(batch))))).spans);
}
const fillSeconds = (performance.now() - fillStarted) / 1000;

async function timeGet(path: string): Promise<number[]> {
  const times: number[] = [];
  for (let index = 0; index < SAMPLES; index++) {
    const started = performance.now();
    const response = await fetch(`${viewer.url}${path}`);
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${path}: HTTP ${response.status}`);
    times.push(performance.now() - started);
  }
  return times;
}

const firstPage = (await (await fetch(`${viewer.url}/api/traces?limit=50`)).json()) as { nextCursor: string };
const cases: [string, string][] = [
  ['baseline /api/health', '/api/health'],
  ['first page, no filter', '/api/traces?limit=50'],
  ['second page (cursor)', `/api/traces?limit=50&cursor=${firstPage.nextCursor}`],
  ['filter model', '/api/traces?limit=50&model=model-3'],
  ['filter model, no trace has it', '/api/traces?limit=50&model=model-none'],
  ['filter provider + fallback', '/api/traces?limit=50&provider=anthropic&hasFallback=true'],
  ['filter service + status', '/api/traces?limit=50&service=bench&status=UNSET'],
  ['filter tokens range', '/api/traces?limit=50&minTokens=1000&maxTokens=2000'],
  ['full-text q', '/api/traces?limit=50&q=weather%20city'],
  // "100001"* is city 100001 and 1000010-1000019: 11 traces, the newest ~half way back, the oldest near the start.
  ['full-text q, rare term', '/api/traces?limit=50&q=100001'],
];
const stats = await viewer.store.getStats();
console.log(`viewer store: ${stats.spans} spans (${mib(stats.bytes)} stored) filled in ${fillSeconds.toFixed(0)} s; ${SAMPLES} sequential requests per case`);
let baseline = 0;
for (const [name, path] of cases) {
  const times = await timeGet(path);
  const p50 = percentile(times, 50);
  const p95 = percentile(times, 95);
  if (baseline === 0) baseline = p50;
  console.log(`  ${name.padEnd(31)} p50 ${p50.toFixed(2).padStart(7)} ms  p95 ${p95.toFixed(2).padStart(7)} ms  (p50 = ${(p50 / baseline).toFixed(1)} x health)`);
}
console.log(`  RSS after fill and queries: ${mib(process.memoryUsage().rss)}`);
await viewer.close();
rmSync(dir, { recursive: true, force: true });
