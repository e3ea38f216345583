import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { FunctionModel, modelRequest, textPart, userPrompt } from '@hopscope/models';
import { configureTelemetry, type TelemetryHandle } from './configure-telemetry.js';
import { instrumentAll } from './instrument-all.js';
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

let handle: TelemetryHandle | undefined;
afterEach(async () => {
  await handle?.shutdown();
  handle = undefined;
});

describe('configureTelemetry', () => {
  it('exports spans and metrics as OTLP/HTTP JSON to the configured endpoint', async () => {
    const collector = await startCollector();
    try {
      handle = configureTelemetry({ serviceName: 'otlp-test', endpoint: collector.url, registerGlobal: false, flushOnExit: false, env: {} });
      const settings = new InstrumentationSettings({ tracerProvider: handle.tracerProvider, meterProvider: handle.meterProvider, loggerProvider: handle.loggerProvider });
      const model = new InstrumentedModel(new FunctionModel(() => [textPart('hello')], { modelName: 'echo', system: 'test' }), settings);
      await model.request([modelRequest([userPrompt('hi')])]);
      await handle.forceFlush();
      const traces = collector.received.find((r) => r.path === '/v1/traces');
      expect(traces?.contentType).toContain('application/json');
      const body = JSON.parse(traces?.body ?? '{}') as { resourceSpans: { resource: { attributes: { key: string; value: { stringValue?: string } }[] }; scopeSpans: { scope: { name: string }; spans: { name: string }[] }[] }[] };
      const resourceSpans = body.resourceSpans[0];
      expect(resourceSpans?.resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue).toBe('otlp-test');
      expect(resourceSpans?.scopeSpans[0]?.scope.name).toBe('@hopscope/instrumentation');
      expect(resourceSpans?.scopeSpans[0]?.spans.map((s) => s.name)).toEqual(['chat echo']);
      expect(collector.received.some((r) => r.path === '/v1/metrics' && r.body.includes('gen_ai.client.token.usage'))).toBe(true);
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
    const uninstall = instrumentAll({ export: 'otlp', includeContent: false, telemetry: { endpoint: collector.url, registerGlobal: false, flushOnExit: false, env: {} } });
    try {
      await new FunctionModel(() => [textPart('hello')], { modelName: 'echo', system: 'test' }).request([modelRequest([userPrompt('secret prompt')])]);
      await uninstall.telemetry?.forceFlush();
      const traces = collector.received.find((r) => r.path === '/v1/traces');
      expect(traces?.body).toContain('chat echo');
      expect(traces?.body).not.toContain('secret prompt');
      expect(uninstall.settings.includeContent).toBe(false);
    } finally {
      uninstall();
      await uninstall.telemetry?.shutdown();
      await collector.close();
    }
  });
});
