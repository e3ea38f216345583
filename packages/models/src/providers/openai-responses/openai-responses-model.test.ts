import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ModelAPIError, ModelAuthError, ModelConnectionError, ModelHTTPError, ModelRateLimitError, ModelServerError, ModelTimeoutError } from '../../errors.js';
import { binaryContent, imageUrl, modelRequest, userPrompt } from '../../messages.js';
import { startMockProvider, type MockProvider, type RecordedExchange } from '../../testing/index.js';
import { errorOf, readRecordedExchange, REASONING_MESSAGES, TEXT_MESSAGES, TINY_PNG, TOOL_MESSAGES, TOOL_PARAMETERS } from '../shared/provider-test-kit.js';
import type { ResponseOutputItem } from 'openai/resources/responses/responses';
import { convertToOpenAIResponsesInput } from './convert-input.js';
import { OpenAIResponsesModel, type OpenAIResponsesModelOptions } from './openai-responses-model.js';
import { parseOpenAIResponsesOutputItem } from './parse-response.js';

const SUMMARY = '**Counting letters**\n\nSpelling strawberry: s-t-r-a-w-b-e-r-r-y. The letter r appears at positions 3, 8 and 9.';

let mock: MockProvider;
beforeAll(async () => {
  mock = await startMockProvider();
});
afterAll(() => mock.close());
beforeEach(() => mock.reset());

function modelFor(exchange: RecordedExchange, options: OpenAIResponsesModelOptions = {}): OpenAIResponsesModel {
  const modelName = String(exchange.request.body['model']);
  mock.script(modelName, [{ replay: exchange }]);
  return new OpenAIResponsesModel(modelName, { baseUrl: mock.baseUrl('openai'), apiKey: 'test-key', retry: false, ...options });
}

describe('OpenAIResponsesModel against recorded exchanges', () => {
  it('parses a text answer and sends instructions as the instructions field', async () => {
    const exchange = readRecordedExchange('openai-responses', 'text');
    const response = await modelFor(exchange).request(TEXT_MESSAGES, { maxTokens: 64, temperature: 0.2 });
    expect(mock.requests[0]?.path).toBe('/v1/responses');
    expect(mock.requests[0]?.body).toEqual(exchange.request.body);
    expect(response).toMatchObject({
      parts: [{ partKind: 'text', content: 'The capital of France is Paris.' }],
      modelName: 'gpt-4.1-mini-2025-04-14',
      providerName: 'openai',
      providerUrl: mock.baseUrl('openai'),
      providerResponseId: 'resp_68c1f0a2b4d8819f9e3c5a7b1d2e4f60',
      finishReason: 'stop',
      providerDetails: { finish_reason: 'completed' },
      usage: { inputTokens: 37, outputTokens: 8 },
    });
  });

  it('streams text events and takes usage from response.completed', async () => {
    const exchange = readRecordedExchange('openai-responses', 'text-stream');
    const stream = await modelFor(exchange).requestStream(TEXT_MESSAGES, { maxTokens: 64, temperature: 0.2 });
    const response = await stream.finalResponse();
    expect(mock.requests[0]?.body).toEqual(exchange.request.body);
    expect(response).toMatchObject({ parts: [{ partKind: 'text', content: 'The capital of France is Paris.' }], finishReason: 'stop', usage: { inputTokens: 37, outputTokens: 8 }, providerResponseId: 'resp_68c1f0b7d9e2819fa1c3e5f7091b2d4f' });
  });

  it('parses a function call', async () => {
    const exchange = readRecordedExchange('openai-responses', 'tool-call');
    const response = await modelFor(exchange).request(TOOL_MESSAGES, { parallelToolCalls: false }, TOOL_PARAMETERS);
    expect(mock.requests[0]?.body).toEqual(exchange.request.body);
    expect(response.parts).toEqual([{ partKind: 'tool-call', toolName: 'get_weather', args: '{"city":"Paris"}', toolCallId: 'call_Hj4kL7mN0pQ3rS6tU9vW2xY5' }]);
    expect(response.finishReason).toBe('tool_call');
  });

  it('assembles a streamed function call', async () => {
    const exchange = readRecordedExchange('openai-responses', 'tool-call-stream');
    const response = await (await modelFor(exchange).requestStream(TOOL_MESSAGES, { parallelToolCalls: false }, TOOL_PARAMETERS)).finalResponse();
    expect(mock.requests[0]?.body).toEqual(exchange.request.body);
    expect(response.parts).toEqual([{ partKind: 'tool-call', toolName: 'get_weather', args: '{"city":"Paris"}', toolCallId: 'call_Zx9cV6bN3mA0sD7fG4hJ1kL8' }]);
  });

  it('sends reasoning effort and reads the reasoning item, cached and reasoning tokens', async () => {
    const exchange = readRecordedExchange('openai-responses', 'reasoning');
    const response = await modelFor(exchange).request(REASONING_MESSAGES, { thinking: 'high', maxTokens: 2000 });
    expect(mock.requests[0]?.body).toEqual(exchange.request.body);
    expect(response.parts).toEqual([
      { partKind: 'thinking', content: SUMMARY, id: 'rs_68c1f0e4d5e6819fb1a2c3d4e5f6a7b8', signature: 'gAAAAABowfDkZ2V0X3JlYXNvbmluZ19ibG9i', providerName: 'openai' },
      { partKind: 'text', content: 'There are 3 r letters in strawberry.', id: 'msg_68c1f0e6f7a8819fa0b1c2d3e4f5a6b7' },
    ]);
    expect(response.usage).toMatchObject({ inputTokens: 1450, outputTokens: 410, cacheReadTokens: 1280, details: { reasoning_tokens: 320 } });
  });

  it('streams reasoning into the same parts as the parsed response, ids included, so the reasoning goes back next turn', async () => {
    const exchange = readRecordedExchange('openai-responses', 'reasoning-stream');
    const response = await (await modelFor(exchange).requestStream(REASONING_MESSAGES, { thinking: 'high', maxTokens: 2000 })).finalResponse();
    expect(mock.requests[0]?.body).toEqual(exchange.request.body);
    const completed = exchange.response.sse!.at(-1)!.data as { response: { output: ResponseOutputItem[] } };
    expect(response.parts).toEqual(completed.response.output.flatMap((item) => parseOpenAIResponsesOutputItem(item, 'openai')));
    expect(response.parts[0]).toEqual({ partKind: 'thinking', content: SUMMARY, id: 'rs_68c1f0f2b3c4819fa7b6c5d4e3f2a1b0', signature: 'gAAAAABowfDkZ2V0X3JlYXNvbmluZ19ibG9i', providerName: 'openai' });
    expect(response.usage.details).toEqual({ reasoning_tokens: 320 });
    const nextTurn = convertToOpenAIResponsesInput([...REASONING_MESSAGES, response, modelRequest([userPrompt('And in raspberry?')])]);
    expect(nextTurn.filter((item) => (item as { type?: string }).type === 'reasoning')).toMatchObject([{ id: 'rs_68c1f0f2b3c4819fa7b6c5d4e3f2a1b0', encrypted_content: 'gAAAAABowfDkZ2V0X3JlYXNvbmluZ19ibG9i' }]);
  });

  it('streams two reasoning summary parts separated by a blank line, as the parsed response joins them', async () => {
    const exchange = readRecordedExchange('openai-responses', 'reasoning-stream');
    const deltas = exchange.response.sse!.filter((event) => (event.data as { type: string }).type === 'response.reasoning_summary_text.delta');
    expect(deltas.length).toBeGreaterThanOrEqual(2);
    const split: RecordedExchange = {
      ...exchange,
      response: {
        ...exchange.response,
        sse: exchange.response.sse!.map((event) => (event === deltas.at(-1) ? { ...event, data: { ...(event.data as object), summary_index: 1 } } : event)),
      },
    };
    const response = await (await modelFor(split).requestStream(REASONING_MESSAGES, { thinking: 'high', maxTokens: 2000 })).finalResponse();
    const texts = deltas.map((event) => (event.data as { delta: string }).delta);
    expect(response.parts[0]).toMatchObject({ partKind: 'thinking', content: `${texts.slice(0, -1).join('')}\n\n${texts.at(-1)}` });
  });

  it('sends images as input_image parts', async () => {
    const exchange = readRecordedExchange('openai-responses', 'image-input');
    await modelFor(exchange).request([modelRequest([userPrompt(['What is in these images?', imageUrl('https://images.example.com/cat.jpg'), binaryContent(TINY_PNG, 'image/png')])])]);
    expect(mock.requests[0]?.body).toEqual(exchange.request.body);
  });
});

