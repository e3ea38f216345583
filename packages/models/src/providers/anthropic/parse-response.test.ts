import { describe, expect, it } from 'vitest';
import { ModelAPIError } from '../../errors.js';
import { computeAnthropicUsageMerge, mapAnthropicStopReason, parseAnthropicResponse, parseAnthropicUsage } from './parse-response.js';

describe('parseAnthropicResponse', () => {
  it('maps stop reasons', () => {
    expect(['end_turn', 'stop_sequence', 'pause_turn', 'max_tokens', 'model_context_window_exceeded', 'tool_use', 'refusal', 'other', null].map(mapAnthropicStopReason)).toEqual([
      'stop',
      'stop',
      'stop',
      'length',
      'length',
      'tool_call',
      'content_filter',
      undefined,
      undefined,
    ]);
  });

  it('counts thinking tokens as reasoning tokens and merges stream usage skipping nulls', () => {
    expect(parseAnthropicUsage({ input_tokens: 5, output_tokens: 9, output_tokens_details: { thinking_tokens: 7 } }).details).toEqual({ reasoning_tokens: 7 });
    const merged = computeAnthropicUsageMerge({ input_tokens: 20, cache_read_input_tokens: 5, output_tokens: 1 }, { input_tokens: null, output_tokens: 42 });
    expect(parseAnthropicUsage(merged)).toMatchObject({ inputTokens: 25, cacheReadTokens: 5, outputTokens: 42 });
  });

  it('turns redacted thinking into a thinking part that keeps the data', () => {
    const response = parseAnthropicResponse(
      { id: 'msg_1', type: 'message', role: 'assistant', model: 'claude-x', content: [{ type: 'redacted_thinking', data: 'opaque' }], stop_reason: 'refusal', usage: { input_tokens: 1, output_tokens: 1 } },
      { modelName: 'claude-x', providerName: 'anthropic', providerUrl: 'https://api.anthropic.com' },
    );
    expect(response.parts).toEqual([{ partKind: 'thinking', content: '', signature: 'opaque', id: 'redacted_thinking', providerName: 'anthropic' }]);
    expect(response.finishReason).toBe('content_filter');
  });

  it('rejects a body that is not a message', () => {
    expect(() => parseAnthropicResponse('<html>', { modelName: 'claude-x', providerName: 'anthropic', providerUrl: undefined })).toThrow(ModelAPIError);
  });
});
