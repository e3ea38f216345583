import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ContextWindowExceededError, ModelAPIError, ModelAuthError, ModelConnectionError, ModelRateLimitError, ModelServerError, ModelTimeoutError } from '../../errors.js';
import { binaryContent, imageUrl, modelRequest, userPrompt } from '../../messages.js';
import { type ModelSettings } from '../../settings.js';
import { startMockProvider, type MockProvider, type RecordedExchange } from '../../testing/index.js';
import { errorOf, readRecordedExchange, TEXT_MESSAGES, TINY_PNG, TOOL_MESSAGES, TOOL_PARAMETERS } from '../shared/provider-test-kit.js';
import { OpenAIChatModel, type OpenAIChatModelOptions } from './openai-chat-model.js';


let mock: MockProvider;
beforeAll(async () => {
  mock = await startMockProvider();
});
afterAll(() => mock.close());
beforeEach(() => mock.reset());

function modelFor(exchange: RecordedExchange, options: OpenAIChatModelOptions = {}): OpenAIChatModel {
  const modelName = String(exchange.request.body['model']);
  mock.script(modelName, [{ replay: exchange }]);
  return new OpenAIChatModel(modelName, { baseUrl: mock.baseUrl('openai'), apiKey: 'test-key', retry: false, ...options });
}

describe('OpenAIChatModel against recorded exchanges', () => {
  it('parses a plain text answer and sends the recorded request', async () => {
    const exchange = readRecordedExchange('openai-chat', 'text');
    const model = modelFor(exchange);
    const response = await model.request(TEXT_MESSAGES, { maxTokens: 64, temperature: 0.2 });
    expect(mock.requests[0]?.body).toEqual(exchange.request.body);
    expect(mock.requests[0]?.headers['authorization']).toBe('Bearer test-key');
    expect(response).toMatchObject({
      parts: [{ partKind: 'text', content: 'The capital of France is Paris.' }],
      modelName: 'gpt-4o-mini-2024-07-18',
      providerName: 'openai',
      providerUrl: mock.baseUrl('openai'),
      providerResponseId: 'chatcmpl-CXa1bF9kq2Lr7TzV0mPqWn3sYd8Ue',
      finishReason: 'stop',
      providerDetails: { finish_reason: 'stop' },
      usage: { inputTokens: 38, outputTokens: 8, cacheReadTokens: 0 },
    });
    expect(model.baseUrl).toBe(mock.baseUrl('openai'));
  });

  it('streams text with usage from the include_usage chunk', async () => {
    const exchange = readRecordedExchange('openai-chat', 'text-stream');
    const stream = await modelFor(exchange).requestStream(TEXT_MESSAGES, { maxTokens: 64, temperature: 0.2 });
    const kinds: string[] = [];
    for await (const event of stream) kinds.push(event.eventKind);
    expect(mock.requests[0]?.body).toEqual(exchange.request.body);
    expect(kinds.filter((k) => k === 'part-delta')).toHaveLength(6);
    expect(kinds.at(-1)).toBe('final-response');
    expect(stream.get()).toMatchObject({ parts: [{ partKind: 'text', content: 'The capital of France is Paris.' }], finishReason: 'stop', usage: { inputTokens: 38, outputTokens: 8 }, providerResponseId: 'chatcmpl-CXa1cK2pQ8vN4mRt6YwZ1xLb7Hs3J' });
  });

  it('parses a tool call, sending tools with strict schemas and parallel_tool_calls', async () => {
    const exchange = readRecordedExchange('openai-chat', 'tool-call');
    const response = await modelFor(exchange).request(TOOL_MESSAGES, { parallelToolCalls: false }, TOOL_PARAMETERS);
    expect(mock.requests[0]?.body).toEqual(exchange.request.body);
    expect(response.parts).toEqual([{ partKind: 'tool-call', toolName: 'get_weather', args: '{"city":"Paris"}', toolCallId: 'call_Vx3nQ8pL2mK7rT1wY5zB9cD4' }]);
    expect(response.finishReason).toBe('tool_call');
    expect(response.providerDetails).toEqual({ finish_reason: 'tool_calls' });
  });

  it('assembles a streamed tool call from its argument pieces', async () => {
    const exchange = readRecordedExchange('openai-chat', 'tool-call-stream');
    const response = await (await modelFor(exchange).requestStream(TOOL_MESSAGES, { parallelToolCalls: false }, TOOL_PARAMETERS)).finalResponse();
    expect(mock.requests[0]?.body).toEqual(exchange.request.body);
    expect(response.parts).toEqual([{ partKind: 'tool-call', toolName: 'get_weather', args: '{"city":"Paris"}', toolCallId: 'call_Qw8eR3tY6uI1oP5aS9dF2gH7' }]);
    expect(response.finishReason).toBe('tool_call');
  });

  it('sends reasoning_effort and reads cached and reasoning tokens', async () => {
    const exchange = readRecordedExchange('openai-chat', 'reasoning-usage');
    const response = await modelFor(exchange).request([modelRequest([userPrompt('How many r letters are in strawberry?')])], { thinking: 'high', maxTokens: 2000 });
    expect(mock.requests[0]?.body).toEqual(exchange.request.body);
    expect(response.usage).toMatchObject({ inputTokens: 1450, outputTokens: 410, cacheReadTokens: 1280, details: { reasoning_tokens: 320 } });
    expect(response.modelName).toBe('o3-mini-2025-01-31');
  });

  it('reads reasoning_content as thinking for an OpenAI-compatible provider, which gets max_tokens', async () => {
    const exchange = readRecordedExchange('openai-chat', 'reasoning-content');
    const model = modelFor(exchange, { system: 'deepseek' });
    const response = await model.request([modelRequest([userPrompt('Is 97 a prime number?')])], { maxTokens: 1024 });
    expect(mock.requests[0]?.body).toEqual(exchange.request.body);
    expect(response.parts).toEqual([
      { partKind: 'thinking', content: '97 is not divisible by 2, 3, 5 or 7, and 11 squared is 121, so 97 is prime.', providerName: 'deepseek' },
      { partKind: 'text', content: 'Yes, 97 is a prime number.' },
    ]);
    expect(response.providerName).toBe('deepseek');
    expect(response.usage.details).toEqual({ reasoning_tokens: 38 });
  });

  it('streams reasoning_content into a thinking part before the text', async () => {
    const exchange = readRecordedExchange('openai-chat', 'reasoning-content-stream');
    const response = await (await modelFor(exchange, { system: 'deepseek' }).requestStream([modelRequest([userPrompt('Is 97 a prime number?')])], { maxTokens: 1024 })).finalResponse();
    expect(mock.requests[0]?.body).toEqual(exchange.request.body);
    expect(response.parts).toEqual([
      { partKind: 'thinking', content: '97 is not divisible by 2, 3, 5 or 7.', providerName: 'deepseek' },
      { partKind: 'text', content: 'Yes, 97 is prime.' },
    ]);
    expect(response.usage).toMatchObject({ inputTokens: 14, outputTokens: 30, details: { reasoning_tokens: 20 } });
  });

  it('sends an image URL and inline bytes as a data URL', async () => {
    const exchange = readRecordedExchange('openai-chat', 'image-input');
    const response = await modelFor(exchange).request([modelRequest([userPrompt(['What is in these images?', imageUrl('https://images.example.com/cat.jpg'), binaryContent(TINY_PNG, 'image/png')])])]);
    expect(mock.requests[0]?.body).toEqual(exchange.request.body);
    expect(response.parts[0]).toMatchObject({ partKind: 'text' });
  });
});

