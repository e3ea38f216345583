import { describe, expect, it } from 'vitest';
import type { ChatMessage } from './chat-types.js';
import { parseOtelMessage, parseOtelMessages } from './parse-messages.js';

describe('parseOtelMessage (OpenAI-style {role, content, tool_calls})', () => {
  const cases: Array<[string, unknown, ChatMessage]> = [
    [
      'a tool message whose content is JSON text is a tool return with the parsed result',
      { role: 'tool', tool_call_id: 'call_1', content: '{"temperature": 21}' },
      { role: 'tool', parts: [{ kind: 'tool-return', id: 'call_1', name: '(tool)', result: { temperature: 21 }, builtin: false }] },
    ],
    [
      'an assistant answer that is JSON text stays text',
      { role: 'assistant', content: '{"city": "Paris"}' },
      { role: 'assistant', parts: [{ kind: 'text', content: '{"city": "Paris"}' }] },
    ],
    [
      'a JSON list that is not of typed parts stays text',
      { role: 'assistant', content: '["Paris", "Lyon"]' },
      { role: 'assistant', parts: [{ kind: 'text', content: '["Paris", "Lyon"]' }] },
    ],
    [
      'JSON text of a list of typed parts is those parts (OpenLLMetry serialises content lists)',
      { role: 'user', content: '[{"type": "text", "text": "hi"}, {"type": "image_url", "image_url": {"url": "https://x.test/a.png"}}]' },
      { role: 'user', parts: [{ kind: 'text', content: 'hi' }, { kind: 'unknown', type: 'image_url', raw: { type: 'image_url', image_url: { url: 'https://x.test/a.png' } } }] },
    ],
    [
      'a single structured part object',
      { role: 'user', content: { type: 'text', text: 'hi' } },
      { role: 'user', parts: [{ kind: 'text', content: 'hi' }] },
    ],
    [
      'null content with tool calls',
      { role: 'assistant', content: null, tool_calls: [{ id: 'c1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }] },
      { role: 'assistant', parts: [{ kind: 'tool-call', id: 'c1', name: 'get_weather', arguments: { city: 'Paris' }, builtin: false }] },
    ],
    [
      'the legacy function_call',
      { role: 'assistant', function_call: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
      { role: 'assistant', parts: [{ kind: 'tool-call', id: null, name: 'get_weather', arguments: { city: 'Paris' }, builtin: false }] },
    ],
  ];
  it.each(cases)('%s', (_name, raw, expected) => {
    expect(parseOtelMessage(raw)).toEqual(expected);
  });

  it('keeps JSON-looking content when the whole list is JSON text', () => {
    const messages = parseOtelMessages('[{"role":"tool","tool_call_id":"call_1","content":"{\\"temperature\\": 21}"},{"role":"assistant","content":"{\\"city\\": \\"Paris\\"}"}]');
    expect(messages?.map((m) => m.parts)).toEqual([
      [{ kind: 'tool-return', id: 'call_1', name: '(tool)', result: { temperature: 21 }, builtin: false }],
      [{ kind: 'text', content: '{"city": "Paris"}' }],
    ]);
  });
});
