import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ModelAPIError, ModelAuthError, ModelConnectionError, ModelHTTPError, ModelRateLimitError, ModelServerError, ModelTimeoutError } from '../../errors.js';
import { binaryContent, imageUrl, modelRequest, userPrompt } from '../../messages.js';
import { startMockProvider, type MockProvider, type RecordedExchange } from '../../testing/index.js';
import { errorOf, readRecordedExchange, REASONING_MESSAGES, TEXT_MESSAGES, TINY_PNG, TOOL_MESSAGES, TOOL_PARAMETERS } from '../shared/provider-test-kit.js';
import { AnthropicModel, type AnthropicModelOptions } from './anthropic-model.js';
import { parseAnthropicResponse } from './parse-response.js';

const THOUGHT = 'Let me spell it: s-t-r-a-w-b-e-r-r-y. r appears at positions 3, 8 and 9, so three times.';
const SIGNATURE = 'EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds3cJd3Qd1TZRK9fJq5eYwXo=';

let mock: MockProvider;
beforeAll(async () => {
  mock = await startMockProvider();
});
afterAll(() => mock.close());
beforeEach(() => mock.reset());

function modelFor(exchange: RecordedExchange, options: AnthropicModelOptions = {}): AnthropicModel {
  const modelName = String(exchange.request.body['model']);
  mock.script(modelName, [{ replay: exchange }]);
  return new AnthropicModel(modelName, { baseUrl: mock.baseUrl('anthropic'), apiKey: 'test-key', retry: false, ...options });
}

