import { describe, expect, it } from 'vitest';
import { modelRequest, userPrompt } from '../../messages.js';
import { modelRequestParameters } from '../../settings.js';
import { UserError } from '../../errors.js';
import { ANTHROPIC_DEFAULT_MAX_TOKENS, computeAnthropicThinking, convertToAnthropicBody } from './convert-request.js';

describe('computeAnthropicThinking', () => {
  it('keeps the budget below max_tokens', () => {
    expect(computeAnthropicThinking(undefined, undefined)).toEqual({ thinking: undefined, maxTokens: ANTHROPIC_DEFAULT_MAX_TOKENS });
    expect(computeAnthropicThinking(false, 100)).toEqual({ thinking: { type: 'disabled' }, maxTokens: 100 });
    expect(computeAnthropicThinking(true, undefined)).toEqual({ thinking: { type: 'enabled', budget_tokens: 4096 }, maxTokens: 4096 + ANTHROPIC_DEFAULT_MAX_TOKENS });
    expect(computeAnthropicThinking('xhigh', 5000)).toEqual({ thinking: { type: 'enabled', budget_tokens: 4999 }, maxTokens: 5000 });
    expect(computeAnthropicThinking('minimal', 64_000)).toEqual({ thinking: { type: 'enabled', budget_tokens: 1024 }, maxTokens: 64_000 });
    expect(computeAnthropicThinking('low', 1025)).toEqual({ thinking: { type: 'enabled', budget_tokens: 1024 }, maxTokens: 1025 });
  });

  it('refuses a max_tokens with no room for the smallest budget, naming both numbers', () => {
    for (const maxTokens of [1000, 1024]) {
      expect(() => computeAnthropicThinking('low', maxTokens)).toThrow(UserError);
      expect(() => computeAnthropicThinking('low', maxTokens)).toThrow(`maxTokens above 1024 (its smallest thinking budget, which must stay below max_tokens); got maxTokens ${maxTokens}`);
    }
    expect(computeAnthropicThinking(false, 1000)).toEqual({ thinking: { type: 'disabled' }, maxTokens: 1000 });
  });
});

describe('convertToAnthropicBody', () => {
  it('forces a tool with tool_choice any and sends stop sequences; no seed or penalties', () => {
    const body = convertToAnthropicBody({
      modelName: 'claude-haiku-4-5',
      messages: [modelRequest([userPrompt('hi')])],
      settings: { stopSequences: ['###'], topP: 0.8, seed: 3, frequencyPenalty: 1, extraBody: { metadata: { user_id: 'u1' } } },
      parameters: modelRequestParameters({ outputTools: [{ name: 'final_result', parametersJsonSchema: { properties: { a: { type: 'number' } } } }], allowTextOutput: false }),
      stream: false,
    });
    expect(body).toEqual({
      model: 'claude-haiku-4-5',
      max_tokens: ANTHROPIC_DEFAULT_MAX_TOKENS,
      messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }],
      top_p: 0.8,
      stop_sequences: ['###'],
      tools: [{ name: 'final_result', input_schema: { type: 'object', properties: { a: { type: 'number' } } } }],
      tool_choice: { type: 'any' },
      metadata: { user_id: 'u1' },
    });
  });
});
