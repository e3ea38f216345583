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
    // Failed hops (error, rejected) and hops not tried (skipped while cooling down) are counted apart.
    expect(fallbackTraces.some((t) => t.failedHopCount >= 1 && t.skippedHopCount === 0)).toBe(true);
    expect(fallbackTraces.some((t) => t.skippedHopCount >= 1)).toBe(true);
    expect(traces.filter((t) => !t.hasFallback).every((t) => t.failedHopCount === 0 && t.skippedHopCount === 0)).toBe(true);
  });

  it('gives each fallback call one hop span per attempt, with outcomes, errors and the winner', async () => {
    const details = await Promise.all(traces.filter((t) => t.hasFallback && t.rootName.startsWith('chat')).map(detailOf));
    const chains = details.map((detail) => {
      const root = detail.spans.find((s) => s.parentSpanId === null)!;
      const hops = detail.spans.filter((s) => s.attributes['hopscope.hop.index'] !== undefined).sort((a, b) => Number(a.attributes['hopscope.hop.index']) - Number(b.attributes['hopscope.hop.index']));
      return { detail, root, hops, outcomes: hops.map((h) => `${String(h.attributes['gen_ai.request.model'])}:${String(h.attributes['hopscope.hop.outcome'])}`) };
    });
    // Every hop is a child of its chat span, and the chat span is renamed to the winner.
    for (const chain of chains) {
      expect(chain.hops.length).toBeGreaterThanOrEqual(2);
      expect(chain.hops.every((h) => h.parentSpanId === chain.root.spanId)).toBe(true);
      const winner = chain.hops.find((h) => h.attributes['hopscope.hop.outcome'] === 'ok')!;
      expect(chain.root.name).toBe(`chat ${String(winner.attributes['gen_ai.request.model'])}`);
    }
    const outcomes = chains.map((c) => c.outcomes.join(' > '));
    // The 429 moves on at once, then the 429'd primary is skipped while it cools down.
    expect(outcomes).toContain('gpt-4o:error > claude-sonnet-4-6:ok');
    expect(outcomes.some((o) => o.startsWith('gpt-4o:skipped'))).toBe(true);
    // A 529 from Anthropic is an error hop with its typed exception; the third member wins.
    // The overloaded chain really asks every member: a 500 from gpt-4o, then a 529 from Anthropic.
    expect(outcomes).toContain('gpt-4o:error > claude-sonnet-4-6:error > gpt-4o-mini:ok');
    const overloaded = chains.find((c) => c.outcomes.includes('claude-sonnet-4-6:error') && c.outcomes.at(-1) === 'gpt-4o-mini:ok');
    expect(overloaded, outcomes.join('\n')).toBeDefined();
    const claudeHop = overloaded!.hops.find((h) => h.attributes['gen_ai.request.model'] === 'claude-sonnet-4-6')!;
    expect(claudeHop.status.code).toBe('ERROR');
    expect(claudeHop.events.some((e) => e.name === 'exception' && e.attributes['exception.type'] === 'ModelServerError')).toBe(true);
    // A response check rejected the weak answer.
    expect(outcomes).toContain('gpt-4o-mini:rejected > claude-sonnet-4-6:ok');
    // Only hops that consumed tokens count: the chain's usage equals the winner's here.
    const rateLimited = chains.find((c) => c.outcomes.join(' > ') === 'gpt-4o:error > claude-sonnet-4-6:ok')!;
    const summary = traces.find((t) => t.traceId === rateLimited.detail.summary.traceId)!;
    expect(summary.usage.inputTokens).toBe(41);
    expect([summary.failedHopCount, summary.skippedHopCount]).toEqual([1, 0]);
    expect(summary.usage.costUsd).toBeGreaterThan(0);
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
    const output = JSON.parse(String(detail.spans[0]!.attributes['gen_ai.output.messages'])) as { parts: { content: string }[] }[];
    expect(output[0]!.parts[0]!.content).toContain('<script>alert("xss")</script>');
  });
});

describe('the demo beside an environment meant for another collector', () => {
  it('still exports to its viewer over OTLP/HTTP when OTEL_EXPORTER_OTLP_PROTOCOL says grpc', async () => {
    const saved = process.env['OTEL_EXPORTER_OTLP_PROTOCOL'];
    process.env['OTEL_EXPORTER_OTLP_PROTOCOL'] = 'grpc';
    const own: string[] = [];
    try {
      const demo = await startDemo({ otlpEndpoint: viewer.url, intervalMs: 0, maxRuns: 1, log: (line) => own.push(line) });
      await demo.finished;
      await demo.stop();
    } finally {
      if (saved === undefined) delete process.env['OTEL_EXPORTER_OTLP_PROTOCOL'];
      else process.env['OTEL_EXPORTER_OTLP_PROTOCOL'] = saved;
    }
    expect(own).toEqual([`demo: ${DEMO_SCENARIOS[0]!.name}: ok`]);
  });
});
