import { afterEach, describe, expect, it, vi } from 'vitest';
import { context, createContextKey, diag, trace, type Context } from '@opentelemetry/api';
import { FunctionModel, modelRequest, requestUsage, textPart, userPrompt, WrapperModel, type ModelResponse, type StreamAnswerFunction } from '@hopscope/models';
import { createTestTelemetry } from './testing/index.js';
import { InstrumentedModel, instrumentModel } from './instrumented-model.js';

const usage = requestUsage({ inputTokens: 300, outputTokens: 400 });

function openaiLike(answer: () => ModelResponse['parts'] | Promise<ModelResponse['parts']>) {
  return new FunctionModel(async () => ({ parts: await answer(), usage, modelName: 'gpt-4o-2024-11-20', providerResponseId: 'resp_1', finishReason: 'stop' }), {
    modelName: 'gpt-4o',
    system: 'openai',
  });
}

function streamingModel(stream: StreamAnswerFunction): FunctionModel {
  return new FunctionModel(undefined, { modelName: 'gpt-4o', system: 'openai', stream });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('InstrumentedModel', () => {
  it('opens one CLIENT chat span with start and finish attributes and renames it', async () => {
    const telemetry = createTestTelemetry();
    const model = new InstrumentedModel(openaiLike(() => [textPart('Paris.')]), telemetry.settings());
    await model.request([modelRequest([userPrompt('Capital of France?')])], { temperature: 0.2 });
    const [span, ...rest] = telemetry.projectSpans();
    expect(rest).toEqual([]);
    expect(span?.name).toBe('chat gpt-4o');
    expect(span?.kind).toBe('CLIENT');
    expect(span?.status).toEqual({ code: 'UNSET' });
    expect(span?.attributes).toMatchObject({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': 'gpt-4o',
      'gen_ai.request.temperature': 0.2,
      'gen_ai.input.messages': [{ role: 'user', parts: [{ type: 'text', content: 'Capital of France?' }] }],
      'gen_ai.output.messages': [{ role: 'assistant', parts: [{ type: 'text', content: 'Paris.' }], finish_reason: 'stop' }],
      'gen_ai.usage.input_tokens': 300,
      'gen_ai.usage.output_tokens': 400,
      'gen_ai.response.model': 'gpt-4o-2024-11-20',
      'gen_ai.response.id': 'resp_1',
      'gen_ai.response.finish_reasons': ['stop'],
    });
    expect(span?.attributes['operation.cost']).toBeCloseTo(0.00475, 12);
  });

  it('records metrics after a completed request: tokens, cost, duration', async () => {
    const telemetry = createTestTelemetry();
    await new InstrumentedModel(openaiLike(() => [textPart('ok')]), telemetry.settings()).request([modelRequest([userPrompt('hi')])]);
    const metrics = await telemetry.collectMetrics();
    const tokens = metrics.find((m) => m.name === 'gen_ai.client.token.usage');
    expect(tokens?.unit).toBe('{token}');
    expect(tokens?.points.map((p) => [p.attributes['gen_ai.token.type'], p.sum])).toEqual([
      ['input', 300],
      ['output', 400],
    ]);
    expect(tokens?.points[0]?.attributes).toMatchObject({ 'gen_ai.provider.name': 'openai', 'gen_ai.request.model': 'gpt-4o', 'gen_ai.response.model': 'gpt-4o-2024-11-20' });
    expect(metrics.find((m) => m.name === 'operation.cost')?.points[0]?.sum).toBeCloseTo(0.00475, 12);
    expect(metrics.find((m) => m.name === 'gen_ai.client.operation.duration')?.points[0]?.count).toBe(1);
  });

  it('records a failed request as an exception event and ERROR, keeps start attributes only, no metrics', async () => {
    const telemetry = createTestTelemetry();
    const model = new InstrumentedModel(
      openaiLike(() => {
        throw new TypeError('boom');
      }),
      telemetry.settings(),
    );
    await expect(model.request([modelRequest([userPrompt('hi')])])).rejects.toThrow('boom');
    const [span] = telemetry.projectSpans();
    expect(span?.status).toEqual({ code: 'ERROR', message: 'TypeError: boom' });
    expect(span?.events).toEqual([{ name: 'exception', attributes: { 'exception.type': 'TypeError', 'exception.message': 'boom', 'exception.stacktrace': 'TypeError: boom', 'exception.escaped': 'False' } }]);
    expect(Object.keys(span?.attributes ?? {}).some((key) => key.startsWith('gen_ai.response') || key.startsWith('gen_ai.usage'))).toBe(false);
    expect(await telemetry.collectMetrics()).toEqual([]);
  });

  it('runs the call in the chat span context: the active span is the chat span, children nest, values set on it are kept', async () => {
    const telemetry = createTestTelemetry();
    const key = createContextKey('test.value');
    const seen: { value?: unknown } = {};
    const model = new InstrumentedModel(
      openaiLike(() => {
        seen.value = context.active().setValue(key, 'kept').getValue(key);
        telemetry.tracerProvider.getTracer('test').startSpan('child').end();
        return [textPart('ok')];
      }),
      telemetry.settings(),
    );
    await model.request([modelRequest([userPrompt('hi')])]);
    expect(telemetry.projectSpans().map((span) => [span.name, span.parent])).toEqual([
      ['chat gpt-4o', null],
      ['child', 'chat gpt-4o'],
    ]);
    expect(seen.value).toBe('kept');
  });

  it('never breaks the call when the chat context cannot be derived from the caller context', async () => {
    const telemetry = createTestTelemetry();
    const errors: string[] = [];
    vi.spyOn(diag, 'error').mockImplementation((message: string) => {
      errors.push(message);
    });
    const root = context.active();
    const readOnly: Context = {
      getValue: (key) => root.getValue(key),
      setValue: () => {
        throw new Error('read-only context');
      },
      deleteValue: () => root,
    };
    let active: unknown = 'not called';
    const model = new InstrumentedModel(
      openaiLike(() => {
        active = trace.getSpan(context.active());
        return [textPart('ok')];
      }),
      telemetry.settings(),
    );
    const response = await context.with(readOnly, () => model.request([modelRequest([userPrompt('hi')])]));
    expect(response.parts).toEqual([textPart('ok')]);
    expect(active).toBeUndefined();
    expect(errors.some((error) => error.includes('chat context failed: Error: read-only context'))).toBe(true);
  });

  it('turns a model that throws synchronously into a rejected promise and an ERROR span', async () => {
    const telemetry = createTestTelemetry();
    class ThrowingModel extends WrapperModel {
      override request(): never {
        throw new RangeError('sync');
      }
    }
    const pending = new InstrumentedModel(new ThrowingModel(openaiLike(() => [])), telemetry.settings()).request([modelRequest([userPrompt('hi')])]);
    await expect(pending).rejects.toThrow('sync');
    expect(telemetry.projectSpans()[0]?.status).toEqual({ code: 'ERROR', message: 'RangeError: sync' });
  });

  it('never breaks the call when the mapper throws: reports through diag and returns the response', async () => {
    const telemetry = createTestTelemetry();
    const errors: string[] = [];
    vi.spyOn(diag, 'error').mockImplementation((message: string) => {
      errors.push(message);
    });
    const poisoned = { partKind: 'user-prompt', get content(): string { throw new Error('poisoned part'); } } as never;
    const model = new InstrumentedModel(openaiLike(() => [textPart('fine')]), telemetry.settings());
    const response = await model.request([modelRequest([poisoned])]);
    expect(response.parts).toEqual([textPart('fine')]);
    expect(errors.some((e) => e.includes('poisoned part'))).toBe(true);
    expect(telemetry.projectSpans()).toHaveLength(1);
  });

  it('keeps a stream span open while iterating and finishes with the partial response on break', async () => {
    const telemetry = createTestTelemetry();
    const streaming = streamingModel(async function* () {
      yield 'text1';
      yield 'text2';
    });
    const model = new InstrumentedModel(streaming, telemetry.settings());
    const stream = await model.requestStream([modelRequest([userPrompt('hi')])]);
    expect(telemetry.projectSpans()).toEqual([]);
    for await (const event of stream) {
      if (event.eventKind === 'part-start') break;
    }
    const [span] = telemetry.projectSpans();
    expect(span?.attributes['gen_ai.output.messages']).toEqual([{ role: 'assistant', parts: [{ type: 'text', content: 'text1' }] }]);
    expect(typeof span?.attributes['gen_ai.client.operation.time_to_first_chunk']).toBe('number');
  });

  it('records a failing stream with its partial response and the error', async () => {
    const telemetry = createTestTelemetry();
    const streaming = streamingModel(async function* () {
      yield 'text1';
      throw new RangeError('connection reset');
    });
    const stream = await new InstrumentedModel(streaming, telemetry.settings()).requestStream([modelRequest([userPrompt('hi')])]);
    await expect(stream.finalResponse()).rejects.toThrow('connection reset');
    const [span] = telemetry.projectSpans();
    expect(span?.status).toEqual({ code: 'ERROR', message: 'RangeError: connection reset' });
    expect(span?.attributes['gen_ai.output.messages']).toEqual([{ role: 'assistant', parts: [{ type: 'text', content: 'text1' }] }]);
    expect(await telemetry.collectMetrics()).toEqual([]);
  });

  it('instrumentModel never wraps twice and nested wrappers give one span', async () => {
    const telemetry = createTestTelemetry();
    const once = instrumentModel(openaiLike(() => [textPart('x')]), telemetry.settings());
    expect(instrumentModel(once, telemetry.settings())).toBe(once);
    const twice = new InstrumentedModel(once, telemetry.settings());
    await twice.request([modelRequest([userPrompt('hi')])]);
    expect(telemetry.projectSpans()).toHaveLength(1);
  });
});