describe('OpenAIResponsesModel errors', () => {
  it.each([
    ['error-400', ModelHTTPError, { statusCode: 400, category: 'bad_request', isRetryable: false }],
    ['error-401', ModelAuthError, { statusCode: 401, category: 'auth', isAuthError: true }],
    ['error-429', ModelRateLimitError, { statusCode: 429, category: 'rate_limit', retryAfterMs: 2500, isRetryable: true }],
    ['error-500', ModelServerError, { statusCode: 500, category: 'server', isRetryable: true }],
    ['not-json', ModelAPIError, { category: 'invalid_response', isRetryable: false }],
  ] as const)('maps %s', async (name, errorClass, fields) => {
    const error = await errorOf(modelFor(readRecordedExchange('openai-responses', name)).request(TEXT_MESSAGES));
    expect(error).toBeInstanceOf(errorClass);
    expect(error).toMatchObject({ ...fields, modelName: 'gpt-4.1-mini', provider: 'openai' });
  });

  it('maps a reset mid-stream to a connection error and keeps the partial text', async () => {
    const stream = await modelFor(readRecordedExchange('openai-responses', 'reset-mid-stream')).requestStream(TEXT_MESSAGES);
    expect(await errorOf(stream.finalResponse())).toBeInstanceOf(ModelConnectionError);
    expect(stream.get()).toMatchObject({ parts: [{ partKind: 'text', content: 'The capital' }], providerResponseId: 'resp_68c1f0b7d9e2819fa1c3e5f7091b2d4f' });
  });

  it('times out on a server that never answers', async () => {
    const error = await errorOf(modelFor(readRecordedExchange('openai-responses', 'hang')).request(TEXT_MESSAGES, { timeout: 150 }));
    expect(error).toBeInstanceOf(ModelTimeoutError);
    expect(error).toMatchObject({ timeoutMs: 150, provider: 'openai' });
  });

  it('sends one request for a 429 inside a fallback chain', async () => {
    const model = modelFor(readRecordedExchange('openai-responses', 'error-429'), { retry: { maxRetries: 3, initialDelayMs: 1 } });
    await errorOf(model.request(TEXT_MESSAGES, undefined, undefined, { hop: { index: 1, count: 3, fallback: model } }));
    expect(mock.requests).toHaveLength(1);
  });
});
