import { describe, expect, it } from 'vitest';
import { convertToAnthropicWire } from './anthropic-wire.js';
import { convertToMockErrorBody } from './error-body.js';
import { convertToOpenAIChatWire, splitText } from './openai-chat-wire.js';
import { convertToOpenAIResponsesWire } from './openai-responses-wire.js';
import { computeMockReply, DEFAULT_MOCK_TEXT } from './resolve-reply.js';
import { convertToSseText } from './sse.js';
import type { MockReply, RecordedSseEvent } from './types.js';
import { mapPathToMockApi } from './wire-answer.js';

const reply = (api: 'openai-chat' | 'openai-responses' | 'anthropic', r: MockReply) => computeMockReply({ api, reply: r, modelName: 'm', body: { model: 'm' }, sequence: 3, now: 1_700_000_000_000 });
const data = (events: readonly RecordedSseEvent[]) => events.map((e) => e.data as Record<string, unknown>);

describe('computeMockReply', () => {
  it('answers the default text, estimates usage, and numbers ids', () => {
    const r = computeMockReply({ api: 'openai-chat', reply: undefined, modelName: 'gpt-x', body: { model: 'gpt-x', messages: ['a'.repeat(40)] }, sequence: 12, now: 5000 });
    expect(r).toMatchObject({ text: DEFAULT_MOCK_TEXT, finishReason: 'stop', model: 'gpt-x', responseId: 'chatcmpl-mock_0012', created: 5 });
    expect(r.usage.inputTokens).toBe(Math.ceil(JSON.stringify({ model: 'gpt-x', messages: ['a'.repeat(40)] }).length / 4));
  });

  it('finishes with tool_call when there are tool calls and no text', () => {
    const r = reply('anthropic', { toolCalls: [{ name: 'f', args: {} }] });
    expect(r).toMatchObject({ text: undefined, finishReason: 'tool_call', toolCalls: [{ id: 'toolu_mock_3_0' }] });
  });
});

describe('mock wire formats', () => {
  it('Chat Completions: finish reasons and the usage chunk only when asked', () => {
    const r = reply('openai-chat', { text: 'a b', finishReason: 'length', usage: { inputTokens: 4, outputTokens: 2, cacheReadTokens: 1, reasoningTokens: 1 } });
    expect(convertToOpenAIChatWire(r, { stream: false, includeUsage: false })).toMatchObject({ kind: 'json', body: { choices: [{ finish_reason: 'length' }], usage: { prompt_tokens: 4, prompt_tokens_details: { cached_tokens: 1 }, completion_tokens_details: { reasoning_tokens: 1 } } } });
    const plain = convertToOpenAIChatWire(r, { stream: true, includeUsage: false });
    const withUsage = convertToOpenAIChatWire(r, { stream: true, includeUsage: true });
    if (plain.kind !== 'sse' || withUsage.kind !== 'sse') throw new Error('expected SSE');
    expect(withUsage.events.length).toBe(plain.events.length + 1);
    expect(plain.events.at(-1)).toEqual({ data: '[DONE]' });
    expect(data(withUsage.events).at(-2)).toMatchObject({ choices: [], usage: { total_tokens: 6 } });
  });

  it('Responses: incomplete for length, with the incomplete reason', () => {
    const wire = convertToOpenAIResponsesWire(reply('openai-responses', { text: 'cut', finishReason: 'length' }), { stream: true });
    if (wire.kind !== 'sse') throw new Error('expected SSE');
    expect(wire.events.at(-1)).toMatchObject({ event: 'response.incomplete', data: { response: { status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } } } });
    expect(data(wire.events).map((e) => e['sequence_number'])).toEqual(wire.events.map((_, i) => i));
  });

  it('Anthropic: input_tokens leaves the cached part out, as the real API does', () => {
    const wire = convertToAnthropicWire(reply('anthropic', { text: 'x', usage: { inputTokens: 100, outputTokens: 5, cacheReadTokens: 60, cacheWriteTokens: 30, reasoningTokens: 2 } }), { stream: false });
    expect(wire).toMatchObject({ kind: 'json', body: { stop_reason: 'end_turn', usage: { input_tokens: 10, cache_read_input_tokens: 60, cache_creation_input_tokens: 30, output_tokens_details: { thinking_tokens: 2 } } } });
  });

  it('error bodies follow each API', () => {
    expect(convertToMockErrorBody('openai-chat', 429)).toMatchObject({ error: { code: 'rate_limit_exceeded' } });
    expect(convertToMockErrorBody('anthropic', 529)).toMatchObject({ type: 'error', error: { type: 'overloaded_error' } });
    expect(convertToMockErrorBody('anthropic', 418)).toMatchObject({ error: { type: 'invalid_request_error' } });
    expect(convertToMockErrorBody('openai-responses', 502)).toMatchObject({ error: { type: 'server_error' } });
  });

  it('writes SSE text, splits text into word deltas and routes paths', () => {
    expect(convertToSseText({ event: 'ping', data: { type: 'ping' } })).toBe('event: ping\ndata: {"type":"ping"}\n\n');
    expect(splitText('The capital  of')).toEqual(['The ', 'capital  ', 'of']);
    expect(splitText('')).toEqual(['']);
    expect(['/v1/chat/completions', '/v1/responses?x=1', '/v1/messages', '/v1/models'].map(mapPathToMockApi)).toEqual(['openai-chat', 'openai-responses', 'anthropic', undefined]);
  });
});
