import { describe, expect, it } from 'vitest';
import { modelRequest, userPrompt } from '../../messages.js';
import { modelRequestParameters } from '../../settings.js';
import { convertToOpenAIResponsesBody } from './convert-request.js';

describe('convertToOpenAIResponsesBody', () => {
  it('takes instructions from the parameters when no request carries them, and leaves out settings the API lacks', () => {
    const body = convertToOpenAIResponsesBody({
      modelName: 'gpt-5',
      messages: [modelRequest([userPrompt('hi')])],
      settings: { seed: 1, presencePenalty: 1, stopSequences: ['x'], topP: 0.5, thinking: true },
      parameters: modelRequestParameters({ instructionParts: [{ content: 'Be brief.', dynamic: false }, { content: 'Use metric units.', dynamic: true }] }),
      stream: false,
    });
    expect(body).toEqual({ model: 'gpt-5', input: [{ role: 'user', content: 'hi' }], instructions: 'Be brief.\n\nUse metric units.', top_p: 0.5, reasoning: { effort: 'medium', summary: 'auto' } });
  });

  it('requires a tool when text is not allowed; strict is null when unset', () => {
    const body = convertToOpenAIResponsesBody({
      modelName: 'gpt-5',
      messages: [],
      settings: { parallelToolCalls: true },
      parameters: modelRequestParameters({ outputTools: [{ name: 'final_result', parametersJsonSchema: { type: 'object' } }], allowTextOutput: false }),
      stream: true,
    });
    expect(body).toMatchObject({ tool_choice: 'required', parallel_tool_calls: true, stream: true, tools: [{ type: 'function', name: 'final_result', parameters: { type: 'object' }, strict: null }] });
  });
});
