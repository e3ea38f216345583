import { describe, expect, it } from 'vitest';
import type { LogRecordEntry } from '../../../src/shared/api-types.js';
import type { Conversation } from './chat-types.js';
import { parseSpanConversation } from './parse-conversation.js';

const v2Input = [
  { role: 'system', parts: [{ type: 'text', content: 'You are terse.' }] },
  { role: 'user', parts: [{ type: 'text', content: 'weather?' }] },
];
const v2Output = [{ role: 'assistant', parts: [{ type: 'tool_call', id: 'c1', name: 'weather', arguments: { city: 'Paris' } }], finish_reason: 'tool_call' }];
const expectedV2: Conversation = {
  source: 'messages',
  systemInstructions: [{ kind: 'text', content: 'Be brief' }],
  input: [
    { role: 'system', parts: [{ kind: 'text', content: 'You are terse.' }] },
    { role: 'user', parts: [{ kind: 'text', content: 'weather?' }] },
  ],
  output: [{ role: 'assistant', finishReason: 'tool_call', parts: [{ kind: 'tool-call', id: 'c1', name: 'weather', arguments: { city: 'Paris' }, builtin: false }] }],
};

const v1Events = [
  { role: 'system', content: 'Be brief', 'gen_ai.system': 'openai', 'event.name': 'gen_ai.system.message' },
  { content: 'weather?', role: 'user', 'gen_ai.system': 'openai', 'gen_ai.message.index': 0, 'event.name': 'gen_ai.user.message' },
  {
    index: 0,
    message: { role: 'assistant', tool_calls: [{ id: 'c1', type: 'function', function: { name: 'weather', arguments: { city: 'Paris' } } }] },
    'gen_ai.system': 'openai',
    'event.name': 'gen_ai.choice',
  },
];
const expectedV1 = (source: 'v1-events' | 'v1-logs'): Conversation => ({
  source,
  systemInstructions: [{ kind: 'text', content: 'Be brief' }],
  input: [{ role: 'user', parts: [{ kind: 'text', content: 'weather?' }] }],
  output: [{ role: 'assistant', parts: [{ kind: 'tool-call', id: 'c1', name: 'weather', arguments: { city: 'Paris' }, builtin: false }] }],
});

function logOf(event: Record<string, unknown>, time: string): LogRecordEntry {
  const { 'event.name': eventName, 'gen_ai.system': system, 'gen_ai.message.index': index, ...body } = event;
  const attributes: Record<string, string | number> = { 'gen_ai.system': String(system), 'event.name': String(eventName) };
  if (typeof index === 'number') attributes['gen_ai.message.index'] = index;
  return {
    traceId: 't', spanId: 's', timeUnixNano: time, observedTimeUnixNano: time, severityNumber: 0, severityText: '',
    eventName: '', body: body as LogRecordEntry['body'], attributes, droppedAttributesCount: 0, flags: 0,
    resource: { attributes: {}, schemaUrl: '' }, scope: { name: 'pydantic-ai', version: '' },
  };
}

describe('parseSpanConversation', () => {
  const cases: Array<[string, Parameters<typeof parseSpanConversation>[0], Conversation | null]> = [
    [
      'v2-v5 attributes as JSON text',
      { attributes: { 'gen_ai.input.messages': JSON.stringify(v2Input), 'gen_ai.output.messages': JSON.stringify(v2Output), 'gen_ai.system_instructions': '[{"type": "text", "content": "Be brief"}]' } },
      expectedV2,
    ],
    [
      'v2-v5 attributes as structured values (other instrumentations)',
      { attributes: { 'gen_ai.input.messages': v2Input, 'gen_ai.output.messages': v2Output, 'gen_ai.system_instructions': [{ type: 'text', content: 'Be brief' }] } },
      expectedV2,
    ],
    ['v1 events attribute', { attributes: { events: JSON.stringify(v1Events) } }, expectedV1('v1-events')],
    [
      'v1 events as OTLP logs, out of order',
      { attributes: {}, logs: [logOf(v1Events[2]!, '30'), logOf(v1Events[0]!, '10'), logOf(v1Events[1]!, '20')] },
      expectedV1('v1-logs'),
    ],
    [
      'deprecated gen_ai.prompt / gen_ai.completion',
      { attributes: { 'gen_ai.prompt': '[{"role":"user","content":"hi"}]', 'gen_ai.completion': 'hello' } },
      {
        source: 'legacy-prompt',
        systemInstructions: [],
        input: [{ role: 'user', parts: [{ kind: 'text', content: 'hi' }] }],
        output: [{ role: 'assistant', parts: [{ kind: 'text', content: 'hello' }] }],
      },
    ],
    [
      'flattened gen_ai.prompt.<n>.*',
      { attributes: { 'gen_ai.prompt.1.role': 'user', 'gen_ai.prompt.1.content': 'b', 'gen_ai.prompt.0.role': 'system', 'gen_ai.prompt.0.content': 'a', 'gen_ai.completion.0.content': 'c' } },
      {
        source: 'legacy-prompt',
        systemInstructions: [],
        input: [
          { role: 'system', parts: [{ kind: 'text', content: 'a' }] },
          { role: 'user', parts: [{ kind: 'text', content: 'b' }] },
        ],
        output: [{ role: 'assistant', parts: [{ kind: 'text', content: 'c' }] }],
      },
    ],
    ['no conversation', { attributes: { 'gen_ai.request.model': 'gpt-4o' } }, null],
  ];
  it.each(cases)('%s', (_name, input, expected) => {
    expect(parseSpanConversation(input)).toEqual(expected);
  });

  it('says content was not captured for scrubbed v2-v5 parts', () => {
    const conversation = parseSpanConversation({ attributes: { 'gen_ai.input.messages': '[{"role":"user","parts":[{"type":"text"}]}]' } });
    expect(conversation?.input[0]?.parts).toEqual([{ kind: 'text', content: null }]);
  });

  it('reads scrubbed v1 events as not captured', () => {
    const events = [{ role: 'user', 'gen_ai.message.index': 0, 'event.name': 'gen_ai.user.message' }];
    expect(parseSpanConversation({ attributes: { events } })?.input[0]?.parts).toEqual([{ kind: 'text', content: null }]);
  });

  it('merges the v1 events of one multi-part user message', () => {
    const events = [
      { content: ['a', { kind: 'image-url', url: 'https://x.test/i.png' }], role: 'user', 'gen_ai.message.index': 0, 'event.name': 'gen_ai.user.message' },
      { role: 'tool', id: 'c1', name: 'weather', content: 'sunny', 'gen_ai.message.index': 2, 'event.name': 'gen_ai.tool.message' },
      { role: 'assistant', content: [{ kind: 'thinking', text: 'hmm' }, { kind: 'text', text: 'ok' }], 'gen_ai.message.index': 1, 'event.name': 'gen_ai.assistant.message' },
    ];
    const conversation = parseSpanConversation({ attributes: { events } });
    expect(conversation?.input.map((m) => [m.role, m.parts.map((p) => p.kind)])).toEqual([
      ['user', ['text', 'media']],
      ['tool', ['tool-return']],
      ['assistant', ['thinking', 'text']],
    ]);
  });

  it('treats a broken JSON attribute as no messages, not a crash', () => {
    expect(parseSpanConversation({ attributes: { 'gen_ai.input.messages': '[{broken' } })).toBeNull();
  });
});
