import { describe, expect, it } from 'vitest';
import type { Conversation } from './chat-types.js';
import { parseLegacyPrompt } from './parse-legacy-prompt.js';

describe('parseLegacyPrompt', () => {
  it('keeps a flattened completion whose content is JSON text', () => {
    const conversation = parseLegacyPrompt({
      'gen_ai.prompt.0.role': 'user',
      'gen_ai.prompt.0.content': 'Return JSON for Paris',
      'gen_ai.completion.0.role': 'assistant',
      'gen_ai.completion.0.content': '{"city": "Paris"}',
    });
    expect(conversation?.output).toEqual([{ role: 'assistant', parts: [{ kind: 'text', content: '{"city": "Paris"}' }] }]);
  });

  it('keeps a gen_ai.completion that is a JSON answer, not a message', () => {
    expect(parseLegacyPrompt({ 'gen_ai.completion': '{"city": "Paris"}' })?.output).toEqual([{ role: 'assistant', parts: [{ kind: 'text', content: '{"city": "Paris"}' }] }]);
  });

  it('turns OpenLLMetry flattened tool calls into tool-call parts (completion and prompt)', () => {
    const conversation = parseLegacyPrompt({
      'gen_ai.prompt.0.role': 'user',
      'gen_ai.prompt.0.content': 'Weather in Paris?',
      'gen_ai.prompt.1.role': 'assistant',
      'gen_ai.prompt.1.tool_calls.0.id': 'call_1',
      'gen_ai.prompt.1.tool_calls.0.name': 'get_weather',
      'gen_ai.prompt.1.tool_calls.0.arguments': '{"city":"Lyon"}',
      'gen_ai.prompt.2.role': 'tool',
      'gen_ai.prompt.2.tool_call_id': 'call_1',
      'gen_ai.prompt.2.content': 'rain',
      'gen_ai.completion.0.role': 'assistant',
      'gen_ai.completion.0.finish_reason': 'tool_calls',
      'gen_ai.completion.0.tool_calls.1.name': 'get_time',
      'gen_ai.completion.0.tool_calls.1.arguments': '{}',
      'gen_ai.completion.0.tool_calls.0.id': 'call_9',
      'gen_ai.completion.0.tool_calls.0.name': 'get_weather',
      'gen_ai.completion.0.tool_calls.0.arguments': '{"city":"Paris"}',
    });
    const expected: Conversation = {
      source: 'legacy-prompt',
      systemInstructions: [],
      input: [
        { role: 'user', parts: [{ kind: 'text', content: 'Weather in Paris?' }] },
        { role: 'assistant', parts: [{ kind: 'tool-call', id: 'call_1', name: 'get_weather', arguments: { city: 'Lyon' }, builtin: false }] },
        { role: 'tool', parts: [{ kind: 'tool-return', id: 'call_1', name: '(tool)', result: 'rain', builtin: false }] },
      ],
      output: [
        {
          role: 'assistant',
          finishReason: 'tool_calls',
          parts: [
            { kind: 'tool-call', id: 'call_9', name: 'get_weather', arguments: { city: 'Paris' }, builtin: false },
            { kind: 'tool-call', id: null, name: 'get_time', arguments: {}, builtin: false },
          ],
        },
      ],
    };
    expect(conversation).toEqual(expected);
  });

  it('ignores keys that are not under a message index', () => {
    expect(parseLegacyPrompt({ 'gen_ai.prompt.tokens': 3, 'gen_ai.completion.x.y': 'z' })).toBeNull();
  });
});
