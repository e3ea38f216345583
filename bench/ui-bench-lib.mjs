// Shared pieces of the UI benchmarks: a real viewer, Debian's Chromium, OTLP builders, percentiles.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

// playwright-core is a dev dependency of @hopscope/viewer, resolved from there.
const { chromium } = createRequire(new URL('../packages/viewer/package.json', import.meta.url))('playwright-core');

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'];
export const TIMEOUT_MS = 120_000;

/** The built viewer (`pnpm run build` first); HOPSCOPE_UI_BENCH_SERVER may name another module exporting startViewer. */
export async function startViewer() {
  const modulePath = process.env.HOPSCOPE_UI_BENCH_SERVER ?? new URL('../packages/viewer/dist/server/index.js', import.meta.url).pathname;
  const module = await import(pathToFileURL(modulePath).href);
  if (typeof module.startViewer !== 'function') throw new Error(`${modulePath} does not export startViewer: build the viewer server first`);
  const dataDir = await mkdtemp(join(tmpdir(), 'hopscope-ui-bench-'));
  const server = await module.startViewer({ port: 0, host: '127.0.0.1', db: join(dataDir, 'viewer.db'), grpcPort: null });
  const url = (server.url ?? `http://127.0.0.1:${server.port}`).replace(/\/$/, '');
  return { url, close: async () => { await server.close(); await rm(dataDir, { recursive: true, force: true }); } };
}

export async function launchBrowser() {
  const userDataDir = await mkdtemp(join(tmpdir(), 'hopscope-ui-bench-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, { executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS, viewport: { width: 1400, height: 900 } });
  context.setDefaultTimeout(TIMEOUT_MS);
  return { context, close: async () => { await context.close(); await rm(userDataDir, { recursive: true, force: true }); } };
}

export function hex(length) {
  return randomBytes(Math.ceil(length / 2)).toString('hex').slice(0, length);
}

const str = (key, value) => ({ key, value: { stringValue: value } });

/** One OTLP/JSON export of `spans` (objects with spanId, parentSpanId, name, attributes[]). */
export function otlpExport(traceId, spans) {
  const now = BigInt(Date.now()) * 1_000_000n;
  return {
    resourceSpans: [{
      resource: { attributes: [str('service.name', 'ui-bench')] },
      scopeSpans: [{
        scope: { name: 'ui-bench' },
        spans: spans.map((s, i) => ({
          traceId, spanId: s.spanId, parentSpanId: s.parentSpanId ?? '', name: s.name, kind: 1,
          startTimeUnixNano: String(now + BigInt(i) * 1000n), endTimeUnixNano: String(now + BigInt(i) * 1000n + 500_000n),
          attributes: s.attributes ?? [],
        })),
      }],
    }],
  };
}

/** A trace of `count` spans: a root, 100 children each with their own subtree, chat-like attributes. */
export function bigTrace(count) {
  const traceId = hex(32);
  const ids = Array.from({ length: count }, () => hex(16));
  const spans = ids.map((spanId, i) => ({
    spanId,
    parentSpanId: i === 0 ? '' : ids[i < 101 ? 0 : 1 + ((i - 101) % 100)],
    name: i === 0 ? 'bench root' : `chat model-${i % 7}`,
    attributes: i === 0 ? [] : [str('gen_ai.operation.name', 'chat'), str('gen_ai.request.model', `model-${i % 7}`), { key: 'gen_ai.usage.input_tokens', value: { intValue: '12' } }],
  }));
  return { traceId, rootSpanId: ids[0], spans };
}

export async function post(url, path, body) {
  const response = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
}

export async function postTrace(url, traceId, spans, batch = 2000) {
  for (let i = 0; i < spans.length; i += batch) await post(url, '/v1/traces', otlpExport(traceId, spans.slice(i, i + batch)));
}

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export const fmt = (n, digits = 1) => n.toFixed(digits);
