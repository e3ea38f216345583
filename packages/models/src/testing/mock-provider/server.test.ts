import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMockProvider } from './server.js';
import type { MockProvider } from './types.js';

let mock: MockProvider;
beforeAll(async () => {
  mock = await startMockProvider();
});
afterAll(() => mock.close());
beforeEach(() => mock.reset());

const openai = () => new OpenAI({ baseURL: mock.baseUrl('openai'), apiKey: 'test-key', maxRetries: 0 });
const anthropic = () => new Anthropic({ baseURL: mock.baseUrl('anthropic'), apiKey: 'test-key', maxRetries: 0 });

describe('startMockProvider', () => {
  it('listens on loopback only', () => {
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(mock.baseUrl('openai')).toBe(`${mock.url}/v1`);
    expect(mock.baseUrl('anthropic')).toBe(mock.url);
  });

  it('answers chat completions with the scripted reply and logs the request', async () => {
    mock.setReply('gpt-4o', { text: 'Paris.', usage: { inputTokens: 11, outputTokens: 2, cacheReadTokens: 4 } });
    const completion = await openai().chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Capital of France?' }] });
    expect(completion.choices[0]?.message.content).toBe('Paris.');
    expect(completion.usage).toMatchObject({ prompt_tokens: 11, completion_tokens: 2, prompt_tokens_details: { cached_tokens: 4 } });
    expect(mock.requests).toHaveLength(1);
    expect(mock.requests[0]).toMatchObject({ api: 'openai-chat', path: '/v1/chat/completions', modelName: 'gpt-4o', stream: false });
    expect(mock.requests[0]?.headers['authorization']).toBe('Bearer test-key');
  });

  it('streams chat completions with a usage chunk when asked', async () => {
    mock.setReply('gpt-4o', { toolCalls: [{ name: 'get_weather', args: { city: 'Paris' }, id: 'call_1' }] });
    const stream = await openai().chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }], stream: true, stream_options: { include_usage: true } });
    let args = '';
    let finish: string | null = null;
    let usage: unknown;
    for await (const chunk of stream) {
      for (const call of chunk.choices[0]?.delta.tool_calls ?? []) args += call.function?.arguments ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
      usage = chunk.usage ?? usage;
    }
    expect(JSON.parse(args)).toEqual({ city: 'Paris' });
    expect(finish).toBe('tool_calls');
    expect(usage).toBeDefined();
  });

  it('serves the Responses API as JSON and as events', async () => {
    mock.setReply('gpt-5', { text: 'Hi there', thinking: 'The user greets me.', usage: { inputTokens: 5, outputTokens: 9, reasoningTokens: 6 } });
    const response = await openai().responses.create({ model: 'gpt-5', input: 'hello' });
    expect(response.output_text).toBe('Hi there');
    expect(response.usage?.output_tokens_details.reasoning_tokens).toBe(6);
    const stream = await openai().responses.create({ model: 'gpt-5', input: 'hello', stream: true });
    const types: string[] = [];
    for await (const event of stream) types.push(event.type);
    expect(types[0]).toBe('response.created');
    expect(types).toContain('response.reasoning_summary_text.delta');
    expect(types.at(-1)).toBe('response.completed');
  });

  it('serves Anthropic messages as JSON and as events', async () => {
    mock.setReply('claude-sonnet-4-6', { text: 'Bonjour', usage: { inputTokens: 20, outputTokens: 3, cacheWriteTokens: 7, cacheReadTokens: 2 } });
    const message = await anthropic().messages.create({ model: 'claude-sonnet-4-6', max_tokens: 100, messages: [{ role: 'user', content: 'hi' }] });
    expect(message.content[0]).toMatchObject({ type: 'text', text: 'Bonjour' });
    expect(message.usage).toMatchObject({ input_tokens: 11, cache_creation_input_tokens: 7, cache_read_input_tokens: 2 });
    const stream = await anthropic().messages.create({ model: 'claude-sonnet-4-6', max_tokens: 100, messages: [{ role: 'user', content: 'hi' }], stream: true });
    const types: string[] = [];
    for await (const event of stream) types.push(event.type);
    expect(types[0]).toBe('message_start');
    expect(types.at(-1)).toBe('message_stop');
  });

  it('consumes scripted failures in order, then answers ok', async () => {
    mock.script('claude-x', [{ fail: { status: 529 } }, { fail: { status: 429, headers: { 'retry-after': '3' } } }]);
    const call = () => anthropic().messages.create({ model: 'claude-x', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] });
    await expect(call()).rejects.toMatchObject({ status: 529, error: { type: 'error', error: { type: 'overloaded_error' } } });
    const rateLimited = (await call().then(
      () => undefined,
      (e: unknown) => e,
    )) as InstanceType<typeof Anthropic.RateLimitError>;
    expect(rateLimited.status).toBe(429);
    expect(rateLimited.headers.get('retry-after')).toBe('3');
    await expect(call()).resolves.toMatchObject({ type: 'message' });
    expect(mock.requests).toHaveLength(3);
  });

  it('breaks the connection mid-stream', async () => {
    mock.script('gpt-4o', [{ resetMidStream: { afterChunks: 2 } }]);
    mock.setReply('gpt-4o', { text: 'one two three four five' });
    const stream = await openai().chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }], stream: true });
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const chunk of stream) seen.push(chunk.choices[0]?.delta.content ?? '');
      })(),
    ).rejects.toThrow();
    expect(seen).toHaveLength(2);
  });

  it('hangs until the client gives up', async () => {
    mock.script('slow', [{ hang: true }]);
    const client = new OpenAI({ baseURL: mock.baseUrl('openai'), apiKey: 'k', maxRetries: 0, timeout: 200 });
    await expect(client.chat.completions.create({ model: 'slow', messages: [{ role: 'user', content: 'hi' }] })).rejects.toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
  });
});

describe('startMockProvider edge cases', () => {
  it('answers unknown routes with 404 and bad JSON with 400 in the API error shape', async () => {
    const notFound = await fetch(`${mock.url}/v1/models`);
    expect(notFound.status).toBe(404);
    const bad = await fetch(`${mock.url}/v1/messages`, { method: 'POST', body: '{oops' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ type: 'error', error: { type: 'invalid_request_error' } });
  });

  it('sends a non-JSON 200 for notJson', async () => {
    mock.script('gpt-4o', [{ notJson: true }]);
    const res = await fetch(`${mock.baseUrl('openai')}/chat/completions`, { method: 'POST', body: JSON.stringify({ model: 'gpt-4o', messages: [] }) });
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/^<html>/);
  });

  it('delays only the model that has a latency: a later request to another model answers first', async () => {
    mock.setLatency('slow-model', 200);
    const order: string[] = [];
    const ask = (model: string) => fetch(`${mock.baseUrl('openai')}/chat/completions`, { method: 'POST', body: JSON.stringify({ model, messages: [] }) }).then(() => order.push(model));
    const slow = ask('slow-model');
    await new Promise((resolve) => setTimeout(resolve, 20));
    await Promise.all([slow, ask('fast-model')]);
    expect(order).toEqual(['fast-model', 'slow-model']);
  });

  it('close() ends hanging requests', async () => {
    const other = await startMockProvider();
    other.script('m', [{ hang: true }]);
    const pending = fetch(`${other.baseUrl('openai')}/chat/completions`, { method: 'POST', body: JSON.stringify({ model: 'm' }) }).then(
      () => 'answered',
      () => 'failed',
    );
    await new Promise((resolve) => setTimeout(resolve, 30));
    await other.close();
    expect(await pending).toBe('failed');
  });
});
