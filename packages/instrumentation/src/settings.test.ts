import { afterEach, describe, expect, it, vi } from 'vitest';
import { diag, DiagLogLevel, metrics, trace, type MeterProvider } from '@opentelemetry/api';
import { FunctionModel, modelRequest, textPart, userPrompt, type ModelResponse } from '@hopscope/models';
import { InstrumentedModel } from './instrumented-model.js';
import { createTestTelemetry } from './testing/index.js';
import { InstrumentationSettings } from './settings.js';
import { INSTRUMENTATION_SCOPE_NAME, INSTRUMENTATION_SCOPE_VERSION } from './scope.js';

afterEach(() => {
  vi.restoreAllMocks();
  metrics.disable();
  trace.disable();
  diag.disable();
});

const echo = () => new FunctionModel(() => [textPart('hello')], { modelName: 'echo', system: 'test' });
const metricNames = async (telemetry: ReturnType<typeof createTestTelemetry>) => (await telemetry.collectMetrics()).map((metric) => metric.name).sort();

const response: ModelResponse = { kind: 'response', parts: [textPart('Hi!')], usage: { inputTokens: 1, outputTokens: 1, cacheWriteTokens: 0, cacheReadTokens: 0, inputAudioTokens: 0, cacheAudioReadTokens: 0, outputAudioTokens: 0, details: {} }, timestamp: new Date(0) };

describe('InstrumentationSettings', () => {
  it('forces version 1 for eventMode logs and warns once per process', () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    expect(new InstrumentationSettings({ eventMode: 'logs' }).version).toBe(1);
    expect(new InstrumentationSettings({ eventMode: 'logs', version: 3 }).version).toBe(1);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('throws at construction for a bad value, naming the valid ones', () => {
    expect(() => new InstrumentationSettings({ version: 0 as never })).toThrow(/valid values: 1, 2, 3, 4, 5/);
  });

  it('uses one instrumentation scope with the package version', async () => {
    const telemetry = createTestTelemetry();
    const settings = telemetry.settings();
    settings.tracer.startSpan('probe').end();
    const [span] = telemetry.finishedSpans();
    expect(span?.instrumentationScope).toEqual({ name: INSTRUMENTATION_SCOPE_NAME, version: INSTRUMENTATION_SCOPE_VERSION, schemaUrl: undefined });
  });

  it('exposes the v1 events and the v2+ messages of a conversation', () => {
    const settings = new InstrumentationSettings({ version: 4, includeContent: false });
    const messages = [modelRequest([userPrompt('Hello')]), response];
    expect(settings.messagesToOtelEvents(messages).map((e) => [e.name, e.body])).toEqual([
      ['gen_ai.user.message', { content: { kind: 'text' }, role: 'user' }],
      ['gen_ai.assistant.message', { role: 'assistant', content: [{ kind: 'text' }] }],
    ]);
    expect(settings.messagesToOtelMessages(messages)).toEqual([
      { role: 'user', parts: [{ type: 'text' }] },
      { role: 'assistant', parts: [{ type: 'text' }] },
    ]);
  });

  describe('without a meterProvider option', () => {
    it('records metrics to a global meter provider registered after it was made', async () => {
      const settings = new InstrumentationSettings();
      const sdk = createTestTelemetry();
      metrics.setGlobalMeterProvider(sdk.meterProvider);
      await new InstrumentedModel(echo(), settings).request([modelRequest([userPrompt('hi')])]);
      expect(await metricNames(sdk)).toEqual(['gen_ai.client.operation.duration', 'gen_ai.client.token.usage']);
    });

    it('follows the global meter provider when it is replaced, and makes the instruments once per provider', async () => {
      const first = createTestTelemetry();
      const second = createTestTelemetry();
      metrics.setGlobalMeterProvider(first.meterProvider);
      const settings = new InstrumentationSettings();
      const model = new InstrumentedModel(echo(), settings);
      await model.request([modelRequest([userPrompt('one')])]);
      expect(settings.instruments).toBe(settings.instruments);
      metrics.disable();
      metrics.setGlobalMeterProvider(second.meterProvider);
      await model.request([modelRequest([userPrompt('two')])]);
      const durations = async (telemetry: ReturnType<typeof createTestTelemetry>) => (await telemetry.collectMetrics()).find((m) => m.name === 'gen_ai.client.operation.duration')?.points.map((p) => p.count);
      expect(await durations(first)).toEqual([1]);
      expect(await durations(second)).toEqual([1]);
    });
  });

  it('without a tracerProvider option, follows a global tracer provider replaced after it was made', async () => {
    const first = createTestTelemetry();
    const second = createTestTelemetry();
    trace.setGlobalTracerProvider(first.tracerProvider);
    const model = new InstrumentedModel(echo(), new InstrumentationSettings());
    await model.request([modelRequest([userPrompt('one')])]);
    trace.disable();
    trace.setGlobalTracerProvider(second.tracerProvider);
    await model.request([modelRequest([userPrompt('two')])]);
    expect([first.projectSpans().length, second.projectSpans().length]).toEqual([1, 1]);
  });

  it('reports a meter that cannot make its histograms through diag, and the request still goes on', async () => {
    const errors: string[] = [];
    diag.setLogger({ error: (message: string) => errors.push(message), warn: () => undefined, info: () => undefined, debug: () => undefined, verbose: () => undefined }, DiagLogLevel.ERROR);
    const broken = { getMeter: () => ({ createHistogram: () => { throw new Error('createHistogram boom'); } }) } as unknown as MeterProvider;
    const settings = new InstrumentationSettings({ meterProvider: broken });
    const response = await new InstrumentedModel(echo(), settings).request([modelRequest([userPrompt('hi')])]);
    expect(response.parts).toEqual([textPart('hello')]);
    expect(errors).toEqual(['@hopscope/instrumentation: creating the chat metric instruments failed: Error: createHistogram boom']);
  });
});