describe('AnthropicModel against recorded exchanges', () => {
  it('parses a text answer; instructions and system prompts become system', async () => {
    const exchange = readRecordedExchange('anthropic', 'text');
    const response = await modelFor(exchange).request(TEXT_MESSAGES, { maxTokens: 64, temperature: 0.2 });
    expect(mock.requests[0]?.path).toBe('/v1/messages');
    expect(mock.requests[0]?.body).toEqual(exchange.request.body);
    expect(mock.requests[0]?.headers['authorization']).toBe('Bearer test-key');
    expect(mock.requests[0]?.headers['anthropic-version']).toBeDefined();
    expect(response).toMatchObject({
      parts: [{ partKind: 'text', content: 'The capital of France is Paris.' }],
      modelName: 'claude-sonnet-4-6',
      providerName: 'anthropic',
      providerUrl: mock.url,
      providerResponseId: 'msg_01XFDUDYJgAACzvnptvVoYEL',
      finishReason: 'stop',
      providerDetails: { finish_reason: 'end_turn' },
      usage: { inputTokens: 27, outputTokens: 10 },
    });
  });

  it('streams text with usage from message_start and message_delta', async () => {
    const exchange = readRecordedExchange('anthropic', 'text-stream');
    const response = await (await modelFor(exchange).requestStream(TEXT_MESSAGES, { maxTokens: 64, temperature: 0.2 })).finalResponse();
    expect(mock.requests[0]?.body).toEqual(exchange.request.body);
    expect(response).toMatchObject({ parts: [{ partKind: 'text', content: 'The capital of France is Paris.' }], finishReason: 'stop', usage: { inputTokens: 27, outputTokens: 10 }, providerResponseId: 'msg_01T5fWq8ZrYhKx3nPc6bVdJm' });
  });

  it('parses tool_use and sends disable_parallel_tool_use', async () => {
    const exchange = readRecordedExchange('anthropic', 'tool-use');
    const response = await modelFor(exchange).request(TOOL_MESSAGES, { parallelToolCalls: false }, TOOL_PARAMETERS);
    expect(mock.requests[0]?.body).toEqual(exchange.request.body);
    expect(response.parts).toEqual([
      { partKind: 'text', content: "I'll check the weather in Paris." },
      { partKind: 'tool-call', toolName: 'get_weather', args: { city: 'Paris' }, toolCallId: 'toolu_01A09q90qw90lq917835lq9' },
    ]);
    expect(response.finishReason).toBe('tool_call');
  });

  it('assembles streamed tool input from input_json_delta pieces', async () => {
    const exchange = readRecordedExchange('anthropic', 'tool-use-stream');
    const response = await (await modelFor(exchange).requestStream(TOOL_MESSAGES, { parallelToolCalls: false }, TOOL_PARAMETERS)).finalResponse();
    expect(mock.requests[0]?.body).toEqual(exchange.request.body);
    expect(response.parts[1]).toEqual({ partKind: 'tool-call', toolName: 'get_weather', args: '{"city": "Paris"}', toolCallId: 'toolu_01Gh7j6K5l4Z3x2C1v0B9nM8' });
    expect(response.usage).toMatchObject({ inputTokens: 412, outputTokens: 54 });
  });

  it('sends a thinking budget and parses the signed thinking block', async () => {
    const exchange = readRecordedExchange('anthropic', 'thinking');
    const response = await modelFor(exchange).request(REASONING_MESSAGES, { thinking: 'high' });
    expect(mock.requests[0]?.body).toEqual(exchange.request.body);
    expect(response.parts).toEqual([
      { partKind: 'thinking', content: THOUGHT, signature: SIGNATURE, providerName: 'anthropic' },
      { partKind: 'text', content: 'There are 3 r letters in strawberry.' },
    ]);
  });

  it('streams thinking and signature deltas', async () => {
    const exchange = readRecordedExchange('anthropic', 'thinking-stream');
    const response = await (await modelFor(exchange).requestStream(REASONING_MESSAGES, { thinking: 'high' })).finalResponse();
    expect(mock.requests[0]?.body).toEqual(exchange.request.body);
    expect(response.parts).toEqual([
      { partKind: 'thinking', content: THOUGHT, signature: SIGNATURE, providerName: 'anthropic' },
      { partKind: 'text', content: 'There are 3 r letters in strawberry.' },
    ]);
  });

  it('streams a redacted thinking block as the parsed response keeps it', async () => {
    const exchange = readRecordedExchange('anthropic', 'thinking-stream');
    const redacted = { type: 'redacted_thinking', data: 'EmwKAhgBEgy3va3pzix/LafPsn4aDFIT2Xlxh0L5L8rLVyIwxtE3rAFBa8cr3qpP' };
    const shift = (data: unknown): unknown => {
      const event = data as { type: string; index?: number };
      return typeof event.index === 'number' ? { ...event, index: event.index + 1 } : event;
    };
    const sse = exchange.response.sse!;
    const withRedacted: RecordedExchange = {
      ...exchange,
      response: {
        ...exchange.response,
        sse: [
          sse[0]!,
          { event: 'content_block_start', data: { type: 'content_block_start', index: 0, content_block: redacted } },
          { event: 'content_block_stop', data: { type: 'content_block_stop', index: 0 } },
          ...sse.slice(1).map((event) => ({ ...event, data: shift(event.data) })),
        ],
      },
    };
    const response = await (await modelFor(withRedacted).requestStream(REASONING_MESSAGES, { thinking: 'high' })).finalResponse();
    const parsed = parseAnthropicResponse({ id: 'msg_1', type: 'message', role: 'assistant', model: 'claude', content: [redacted], stop_reason: 'end_turn', usage: { input_tokens: 1, output_tokens: 1 } }, {
      modelName: 'claude',
      providerName: 'anthropic',
      providerUrl: undefined,
    });
    expect(response.parts).toEqual([
      parsed.parts[0],
      { partKind: 'thinking', content: THOUGHT, signature: SIGNATURE, providerName: 'anthropic' },
      { partKind: 'text', content: 'There are 3 r letters in strawberry.' },
    ]);
    expect(parsed.parts[0]).toMatchObject({ partKind: 'thinking', signature: redacted.data, id: 'redacted_thinking' });
  });

  it('sends an image URL and inline bytes as a base64 source', async () => {
    const exchange = readRecordedExchange('anthropic', 'image-input');
    await modelFor(exchange).request([modelRequest([userPrompt(['What is in these images?', imageUrl('https://images.example.com/cat.jpg'), binaryContent(TINY_PNG, 'image/png')])])]);
    expect(mock.requests[0]?.body).toEqual(exchange.request.body);
  });

  it('counts cache creation as cache writes and cache reads into the input', async () => {
    const exchange = readRecordedExchange('anthropic', 'usage-cache');
    const response = await modelFor(exchange).request([modelRequest([userPrompt('Summarise the attached contract in three bullet points.')])]);
    expect(mock.requests[0]?.body).toEqual(exchange.request.body);
    expect(response.usage).toMatchObject({ inputTokens: 12 + 2048 + 6144, cacheWriteTokens: 2048, cacheReadTokens: 6144, outputTokens: 31 });
    expect(response.modelName).toBe('claude-haiku-4-5-20251001');
  });
});