describe('OpenAIChatModel errors', () => {
  const call = (model: OpenAIChatModel, settings?: ModelSettings) => model.request(TEXT_MESSAGES, settings);

  it('maps a 400 context-length error', async () => {
    const error = await errorOf(call(modelFor(readRecordedExchange('openai-chat', 'error-400'))));
    expect(error).toBeInstanceOf(ContextWindowExceededError);
    expect(error).toMatchObject({ statusCode: 400, category: 'context_window', isRetryable: false, isAuthError: false, modelName: 'gpt-4o-mini', provider: 'openai' });
    expect((error as ModelAPIError).body).toMatchObject({ error: { code: 'context_length_exceeded' } });
  });

  it('maps a 401 to an auth error', async () => {
    const error = await errorOf(call(modelFor(readRecordedExchange('openai-chat', 'error-401'))));
    expect(error).toBeInstanceOf(ModelAuthError);
    expect(error).toMatchObject({ statusCode: 401, category: 'auth', isAuthError: true, isRetryable: false });
  });

  it('maps a 429 with retry-after and, inside a chain, sends exactly one request', async () => {
    const model = modelFor(readRecordedExchange('openai-chat', 'error-429'), { retry: undefined });
    const error = await errorOf(model.request(TEXT_MESSAGES, undefined, undefined, { hop: { index: 0, count: 2, fallback: model } }));
    expect(error).toBeInstanceOf(ModelRateLimitError);
    expect(error).toMatchObject({ statusCode: 429, retryAfterMs: 7000, category: 'rate_limit', isRetryable: true });
    expect(mock.requests).toHaveLength(1);
  });

  it('maps a 500 to a server error', async () => {
    const error = await errorOf(call(modelFor(readRecordedExchange('openai-chat', 'error-500'))));
    expect(error).toBeInstanceOf(ModelServerError);
    expect(error).toMatchObject({ statusCode: 500, category: 'server', isRetryable: true });
  });

  it('maps a 200 whose body is not JSON to an invalid_response ModelAPIError', async () => {
    const error = await errorOf(call(modelFor(readRecordedExchange('openai-chat', 'not-json'))));
    expect(error).toBeInstanceOf(ModelAPIError);
    expect(error).toMatchObject({ category: 'invalid_response', isRetryable: false, modelName: 'gpt-4o-mini', provider: 'openai' });
  });

  it('maps a reset mid-stream to a connection error and keeps the partial response', async () => {
    const stream = await modelFor(readRecordedExchange('openai-chat', 'reset-mid-stream')).requestStream(TEXT_MESSAGES);
    const error = await errorOf(stream.finalResponse());
    expect(error).toBeInstanceOf(ModelConnectionError);
    expect(error).toMatchObject({ category: 'connection', isRetryable: true, modelName: 'gpt-4o-mini', provider: 'openai' });
    expect(stream.get().parts).toEqual([{ partKind: 'text', content: 'The capital' }]);
    expect(stream.isComplete).toBe(false);
  });

  it('times out on a server that never answers, by settings.timeout', async () => {
    const error = await errorOf(call(modelFor(readRecordedExchange('openai-chat', 'hang')), { timeout: 150 }));
    expect(error).toBeInstanceOf(ModelTimeoutError);
    expect(error).toMatchObject({ timeoutMs: 150, category: 'timeout', isRetryable: true });
  });

  it('rethrows the AbortError unchanged when the caller aborts, for requests and streams', async () => {
    const model = modelFor(readRecordedExchange('openai-chat', 'hang'));
    mock.script('gpt-4o-mini', [{ hang: true }, { hang: true }]);
    const controller = new AbortController();
    const pending = errorOf(model.request(TEXT_MESSAGES, undefined, undefined, { signal: controller.signal }));
    setTimeout(() => controller.abort(), 20);
    const error = await pending;
    expect(error).toBe(controller.signal.reason);
    expect((error as Error).name).toBe('AbortError');
    const streamController = new AbortController();
    const pendingStream = errorOf(model.requestStream(TEXT_MESSAGES, undefined, undefined, { signal: streamController.signal }));
    setTimeout(() => streamController.abort(), 20);
    expect(((await pendingStream) as Error).name).toBe('AbortError');
  });
});

