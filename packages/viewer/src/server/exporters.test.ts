import { context, createTraceState, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Attributes } from '@opentelemetry/api';
import { OTLPLogExporter as OTLPLogExporterHttp } from '@opentelemetry/exporter-logs-otlp-http';
import { OTLPLogExporter as OTLPLogExporterProto } from '@opentelemetry/exporter-logs-otlp-proto';
import { OTLPTraceExporter as OTLPTraceExporterGrpc } from '@opentelemetry/exporter-trace-otlp-grpc';
import { OTLPTraceExporter as OTLPTraceExporterHttp } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as OTLPTraceExporterProto } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { LoggerProvider, SimpleLogRecordProcessor } from '@opentelemetry/sdk-logs';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { afterEach, describe, expect, it } from 'vitest';
import type { SpanRecord, TraceDetail, TraceListResponse } from '../shared/api-types.js';
import { startGrpcReceiver, type GrpcReceiver } from './grpc/grpc-receiver.js';
import { startTestViewer, type TestViewer } from './testing/start-test-viewer.js';

let viewer: TestViewer | undefined;
let grpc: GrpcReceiver | undefined;
afterEach(async () => {
  await grpc?.close();
  await viewer?.close();
  grpc = undefined;
});

const KINDS = ['INTERNAL', 'SERVER', 'CLIENT', 'PRODUCER', 'CONSUMER'];
const STATUS = ['UNSET', 'OK', 'ERROR'];
const nanos = ([seconds, nanoseconds]: [number, number]): string => (BigInt(seconds) * 1_000_000_000n + BigInt(nanoseconds)).toString();

/** Every field of the SDK span, as the viewer's SpanRecord must show it. */
function toExpectedRecord(span: ReadableSpan): Partial<SpanRecord> {
  return {
    traceId: span.spanContext().traceId,
    spanId: span.spanContext().spanId,
    parentSpanId: span.parentSpanContext?.spanId ?? null,
    name: span.name,
    kind: KINDS[span.kind] as SpanRecord['kind'],
    startTimeUnixNano: nanos(span.startTime),
    endTimeUnixNano: nanos(span.endTime),
    status: { code: STATUS[span.status.code] as SpanRecord['status']['code'], message: span.status.message ?? '' },
    traceState: span.spanContext().traceState?.serialize() ?? '',
    attributes: span.attributes as SpanRecord['attributes'],
    droppedAttributesCount: span.droppedAttributesCount,
    events: span.events.map((event) => ({ name: event.name, timeUnixNano: nanos(event.time), attributes: (event.attributes ?? {}) as SpanRecord['attributes'], droppedAttributesCount: event.droppedAttributesCount ?? 0 })),
    droppedEventsCount: span.droppedEventsCount,
    links: span.links.map((link) => ({
      traceId: link.context.traceId,
      spanId: link.context.spanId,
      traceState: link.context.traceState?.serialize() ?? '',
      flags: expect.any(Number) as unknown as number,
      attributes: (link.attributes ?? {}) as SpanRecord['attributes'],
      droppedAttributesCount: link.droppedAttributesCount ?? 0,
    })),
    droppedLinksCount: span.droppedLinksCount,
    resource: { attributes: span.resource.attributes as SpanRecord['attributes'], droppedAttributesCount: 0, schemaUrl: '' },
    scope: { name: span.instrumentationScope.name, version: span.instrumentationScope.version ?? '', attributes: {}, droppedAttributesCount: 0, schemaUrl: span.instrumentationScope.schemaUrl ?? '' },
  };
}

