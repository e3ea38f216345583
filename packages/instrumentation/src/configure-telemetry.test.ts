import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { diag, DiagLogLevel, trace } from '@opentelemetry/api';
import { FunctionModel, getModelHooks, modelRequest, textPart, userPrompt } from '@hopscope/models';
import { configureTelemetry, type ConfigureTelemetryOptions, type TelemetryHandle } from './configure-telemetry.js';
import { instrumentAll, type UninstallInstrumentation } from './instrument-all.js';
import { InstrumentedModel } from './instrumented-model.js';
import { InstrumentationSettings } from './settings.js';

interface Received {
  readonly path: string;
  readonly contentType: string | undefined;
  readonly body: string;
}

async function startCollector(): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ path: req.url ?? '', contentType: req.headers['content-type'], body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

interface OtlpJsonTraces {
  resourceSpans: { resource: { attributes: { key: string; value: { stringValue?: string } }[] }; scopeSpans: { scope: { name: string }; spans: { name: string }[] }[] }[];
}

/** The span names of every JSON trace export received, by the resource's service.name. */
function spanNamesByService(received: readonly Received[]): Record<string, string[]> {
  const byService: Record<string, string[]> = {};
  for (const r of received.filter((r) => r.path === '/v1/traces')) {
    for (const resourceSpans of (JSON.parse(r.body) as OtlpJsonTraces).resourceSpans) {
      const service = resourceSpans.resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue ?? '?';
      (byService[service] ??= []).push(...resourceSpans.scopeSpans.flatMap((s) => s.spans.map((span) => span.name)));
    }
  }
  for (const names of Object.values(byService)) names.sort();
  return byService;
}

/** diag errors and warnings, collected until the test ends. */
function captureDiag(): string[] {
  const messages: string[] = [];
  const push = (message: string) => messages.push(message);
  diag.setLogger({ error: push, warn: push, info: () => undefined, debug: () => undefined, verbose: () => undefined }, DiagLogLevel.WARN);
  return messages;
}

const echo = () => new FunctionModel(() => [textPart('hello')], { modelName: 'echo', system: 'test' });

let handle: TelemetryHandle | undefined;
let uninstall: UninstallInstrumentation | undefined;
afterEach(async () => {
  await handle?.shutdown();
  handle = undefined;
  uninstall?.();
  await uninstall?.telemetry?.shutdown();
  uninstall = undefined;
  diag.disable();
});