describe('OpenAIChatModel retries', () => {
  it('retries a 500 by its own policy outside a chain, then succeeds', async () => {
    mock.script('gpt-4o-mini', [{ fail: { status: 500 } }, 'ok']);
    const model = new OpenAIChatModel('gpt-4o-mini', { baseUrl: mock.baseUrl('openai'), apiKey: 'k', retry: { maxRetries: 2, initialDelayMs: 1, maxDelayMs: 1, jitter: 0 } });
    const response = await model.request(TEXT_MESSAGES);
    expect(response.parts[0]).toMatchObject({ partKind: 'text' });
    expect(mock.requests).toHaveLength(2);
  });

  it('does not retry when retry is false, and the SDK itself never retries', async () => {
    mock.script('gpt-4o-mini', [{ fail: { status: 429, headers: { 'retry-after': '0' } } }, 'ok']);
    const model = new OpenAIChatModel('gpt-4o-mini', { baseUrl: mock.baseUrl('openai'), apiKey: 'k', retry: false });
    expect(await errorOf(model.request(TEXT_MESSAGES))).toBeInstanceOf(ModelRateLimitError);
    expect(mock.requests).toHaveLength(1);
    expect(model.client.maxRetries).toBe(0);
  });

  it('keeps the settings of a client the user passes', async () => {
    mock.script('gpt-4o-mini', [{ fail: { status: 500, headers: { 'retry-after-ms': '1' } } }, 'ok']);
    const client = new OpenAI({ baseURL: mock.baseUrl('openai'), apiKey: 'user-key', maxRetries: 1 });
    const model = new OpenAIChatModel('gpt-4o-mini', { client, retry: false });
    await model.request(TEXT_MESSAGES);
    expect(mock.requests).toHaveLength(2);
    expect(mock.requests[0]?.headers['authorization']).toBe('Bearer user-key');
  });

  it('sends extraHeaders as headers and merges extraBody into the body', async () => {
    const model = new OpenAIChatModel('gpt-4o-mini', { baseUrl: mock.baseUrl('openai'), apiKey: 'k', settings: { extraHeaders: { 'x-team': 'search' } } });
    await model.request(TEXT_MESSAGES, { extraBody: { user: 'u-42', temperature: 1 }, temperature: 0 });
    expect(mock.requests[0]?.headers['x-team']).toBe('search');
    expect(mock.requests[0]?.body).toMatchObject({ user: 'u-42', temperature: 1 });
  });
});