/** Emits a small GenAI trace through `exporter`, with every span feature the SDK has. */
async function emitTrace(exporter: SpanExporter): Promise<ReadableSpan[]> {
  const memory = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'exporter-test', 'deployment.environment': 'test' }),
    spanLimits: { attributeCountLimit: 8, eventCountLimit: 2, linkCountLimit: 1 },
    spanProcessors: [new SimpleSpanProcessor(exporter), new SimpleSpanProcessor(memory)],
  });
  const tracer = provider.getTracer('hopscope-exporter-test', '1.2.3', { schemaUrl: 'https://opentelemetry.io/schemas/1.30.0' });
  const remoteParent = trace.setSpanContext(ROOT_CONTEXT, { traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', traceFlags: 1, isRemote: true, traceState: createTraceState('vendor=abc,other=1') });
  const attributes: Attributes = { 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'gpt-4o', 'gen_ai.usage.input_tokens': 12, 'operation.cost': 0.25, 'flag': true, 'list': ['a', 'b'], 'numbers': [1.5, 2] };
  tracer.startActiveSpan('invoke_agent agent', { kind: SpanKind.INTERNAL }, remoteParent, (root) => {
    const chat = tracer.startSpan('chat gpt-4o', { kind: SpanKind.CLIENT, attributes, links: [{ context: root.spanContext(), attributes: { why: 'retry' } }, { context: root.spanContext() }] }, trace.setSpan(context.active(), root));
    for (let index = 0; index < 3; index++) chat.addEvent(`event ${index}`, { index, 'gen_ai.prompt': 'hello there' });
    for (let index = 0; index < 4; index++) chat.setAttribute(`extra.${index}`, index);
    chat.setStatus({ code: SpanStatusCode.ERROR, message: 'rate limited' });
    chat.end();
    root.end();
  });
  await provider.forceFlush();
  const finished = memory.getFinishedSpans();
  await provider.shutdown();
  return finished;
}

async function readTrace(url: string, traceId: string): Promise<TraceDetail> {
  const response = await fetch(`${url}/api/traces/${traceId}`);
  expect(response.status).toBe(200);
  return (await response.json()) as TraceDetail;
}

describe('real OpenTelemetry exporters against the viewer', () => {
  it.each([
    { name: 'OTLP/HTTP JSON', exporter: (url: string) => new OTLPTraceExporterHttp({ url: `${url}/v1/traces` }) },
    { name: 'OTLP/HTTP protobuf', exporter: (url: string) => new OTLPTraceExporterProto({ url: `${url}/v1/traces` }) },
    { name: 'OTLP/HTTP protobuf, gzip', exporter: (url: string) => new OTLPTraceExporterProto({ url: `${url}/v1/traces`, compression: 'gzip' as never }) },
  ])('$name: every span field arrives', async ({ exporter }) => {
    viewer = await startTestViewer();
    const spans = await emitTrace(exporter(viewer.url));
    const detail = await readTrace(viewer.url, spans[0]!.spanContext().traceId);
    expect(detail.spans).toHaveLength(2);
    for (const span of spans) expect(detail.spans.find((record) => record.spanId === span.spanContext().spanId)).toMatchObject(toExpectedRecord(span));
    expect(detail.summary).toMatchObject({ spanCount: 2, rootSpanId: null, models: ['gpt-4o'], usage: { inputTokens: 12, costUsd: 0.25 } });
    expect(spans.find((span) => span.name === 'chat gpt-4o')).toMatchObject({ droppedAttributesCount: 3, droppedEventsCount: 1 });
  });

  it('OTLP/gRPC: every span field arrives', async () => {
    viewer = await startTestViewer();
    grpc = await startGrpcReceiver({ store: viewer.store, gate: viewer.viewer.gate, host: '127.0.0.1', port: 0, maxRequestBytes: 64 * 1024 * 1024, onIngest: viewer.viewer.notifyIngest });
    const spans = await emitTrace(new OTLPTraceExporterGrpc({ url: `http://127.0.0.1:${grpc.port}` }));
    const detail = await readTrace(viewer.url, spans[0]!.spanContext().traceId);
    for (const span of spans) expect(detail.spans.find((record) => record.spanId === span.spanContext().spanId)).toMatchObject(toExpectedRecord(span));
  });

  it.each([
    { name: 'OTLP/HTTP JSON', exporter: (url: string) => new OTLPLogExporterHttp({ url: `${url}/v1/logs` }) },
    { name: 'OTLP/HTTP protobuf', exporter: (url: string) => new OTLPLogExporterProto({ url: `${url}/v1/logs` }) },
  ])('$name logs: GenAI events join their span and retries are not doubled', async ({ exporter }) => {
    viewer = await startTestViewer();
    const spans = await emitTrace(new OTLPTraceExporterHttp({ url: `${viewer.url}/v1/traces` }));
    const chat = spans.find((span) => span.name === 'chat gpt-4o')!;
    const provider = new LoggerProvider({ processors: [new SimpleLogRecordProcessor(exporter(viewer.url))] });
    const logger = provider.getLogger('pydantic-ai');
    const record = { eventName: 'gen_ai.user.message', body: { role: 'user', content: 'find the pangolin' }, attributes: { 'gen_ai.system': 'openai', 'gen_ai.message.index': 0 }, context: trace.setSpanContext(ROOT_CONTEXT, chat.spanContext()) };
    logger.emit(record);
    await provider.forceFlush();
    await provider.shutdown();
    const detail = await readTrace(viewer.url, chat.spanContext().traceId);
    expect(detail.logs).toEqual([expect.objectContaining({ spanId: chat.spanContext().spanId, eventName: 'gen_ai.user.message', body: { role: 'user', content: 'find the pangolin' }, attributes: { 'gen_ai.system': 'openai', 'gen_ai.message.index': 0 } })]);
    const search = (await (await fetch(`${viewer.url}/api/traces?q=pangolin`)).json()) as TraceListResponse;
    expect(search.traces.map((summary) => summary.traceId)).toEqual([chat.spanContext().traceId]);
  });
});
