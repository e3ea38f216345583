/**
 * The whole pipeline, as the README's first command runs it: real SDKs -> loopback mock provider
 * -> FallbackModel / Agent -> instrumentAll -> OTLP/HTTP exporter -> viewer server -> JSON API.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TraceDetail, TraceListResponse, TraceSummary } from '../../packages/viewer/src/shared/api-types.js';
import { startViewer, type ViewerHandle } from '@hopscope/viewer';
import { startDemo } from '../../packages/viewer/src/demo/index.js';
import { DEMO_SCENARIOS } from '../../packages/viewer/src/demo/scenarios.js';

let viewer: ViewerHandle;
let dataDir: string;
let traces: TraceSummary[];
const lines: string[] = [];

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(`${viewer.url}${path}`);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

async function detailOf(summary: TraceSummary): Promise<TraceDetail> {
  return getJson<TraceDetail>(`/api/traces/${summary.traceId}`);
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'hopscope-demo-'));
  viewer = await startViewer({ port: 0, grpcPort: null, db: dataDir });
  const demo = await startDemo({ otlpEndpoint: viewer.url, intervalMs: 0, maxRuns: DEMO_SCENARIOS.length, log: (line) => lines.push(line) });
  await demo.finished;
  await demo.stop();
  traces = [...(await getJson<TraceListResponse>('/api/traces?limit=100')).traces];
});

afterAll(async () => {
  await viewer?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('the demo through the real pipeline', () => {
  it('runs every scenario to success', () => {
    expect(lines).toHaveLength(DEMO_SCENARIOS.length);
    for (const line of lines) expect(line).toMatch(/: ok$/);
  });

  it('stores one trace per scenario, with fallback traces marked', () => {
    expect(traces.length).toBe(DEMO_SCENARIOS.length);
    const fallbackTraces = traces.filter((t) => t.hasFallback);
    expect(fallbackTraces.length).toBeGreaterThanOrEqual(4);
    expect(fallbackTraces.some((t) => t.failedHopCount >= 2)).toBe(true);
  });

  it('gives the three-member chain one hop span per attempt with outcomes and the winner', async () => {
    const summary = traces.find((t) => t.failedHopCount === 2 && t.rootName.startsWith('chat'));
    expect(summary, JSON.stringify(traces.map((t) => [t.rootName, t.failedHopCount]))).toBeDefined();
    const detail = await detailOf(summary!);
    const hops = detail.spans.filter((s) => s.attributes['hopscope.hop.index'] !== undefined).sort((a, b) => Number(a.attributes['hopscope.hop.index']) - Number(b.attributes['hopscope.hop.index']));
    expect(hops.map((h) => [h.attributes['gen_ai.request.model'], h.attributes['hopscope.hop.outcome']])).toEqual([
      ['gpt-4o', 'error'],
      ['claude-sonnet-4-5', 'error'],
      ['gpt-4o-mini', 'ok'],
    ]);
    const root = detail.spans.find((s) => s.parentSpanId === null)!;
    expect(root.name).toBe('chat gpt-4o-mini');
    expect(hops.every((h) => h.parentSpanId === root.spanId)).toBe(true);
    expect(summary!.usage.inputTokens).toBe(38);
    expect(summary!.usage.costUsd).not.toBeNull();
  });

  it('records the agent run with its tool span and the hops of both model requests', async () => {
    const summary = traces.find((t) => t.rootName === 'invoke_agent support-bot');
    expect(summary).toBeDefined();
    const detail = await detailOf(summary!);
    expect(detail.spans.some((s) => s.name === 'execute_tool lookup_order')).toBe(true);
    expect(detail.spans.filter((s) => s.name.startsWith('chat ') && s.attributes['hopscope.hop.index'] === undefined)).toHaveLength(2);
    expect(detail.spans.some((s) => s.attributes['hopscope.hop.outcome'] === 'skipped')).toBe(true);
  });

  it('keeps untrusted model output as literal text', async () => {
    const summary = traces.find((t) => t.rootName === 'chat gpt-4o-mini' && !t.hasFallback);
    const detail = await detailOf(summary!);
    expect(JSON.stringify(detail.spans[0]!.attributes['gen_ai.output.messages'])).toContain('<script>alert(\\"xss\\")</script>');
  });
});
