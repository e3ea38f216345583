import { describe, expect, it } from 'vitest';
import { ModelAPIError } from '../../errors.js';
import { mapOpenAIChatFinishReason, parseOpenAIChatResponse, parseOpenAIChatUsage } from './parse-response.js';

const context = { modelName: 'gpt-4o', providerName: 'openai', providerUrl: 'https://api.openai.com/v1' };

describe('parseOpenAIChatResponse', () => {
  it('maps finish reasons and keeps unknown ones only in providerDetails', () => {
    expect(['stop', 'length', 'tool_calls', 'function_call', 'content_filter', 'weird', null].map(mapOpenAIChatFinishReason)).toEqual(['stop', 'length', 'tool_call', 'tool_call', 'content_filter', undefined, undefined]);
    const response = parseOpenAIChatResponse({ id: 'x', created: 0, model: 'gpt-4o-2024', choices: [{ index: 0, message: { role: 'assistant', content: '' }, finish_reason: 'weird' }] }, context);
    expect(response.finishReason).toBeUndefined();
    expect(response.providerDetails).toEqual({ finish_reason: 'weird' });
    expect(response.parts).toEqual([]);
  });

  it('reads audio tokens and prediction counts', () => {
    const usage = parseOpenAIChatUsage({
      prompt_tokens: 100,
      completion_tokens: 50,
      total_tokens: 150,
      prompt_tokens_details: { cached_tokens: 20, audio_tokens: 30 },
      completion_tokens_details: { audio_tokens: 10, reasoning_tokens: 0, accepted_prediction_tokens: 4 },
    });
    expect(usage).toMatchObject({ inputTokens: 100, outputTokens: 50, cacheReadTokens: 20, inputAudioTokens: 30, outputAudioTokens: 10, details: { audio_tokens: 10, accepted_prediction_tokens: 4 } });
  });

  it('rejects a body that is not a chat completion as invalid_response', () => {
    for (const body of ['<html>', { object: 'list' }, null]) {
      expect(() => parseOpenAIChatResponse(body, context)).toThrow(ModelAPIError);
    }
    try {
      parseOpenAIChatResponse('<html>', context);
    } catch (error) {
      expect(error).toMatchObject({ category: 'invalid_response', provider: 'openai', modelName: 'gpt-4o' });
    }
  });
});