describe('AnthropicModel errors', () => {
  it.each([
    ['error-400', ModelHTTPError, { statusCode: 400, category: 'bad_request', isRetryable: false }],
    ['error-401', ModelAuthError, { statusCode: 401, category: 'auth', isAuthError: true, isRetryable: false }],
    ['error-429', ModelRateLimitError, { statusCode: 429, category: 'rate_limit', retryAfterMs: 12_000, isRetryable: true }],
    ['error-500', ModelServerError, { statusCode: 500, category: 'server', isRetryable: true }],
    ['error-529', ModelServerError, { statusCode: 529, category: 'overloaded', isRetryable: true }],
    ['not-json', ModelAPIError, { category: 'invalid_response', isRetryable: false }],
  ] as const)('maps %s', async (name, errorClass, fields) => {
    const error = await errorOf(modelFor(readRecordedExchange('anthropic', name)).request(TEXT_MESSAGES));
    expect(error).toBeInstanceOf(errorClass);
    expect(error).toMatchObject({ ...fields, modelName: 'claude-sonnet-4-6', provider: 'anthropic' });
  });

  it('keeps the 529 body as Anthropic sent it', async () => {
    const error = (await errorOf(modelFor(readRecordedExchange('anthropic', 'error-529')).request(TEXT_MESSAGES))) as ModelHTTPError;
    expect(error.body).toMatchObject({ type: 'error', error: { type: 'overloaded_error' } });
  });

  it('maps a reset mid-stream to a connection error; the partial response keeps text and usage', async () => {
    const stream = await modelFor(readRecordedExchange('anthropic', 'reset-mid-stream')).requestStream(TEXT_MESSAGES);
    expect(await errorOf(stream.finalResponse())).toBeInstanceOf(ModelConnectionError);
    expect(stream.get()).toMatchObject({ parts: [{ partKind: 'text', content: 'The capital' }], usage: { inputTokens: 27, outputTokens: 1 }, providerResponseId: 'msg_01T5fWq8ZrYhKx3nPc6bVdJm' });
  });

  it('times out on a server that never answers', async () => {
    const error = await errorOf(modelFor(readRecordedExchange('anthropic', 'hang')).request(TEXT_MESSAGES, { timeout: 150 }));
    expect(error).toBeInstanceOf(ModelTimeoutError);
    expect(error).toMatchObject({ timeoutMs: 150, provider: 'anthropic', modelName: 'claude-sonnet-4-6' });
  });

  it('rethrows the AbortError when the caller aborts a stream', async () => {
    const model = modelFor(readRecordedExchange('anthropic', 'hang'));
    const controller = new AbortController();
    const pending = errorOf(model.requestStream(TEXT_MESSAGES, undefined, undefined, { signal: controller.signal }));
    setTimeout(() => controller.abort(), 20);
    expect(await pending).toBe(controller.signal.reason);
  });
});

describe('AnthropicModel retries', () => {
  it('retries a 529 outside a chain by its own policy, then succeeds', async () => {
    mock.script('claude-sonnet-4-6', [{ fail: { status: 529 } }, 'ok']);
    const model = new AnthropicModel('claude-sonnet-4-6', { baseUrl: mock.baseUrl('anthropic'), apiKey: 'k', retry: { maxRetries: 1, initialDelayMs: 1, maxDelayMs: 1, jitter: 0 } });
    await model.request(TEXT_MESSAGES);
    expect(mock.requests).toHaveLength(2);
  });

  it('never retries inside a chain: one request for a 529', async () => {
    mock.script('claude-sonnet-4-6', [{ fail: { status: 529 } }, 'ok']);
    const model = new AnthropicModel('claude-sonnet-4-6', { baseUrl: mock.baseUrl('anthropic'), apiKey: 'k' });
    expect(await errorOf(model.request(TEXT_MESSAGES, undefined, undefined, { hop: { index: 0, count: 2, fallback: model } }))).toBeInstanceOf(ModelServerError);
    expect(mock.requests).toHaveLength(1);
  });
});
