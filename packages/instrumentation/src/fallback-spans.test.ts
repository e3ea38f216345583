import { describe, expect, it } from 'vitest';
import { FallbackModel, FunctionModel, ModelAPIError, modelRequest, requestUsage, textPart, userPrompt } from '@hopscope/models';
import { createTestTelemetry } from './testing/index.js';
import { InstrumentedModel } from './instrumented-model.js';

const messages = [modelRequest([userPrompt('hi')])];

function failing(name: string): FunctionModel {
  return new FunctionModel(
    () => {
      throw new ModelAPIError(`${name} is down`, { modelName: name, provider: 'test' });
    },
    { modelName: name, system: 'test' },
  );
}

describe('InstrumentedModel around a FallbackModel', () => {
  it('keeps the fallback name and records the group error when every member fails, with one ERROR span per hop', async () => {
    const telemetry = createTestTelemetry();
    const model = new InstrumentedModel(new FallbackModel(failing('a'), failing('b'), { memberRetry: false, retry: false, cooldown: false }), telemetry.settings());
    await expect(model.request(messages)).rejects.toThrow();
    const spans = telemetry.projectSpans();
    expect(spans.map((s) => [s.name, s.parent, s.status.code, s.attributes['hopscope.hop.outcome'] ?? null])).toEqual([
      ['chat fallback:a,b', null, 'ERROR', null],
      ['chat a', 'chat fallback:a,b', 'ERROR', 'error'],
      ['chat b', 'chat fallback:a,b', 'ERROR', 'error'],
    ]);
    expect(spans[0]?.attributes['gen_ai.provider.name']).toBe('fallback:test,test');
    expect(spans[0]?.events[0]?.attributes['exception.type']).toBe('FallbackExceptionGroup');
    expect(await telemetry.collectMetrics()).toEqual([]);
  });

  it('sums usage over the hops that consumed tokens and takes the winner identity', async () => {
    const telemetry = createTestTelemetry();
    const rejectedUsage = requestUsage({ inputTokens: 7, outputTokens: 1 });
    const first = new FunctionModel(() => ({ parts: [textPart('')], usage: rejectedUsage }), { modelName: 'first', system: 'test' });
    const second = new FunctionModel(() => ({ parts: [textPart('ok')], usage: requestUsage({ inputTokens: 5, outputTokens: 2 }) }), { modelName: 'second', system: 'other' });
    const onEmpty = { response: (response: { parts: readonly { partKind: string; content?: unknown }[] }) => response.parts.every((p) => p.content === '') };
    const fallback = new FallbackModel(first, second, { fallbackOn: [ModelAPIError, onEmpty], memberRetry: false, retry: false, cooldown: false });
    await new InstrumentedModel(fallback, telemetry.settings()).request(messages);
    const [parent, ...hops] = telemetry.projectSpans();
    expect(parent?.name).toBe('chat second');
    expect(parent?.attributes).toMatchObject({ 'gen_ai.provider.name': 'other', 'gen_ai.usage.input_tokens': 12, 'gen_ai.usage.output_tokens': 3 });
    expect(hops.map((h) => [h.attributes['hopscope.hop.outcome'], h.attributes['hopscope.hop.winner'], h.attributes['gen_ai.usage.input_tokens']])).toEqual([
      ['rejected', false, 7],
      ['ok', true, 5],
    ]);
  });

  it('records each hop\'s tokens under its own model and provider, and the call\'s duration once under the winner', async () => {
    const telemetry = createTestTelemetry();
    const first = new FunctionModel(() => ({ parts: [textPart('')], usage: requestUsage({ inputTokens: 7, outputTokens: 1 }) }), { modelName: 'first', system: 'test' });
    const second = new FunctionModel(() => ({ parts: [textPart('ok')], usage: requestUsage({ inputTokens: 5, outputTokens: 2 }) }), { modelName: 'second', system: 'other' });
    const onEmpty = { response: (response: { parts: readonly { partKind: string; content?: unknown }[] }) => response.parts.every((p) => p.content === '') };
    const fallback = new FallbackModel(first, second, { fallbackOn: [ModelAPIError, onEmpty], memberRetry: false, retry: false, cooldown: false });
    await new InstrumentedModel(fallback, telemetry.settings()).request(messages);
    const metrics = await telemetry.collectMetrics();
    const tokens = metrics.find((m) => m.name === 'gen_ai.client.token.usage')?.points.map((p) => [p.attributes['gen_ai.request.model'], p.attributes['gen_ai.provider.name'], p.attributes['gen_ai.token.type'], p.sum]);
    expect(tokens?.sort()).toEqual([
      ['first', 'test', 'input', 7],
      ['first', 'test', 'output', 1],
      ['second', 'other', 'input', 5],
      ['second', 'other', 'output', 2],
    ]);
    const durations = metrics.find((m) => m.name === 'gen_ai.client.operation.duration')?.points;
    expect(durations?.map((p) => [p.attributes['gen_ai.request.model'], p.count])).toEqual([['second', 1]]);
  });
});
