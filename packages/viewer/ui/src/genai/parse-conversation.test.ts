import { describe, expect, it } from 'vitest';
import type { LogRecordEntry, SpanEvent } from '../../../src/shared/api-types.js';
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
const expectedV1 = (source: 'v1-events' | 'log-events'): Conversation => ({
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
      expectedV1('log-events'),
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

  const spanEvent = (name: string, attributes: SpanEvent['attributes'], time = '1'): SpanEvent => ({ name, timeUnixNano: time, attributes, droppedAttributesCount: 0 });
  const rawLog = (eventName: string, attributes: LogRecordEntry['attributes'], time = '1'): LogRecordEntry => ({
    ...logOf({}, time),
    eventName,
    body: null,
    attributes,
  });

  it('reads the deprecated gen_ai.content.prompt / gen_ai.content.completion span events (semconv 1.26/1.27)', () => {
    const events = [
      spanEvent('gen_ai.content.completion', { 'gen_ai.completion': JSON.stringify([{ role: 'assistant', content: 'Paris' }]) }, '2'),
      spanEvent('gen_ai.content.prompt', { 'gen_ai.prompt': JSON.stringify([{ role: 'user', content: 'What is the capital of France?' }]) }, '1'),
    ];
    expect(parseSpanConversation({ attributes: { 'gen_ai.request.model': 'gpt-4' }, events })).toEqual({
      source: 'span-events',
      systemInstructions: [],
      input: [{ role: 'user', parts: [{ kind: 'text', content: 'What is the capital of France?' }] }],
      output: [{ role: 'assistant', parts: [{ kind: 'text', content: 'Paris' }] }],
    });
  });

  it('reads semconv GenAI events on the span, body fields as event attributes', () => {
    const events = [
      spanEvent('exception', { 'exception.type': 'Boom' }, '0'),
      spanEvent('gen_ai.system.message', { 'gen_ai.system': 'openai', content: 'Be brief' }, '1'),
      spanEvent('gen_ai.user.message', { 'gen_ai.system': 'openai', content: 'Weather?' }, '2'),
      spanEvent('gen_ai.assistant.message', { tool_calls: JSON.stringify([{ id: 'c1', type: 'function', function: { name: 'weather', arguments: '{"city":"Paris"}' } }]) }, '3'),
      spanEvent('gen_ai.tool.message', { id: 'c1', content: '{"temp": 21}' }, '4'),
      spanEvent('gen_ai.choice', { index: 0, finish_reason: 'stop', message: JSON.stringify({ role: 'assistant', content: 'Sunny' }) }, '5'),
    ];
    expect(parseSpanConversation({ attributes: {}, events })).toEqual({
      source: 'span-events',
      systemInstructions: [{ kind: 'text', content: 'Be brief' }],
      input: [
        { role: 'user', parts: [{ kind: 'text', content: 'Weather?' }] },
        { role: 'assistant', parts: [{ kind: 'tool-call', id: 'c1', name: 'weather', arguments: { city: 'Paris' }, builtin: false }] },
        { role: 'tool', parts: [{ kind: 'tool-return', id: 'c1', name: '(tool)', result: { temp: 21 }, builtin: false }] },
      ],
      output: [{ role: 'assistant', finishReason: 'stop', parts: [{ kind: 'text', content: 'Sunny' }] }],
    });
  });

  it('reads the message attributes of a gen_ai.client.inference.operation.details log record', () => {
    const log = rawLog('gen_ai.client.inference.operation.details', {
      'gen_ai.operation.name': 'chat',
      'gen_ai.system_instructions': '[{"type":"text","content":"Be brief"}]',
      'gen_ai.input.messages': JSON.stringify([{ role: 'user', parts: [{ type: 'text', content: 'Semconv question?' }] }]),
      'gen_ai.output.messages': JSON.stringify([{ role: 'assistant', parts: [{ type: 'text', content: 'Semconv answer.' }], finish_reason: 'stop' }]),
    });
    expect(parseSpanConversation({ attributes: {}, logs: [log] })).toEqual({
      source: 'log-events',
      systemInstructions: [{ kind: 'text', content: 'Be brief' }],
      input: [{ role: 'user', parts: [{ kind: 'text', content: 'Semconv question?' }] }],
      output: [{ role: 'assistant', finishReason: 'stop', parts: [{ kind: 'text', content: 'Semconv answer.' }] }],
    });
  });

  it('never lets GenAI logs without messages hide the span\'s own conversation', () => {
    const log = rawLog('gen_ai.client.operation.exception', { 'gen_ai.operation.name': 'chat' });
    const conversation = parseSpanConversation({ attributes: { 'gen_ai.prompt': 'hi', 'gen_ai.completion': 'hello' }, logs: [log] });
    expect(conversation?.source).toBe('legacy-prompt');
    expect(conversation?.output).toEqual([{ role: 'assistant', parts: [{ kind: 'text', content: 'hello' }] }]);
    const events = [spanEvent('gen_ai.user.message', { content: 'from the span' })];
    expect(parseSpanConversation({ attributes: {}, logs: [log], events })?.input).toEqual([{ role: 'user', parts: [{ kind: 'text', content: 'from the span' }] }]);
  });

  it('treats a broken JSON attribute as no messages, not a crash', () => {
    expect(parseSpanConversation({ attributes: { 'gen_ai.input.messages': '[{broken' } })).toBeNull();
  });
});
