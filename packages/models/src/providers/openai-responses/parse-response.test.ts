import { describe, expect, it } from 'vitest';
import { ModelAPIError } from '../../errors.js';
import { mapOpenAIResponsesFinishReason, parseOpenAIResponsesResponse } from './parse-response.js';

describe('parseOpenAIResponsesResponse', () => {
  it('maps statuses and incomplete reasons to finish reasons', () => {
    expect(mapOpenAIResponsesFinishReason({ status: 'completed', hasToolCalls: false })).toBe('stop');
    expect(mapOpenAIResponsesFinishReason({ status: 'completed', hasToolCalls: true })).toBe('tool_call');
    expect(mapOpenAIResponsesFinishReason({ status: 'incomplete', incompleteReason: 'max_output_tokens', hasToolCalls: false })).toBe('length');
    expect(mapOpenAIResponsesFinishReason({ status: 'incomplete', incompleteReason: 'content_filter', hasToolCalls: false })).toBe('content_filter');
    expect(mapOpenAIResponsesFinishReason({ status: 'failed', hasToolCalls: false })).toBe('error');
    expect(mapOpenAIResponsesFinishReason({ status: 'in_progress', hasToolCalls: false })).toBeUndefined();
  });

  it('keeps the raw incomplete reason and reads cache writes', () => {
    const response = parseOpenAIResponsesResponse(
      {
        id: 'resp_1',
        created_at: 0,
        model: 'gpt-5-2025',
        status: 'incomplete',
        incomplete_details: { reason: 'max_output_tokens' },
        output: [{ type: 'message', id: 'msg_1', role: 'assistant', status: 'incomplete', content: [{ type: 'output_text', text: 'Par', annotations: [] }] }],
        usage: { input_tokens: 10, input_tokens_details: { cached_tokens: 2, cache_write_tokens: 5 }, output_tokens: 1, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: 11 },
      },
      { modelName: 'gpt-5', providerName: 'openai', providerUrl: undefined },
    );
    expect(response).toMatchObject({ finishReason: 'length', providerDetails: { finish_reason: 'max_output_tokens' }, usage: { cacheReadTokens: 2, cacheWriteTokens: 5, details: {} }, parts: [{ partKind: 'text', content: 'Par' }] });
    expect(response).not.toHaveProperty('providerUrl');
  });

  it('rejects a body without output as invalid_response', () => {
    expect(() => parseOpenAIResponsesResponse({ id: 'x' }, { modelName: 'gpt-5', providerName: 'openai', providerUrl: undefined })).toThrow(ModelAPIError);
  });
});