describe('configureTelemetry', () => {
  it('exports spans and metrics as OTLP/HTTP JSON to the configured endpoint', async () => {
    const collector = await startCollector();
    try {
      handle = configureTelemetry({ serviceName: 'otlp-test', endpoint: collector.url, protocol: 'http/json', registerGlobal: false, flushOnExit: false, env: {} });
      const settings = new InstrumentationSettings({ tracerProvider: handle.tracerProvider, meterProvider: handle.meterProvider, loggerProvider: handle.loggerProvider });
      const model = new InstrumentedModel(new FunctionModel(() => [textPart('hello')], { modelName: 'echo', system: 'test' }), settings);
      await model.request([modelRequest([userPrompt('hi')])]);
      await handle.forceFlush();
      const traces = collector.received.find((r) => r.path === '/v1/traces');
      expect(traces?.contentType).toContain('application/json');
      const body = JSON.parse(traces?.body ?? '{}') as OtlpJsonTraces;
      const resourceSpans = body.resourceSpans[0];
      expect(resourceSpans?.resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue).toBe('otlp-test');
      expect(resourceSpans?.scopeSpans[0]?.scope.name).toBe('@hopscope/instrumentation');
      expect(resourceSpans?.scopeSpans[0]?.spans.map((s) => s.name)).toEqual(['chat echo']);
      expect(collector.received.some((r) => r.path === '/v1/metrics' && r.body.includes('gen_ai.client.token.usage'))).toBe(true);
    } finally {
      await collector.close();
    }
  });

  it('exports OTLP/HTTP protobuf by default, as the specification says, and follows the protocol variables per signal', async () => {
    const collector = await startCollector();
    try {
      const contentTypes = async (env: Record<string, string>) => {
        collector.received.length = 0;
        handle = configureTelemetry({ endpoint: collector.url, registerGlobal: false, flushOnExit: false, env });
        await new InstrumentedModel(echo(), new InstrumentationSettings({ tracerProvider: handle.tracerProvider, meterProvider: handle.meterProvider })).request([modelRequest([userPrompt('hi')])]);
        await handle.shutdown();
        return Object.fromEntries(collector.received.map((r) => [r.path, r.contentType]));
      };
      expect(await contentTypes({})).toEqual({ '/v1/traces': 'application/x-protobuf', '/v1/metrics': 'application/x-protobuf' });
      expect(await contentTypes({ OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json', OTEL_EXPORTER_OTLP_METRICS_PROTOCOL: 'http/protobuf' })).toEqual({ '/v1/traces': 'application/json', '/v1/metrics': 'application/x-protobuf' });
      expect(handle?.protocols).toEqual({ traces: 'http/json', metrics: 'http/protobuf', logs: 'http/json' });
    } finally {
      await collector.close();
    }
  });

  it('throws at once for grpc or an unknown protocol, naming the supported ones', () => {
    expect(() => configureTelemetry({ registerGlobal: false, flushOnExit: false, env: { OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' } })).toThrow(/valid values: http\/protobuf, http\/json \(grpc is not supported here/);
    expect(() => configureTelemetry({ registerGlobal: false, flushOnExit: false, env: { OTEL_EXPORTER_OTLP_LOGS_PROTOCOL: 'http/xml' } })).toThrow(/invalid OTEL_EXPORTER_OTLP_LOGS_PROTOCOL "http\/xml"; valid values: http\/protobuf, http\/json/);
  });

  it('puts OTEL_RESOURCE_ATTRIBUTES on the resource, OTEL_SERVICE_NAME over its service.name, the serviceName option over both', async () => {
    const collector = await startCollector();
    try {
      const OTEL_RESOURCE_ATTRIBUTES = 'deployment.environment.name=staging,service.name=from-attributes,team=ai%20platform';
      handle = configureTelemetry({ endpoint: collector.url, protocol: 'http/json', registerGlobal: false, flushOnExit: false, env: { OTEL_RESOURCE_ATTRIBUTES } });
      handle.tracerProvider.getTracer('probe').startSpan('probe').end();
      await handle.forceFlush();
      const resource = (JSON.parse(collector.received[0]?.body ?? '{}') as OtlpJsonTraces).resourceSpans[0]?.resource;
      const attributes = Object.fromEntries(resource?.attributes.map((a) => [a.key, a.value.stringValue]) ?? []);
      expect(attributes).toMatchObject({ 'deployment.environment.name': 'staging', 'service.name': 'from-attributes', team: 'ai platform', 'telemetry.sdk.language': 'nodejs' });
      await handle.shutdown();
      handle = configureTelemetry({ registerGlobal: false, flushOnExit: false, env: { OTEL_RESOURCE_ATTRIBUTES, OTEL_SERVICE_NAME: 'from-env' } });
      expect(handle.serviceName).toBe('from-env');
      await handle.shutdown();
      handle = configureTelemetry({ serviceName: 'from-code', registerGlobal: false, flushOnExit: false, env: { OTEL_RESOURCE_ATTRIBUTES, OTEL_SERVICE_NAME: 'from-env' } });
      expect(handle.serviceName).toBe('from-code');
    } finally {
      await collector.close();
    }
  });

  it('reads the endpoint and service name from OTEL_* variables', () => {
    handle = configureTelemetry({ registerGlobal: false, flushOnExit: false, env: { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:1', OTEL_SERVICE_NAME: 'from-env' } });
    expect(handle.endpoints.traces).toBe('http://127.0.0.1:1/v1/traces');
    expect(handle.serviceName).toBe('from-env');
  });

  it('installs exit handlers and removes them on shutdown', async () => {
    const before = process.listenerCount('SIGTERM');
    handle = configureTelemetry({ registerGlobal: false, endpoint: 'http://127.0.0.1:1', env: {} });
    expect(process.listenerCount('SIGTERM')).toBe(before + 1);
    await handle.shutdown();
    expect(process.listenerCount('SIGTERM')).toBe(before);
  });
});

describe("instrumentAll({ export: 'otlp' })", () => {
  it('configures the SDK and records to it', async () => {
    const collector = await startCollector();
    uninstall = instrumentAll({ export: 'otlp', includeContent: false, telemetry: { endpoint: collector.url, registerGlobal: false, flushOnExit: false, env: {} } });
    try {
      await new FunctionModel(() => [textPart('hello')], { modelName: 'echo', system: 'test' }).request([modelRequest([userPrompt('secret prompt')])]);
      await uninstall.telemetry?.forceFlush();
      const traces = collector.received.find((r) => r.path === '/v1/traces');
      expect(traces?.body).toContain('chat echo');
      expect(traces?.body).not.toContain('secret prompt');
      expect(uninstall.settings.includeContent).toBe(false);
    } finally {
      await collector.close();
    }
  });

  describe('called again', () => {
    const listeners = () => [process.listenerCount('beforeExit'), process.listenerCount('SIGTERM'), process.listenerCount('SIGINT')];

    it('with other options, shuts the first SDK down (flushed) and puts the second in its place, globals and exit handlers included', async () => {
      const collector = await startCollector();
      const diagMessages = captureDiag();
      const before = listeners();
      const options = (serviceName: string): ConfigureTelemetryOptions => ({ serviceName, endpoint: collector.url, protocol: 'http/json', env: {} });
      try {
        const first = instrumentAll({ export: 'otlp', telemetry: options('first') });
        await echo().request([modelRequest([userPrompt('one')])]);
        uninstall = instrumentAll({ export: 'otlp', telemetry: options('second') });
        expect(uninstall.telemetry).not.toBe(first.telemetry);
        expect(listeners()).toEqual(before.map((n) => n + 1));
        await echo().request([modelRequest([userPrompt('two')])]);
        trace.getTracer('user').startSpan('user span').end();
        await uninstall.telemetry?.shutdown(); // waits for the first SDK's flush too
        expect(spanNamesByService(collector.received)).toEqual({ first: ['chat echo'], second: ['chat echo', 'user span'] });
        expect(diagMessages).toEqual([]);
        expect(listeners()).toEqual(before);
      } finally {
        await collector.close();
      }
    });

    it('with the same telemetry options, keeps the SDK and replaces only the settings', () => {
      const diagMessages = captureDiag();
      const before = listeners();
      const telemetry = { endpoint: 'http://127.0.0.1:1', serviceName: 'same', env: {} };
      const first = instrumentAll({ export: 'otlp', telemetry });
      uninstall = instrumentAll({ export: 'otlp', includeContent: false, telemetry: { ...telemetry } });
      expect(uninstall.telemetry).toBe(first.telemetry);
      expect(uninstall.settings.includeContent).toBe(false);
      expect(listeners()).toEqual(before.map((n) => n + 1));
      expect(diagMessages).toEqual([]);
    });

    it('without export, keeps the SDK; a later export call still replaces it rather than stacking', async () => {
      const diagMessages = captureDiag();
      const before = listeners();
      const first = instrumentAll({ export: 'otlp', telemetry: { endpoint: 'http://127.0.0.1:1', serviceName: 'first', env: {} } });
      const plain = instrumentAll({ version: 3 });
      expect(plain.settings.version).toBe(3);
      uninstall = instrumentAll({ export: 'otlp', telemetry: { endpoint: 'http://127.0.0.1:1', serviceName: 'third', env: {} } });
      expect(uninstall.telemetry).not.toBe(first.telemetry);
      expect(listeners()).toEqual(before.map((n) => n + 1));
      expect(diagMessages).toEqual([]);
    });

    it('with a bad option, throws and leaves the first call installed', () => {
      uninstall = instrumentAll({ export: 'otlp', telemetry: { endpoint: 'http://127.0.0.1:1', env: {} } });
      const hooks = getModelHooks();
      expect(() => instrumentAll({ export: 'otlp', telemetry: { endpoint: 'http://127.0.0.1:1', env: { OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' } } })).toThrow(/valid values: http\/protobuf, http\/json/);
      expect(() => instrumentAll({ export: 'otlp', version: 9 as never, telemetry: { endpoint: 'http://127.0.0.1:2', env: {} } })).toThrow(/valid values: 1, 2, 3, 4, 5/);
      expect(getModelHooks()).toBe(hooks);
      expect(trace.getTracerProvider()).toMatchObject({ getDelegate: expect.any(Function) });
      expect((trace.getTracerProvider() as unknown as { getDelegate(): unknown }).getDelegate()).toBe(uninstall.telemetry?.tracerProvider);
    });
  });
});
