import { Client, credentials } from '@grpc/grpc-js';
import { afterEach, describe, expect, it } from 'vitest';
import { startGrpcReceiver } from '../grpc/grpc-receiver.js';
import { OTLP_MESSAGES } from '../otlp/otlp-messages.js';
import type { MetricSummary } from '../store/span-store.js';
import { buildMetricsExport } from '../testing/build-metrics.js';
import { startTestViewer, type TestViewer } from '../testing/start-test-viewer.js';

let viewer: TestViewer | undefined;
afterEach(async () => viewer?.close());

const FIRST = buildMetricsExport({ seconds: 10, input: [100, 2], output: [40, 2], cost: 0.5 });
const LATER = buildMetricsExport({ seconds: 20, input: [160, 3], output: [70, 3], cost: 0.25 });
const request = OTLP_MESSAGES.metrics.request;
const response = OTLP_MESSAGES.metrics.response;
const toProtobuf = (body: Record<string, unknown>): Uint8Array => request.encode(request.fromObject(body)).finish();

/** Sends one export (over gRPC, through a receiver of its own); resolves to its decoded partialSuccess (null when absent). */
type Send = (body: Record<string, unknown>) => Promise<unknown>;

async function postJson(body: Record<string, unknown>): Promise<unknown> {
  const reply = await fetch(`${viewer!.url}/v1/metrics`, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
  expect(reply.status).toBe(200);
  return ((await reply.json()) as { partialSuccess?: unknown }).partialSuccess ?? null;
}

async function postProtobuf(body: Record<string, unknown>): Promise<unknown> {
  const reply = await fetch(`${viewer!.url}/v1/metrics`, { method: 'POST', body: toProtobuf(body) as unknown as string, headers: { 'Content-Type': 'application/x-protobuf' } });
  expect(reply.status).toBe(200);
  return response.toObject(response.decode(new Uint8Array(await reply.arrayBuffer()))).partialSuccess ?? null;
}

async function sendGrpc(body: Record<string, unknown>): Promise<unknown> {
  const grpc = await startGrpcReceiver({ store: viewer!.store, gate: viewer!.viewer.gate, host: '127.0.0.1', port: 0, maxRequestBytes: 1024 * 1024, onIngest: viewer!.viewer.notifyIngest });
  const client = new Client(`127.0.0.1:${grpc.port}`, credentials.createInsecure());
  try {
    const reply = await new Promise<Buffer>((resolve, reject) => {
      client.makeUnaryRequest('/opentelemetry.proto.collector.metrics.v1.MetricsService/Export', (value: Buffer) => value, (value: Buffer) => value,
        Buffer.from(toProtobuf(body)), (error, value) => (error || value === undefined ? reject(error ?? new Error('no reply')) : resolve(value)));
    });
    return response.toObject(response.decode(reply)).partialSuccess ?? null;
  } finally {
    client.close();
    await grpc.close();
  }
}

const readMetrics = async (): Promise<MetricSummary[]> => ((await (await fetch(`${viewer!.url}/api/metrics`)).json()) as { metrics: MetricSummary[] }).metrics;

describe.each([
  { name: 'OTLP/HTTP JSON', send: postJson },
  { name: 'OTLP/HTTP protobuf', send: postProtobuf },
  { name: 'OTLP/gRPC', send: sendGrpc },
] satisfies { name: string; send: Send }[])('$name metrics', ({ send }) => {
  it('a retried export is stored once and is a success, not a rejection', async () => {
    viewer = await startTestViewer();
    expect(await send(FIRST)).toBeNull();
    const once = await readMetrics();
    expect(once).toEqual([
      { serviceName: 'metrics-test', name: 'gen_ai.client.token.usage', unit: '{token}', type: 'histogram', dataPoints: 2, valueSum: 140, valueCount: 4 },
      { serviceName: 'metrics-test', name: 'hopscope.cost', unit: 'USD', type: 'sum', dataPoints: 1, valueSum: 0.5, valueCount: 1 },
    ]);
    expect(await send(FIRST)).toBeNull();
    expect(await readMetrics()).toEqual(once);
  });

  it('a later export of the cumulative series is stored, and counted as a running total', async () => {
    viewer = await startTestViewer();
    for (const body of [FIRST, LATER, FIRST, LATER]) await send(body);
    expect(await readMetrics()).toEqual([
      { serviceName: 'metrics-test', name: 'gen_ai.client.token.usage', unit: '{token}', type: 'histogram', dataPoints: 4, valueSum: 230, valueCount: 6 },
      { serviceName: 'metrics-test', name: 'hopscope.cost', unit: 'USD', type: 'sum', dataPoints: 2, valueSum: 0.75, valueCount: 2 },
    ]);
  });
});
