import { describe, expect, it } from 'vitest';
import { FallbackModel, FunctionModel, ModelAPIError, ModelServerError, modelRequest, requestUsage, textPart, userPrompt } from '@hopscope/models';
import { createTestTelemetry } from './testing/index.js';
import { instrumentAll } from './instrument-all.js';
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

  it('numbers the attempts at a member the chain retried: one hop span each, hopscope.hop.attempt from 2 on', async () => {
    const telemetry = createTestTelemetry();
    let calls = 0;
    const flaky = new FunctionModel(
      () => {
        calls += 1;
        if (calls === 1) throw new ModelServerError('b is down', { modelName: 'b', provider: 'test', statusCode: 503 });
        return [textPart('ok')];
      },
      { modelName: 'b', system: 'test' },
    );
    const fallback = new FallbackModel(failing('a'), flaky, { memberRetry: false, retry: { maxRetries: 1, initialDelayMs: 1, maxDelayMs: 1, jitter: 0 }, cooldown: false });
    await new InstrumentedModel(fallback, telemetry.settings()).request(messages);
    const hops = telemetry.projectSpans().slice(1);
    expect(hops.map((h) => [h.name, h.attributes['hopscope.hop.index'], h.attributes['hopscope.hop.attempt'] ?? null, h.attributes['hopscope.hop.outcome']])).toEqual([
      ['chat a', 0, null, 'error'],
      ['chat b', 1, null, 'error'],
      ['chat b', 1, 2, 'ok'],
    ]);
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

describe('a FallbackModel nested as a member of another', () => {
  const answering = (name: string, system: string, text: string, inputTokens: number, outputTokens: number) =>
    new FunctionModel(() => ({ parts: [textPart(text)], usage: requestUsage({ inputTokens, outputTokens }) }), { modelName: name, system });
  const nestedChain = () => {
    const rejectBad = { response: (response: { parts: readonly { partKind: string; content?: unknown }[] }) => response.parts.some((p) => p.content === 'bad') };
    const inner = new FallbackModel(answering('claude-3-5-sonnet-latest', 'anthropic', 'bad', 1000, 1000), answering('gpt-4o-mini', 'openai', 'good', 100, 10), {
      fallbackOn: [ModelAPIError, rejectBad],
      memberRetry: false,
      retry: false,
      cooldown: false,
    });
    return new FallbackModel(failing('gpt-4o'), inner, { memberRetry: false, retry: false, cooldown: false });
  };

  it.each([
    ['InstrumentedModel', (model: FallbackModel, settings: ReturnType<ReturnType<typeof createTestTelemetry>['settings']>) => new InstrumentedModel(model, settings).request(messages)],
    ['instrumentAll', async (model: FallbackModel, settings: ReturnType<ReturnType<typeof createTestTelemetry>['settings']>) => {
      const uninstall = instrumentAll(settings);
      try {
        return await model.request(messages);
      } finally {
        uninstall();
      }
    }],
  ] as const)('puts the inner chain\'s hops under its hop span, each priced at its own model, through %s', async (_how, run) => {
    const telemetry = createTestTelemetry();
    const response = await run(nestedChain(), telemetry.settings());
    expect(response.usage.inputTokens).toBe(1100);
    const spans = telemetry.projectSpans();
    // The outer chat span is renamed to its winner, the inner chain (as the reference names it).
    const inner = 'chat fallback:claude-3-5-sonnet-latest,gpt-4o-mini';
    expect(spans.map((s) => [s.name, s.parent, s.attributes['hopscope.hop.outcome'] ?? null, s.attributes['gen_ai.usage.input_tokens'] ?? null])).toEqual([
      [inner, null, null, 1100],
      ['chat gpt-4o', inner, 'error', null],
      [inner, inner, 'ok', 1100],
      ['chat claude-3-5-sonnet-latest', inner, 'rejected', 1000],
      ['chat gpt-4o-mini', inner, 'ok', 100],
    ]);
    // The inner chain's hops hang under its hop span, not under the chat span.
    const [chat, , innerHop, claudeHop, miniHop] = telemetry.finishedSpans();
    const parentOf = (span: typeof chat) => span?.parentSpanContext?.spanId;
    expect([parentOf(innerHop), parentOf(claudeHop), parentOf(miniHop)]).toEqual([chat?.spanContext().spanId, innerHop?.spanContext().spanId, innerHop?.spanContext().spanId]);
    const costs = spans.map((s) => s.attributes['operation.cost'] as number | undefined);
    expect(costs[3]).toBeCloseTo(0.018, 9);
    expect(costs[4]).toBeCloseTo(0.000021, 9);
    expect(costs[2]).toBeCloseTo(0.018021, 9);
    expect(costs[0]).toBeCloseTo(0.018021, 9);
    const metrics = await telemetry.collectMetrics();
    const inputTokens = metrics.find((m) => m.name === 'gen_ai.client.token.usage')?.points.filter((p) => p.attributes['gen_ai.token.type'] === 'input').map((p) => [p.attributes['gen_ai.request.model'], p.sum]);
    expect(inputTokens?.sort()).toEqual([['claude-3-5-sonnet-latest', 1000], ['gpt-4o-mini', 100]]);
  });
});
