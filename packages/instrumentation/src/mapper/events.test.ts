import { describe, expect, it } from 'vitest';
import {
  binaryContent, imageUrl, modelRequest, modelRequestParameters, requestUsage, systemPrompt, textPart, toolCallPart, toolReturnPart, userPrompt,
  type ModelResponse, type ModelResponsePart,
} from '@hopscope/models';
import { toChoiceEvent, toEventDict, toOtelEvents } from './events.js';
import type { ContentOptions } from './types.js';

const ON: ContentOptions = { version: 1, includeContent: true, includeBinaryContent: true };
const OFF: ContentOptions = { ...ON, includeContent: false };
const response = (parts: ModelResponsePart[]): ModelResponse => ({ kind: 'response', parts, usage: requestUsage(), timestamp: new Date(0) });
const bodies = (messages: Parameters<typeof toOtelEvents>[0], content = ON) => toOtelEvents(messages, content).map((e) => e.body);

describe('toOtelEvents: user content unwrapping', () => {
  it.each([
    ['plain string', userPrompt('hi'), ON, 'hi'],
    ['list of one string', userPrompt(['hi']), ON, ['hi']],
    ['scrubbed string', userPrompt('hi'), OFF, { kind: 'text' }],
    ['scrubbed single-item list', userPrompt(['hi']), OFF, { kind: 'text' }],
    ['text and url', userPrompt(['a', imageUrl('https://x.test/u.png')]), ON, ['a', { kind: 'image-url', url: 'https://x.test/u.png' }]],
    ['scrubbed url', userPrompt([imageUrl('https://x.test/u.png')]), OFF, [{ kind: 'image-url' }]],
    ['binary, data last', userPrompt([binaryContent(new Uint8Array([1]), 'image/png')]), ON, [{ kind: 'binary', media_type: 'image/png', binary_content: 'AQ==' }]],
    ['binary without binary content', userPrompt([binaryContent(new Uint8Array([1]), 'image/png')]), { ...ON, includeBinaryContent: false }, [{ kind: 'binary', media_type: 'image/png' }]],
    ['uploaded file', userPrompt([{ kind: 'uploaded-file', fileId: 'f', mediaType: 'image/png' }]), ON, [{ kind: 'file', modality: 'image', mime_type: 'image/png', file_id: 'f' }]],
  ] as const)('%s', (_name, part, content, expected) => {
    const [body] = bodies([modelRequest([part])], content);
    expect(JSON.stringify(body)).toBe(JSON.stringify({ content: expected, role: 'user' }));
  });
});

describe('toOtelEvents: event list', () => {
  const history = [
    modelRequest([systemPrompt('S'), userPrompt('U')], { instructions: 'Be brief.' }),
    response([textPart('calling'), toolCallPart('t', { a: 1 }, 'c1'), { partKind: 'builtin-tool-call', toolName: 'w', toolCallId: 'b' }]),
    modelRequest([toolReturnPart('t', { ok: new Uint8Array([255]) }, 'c1'), { partKind: 'retry-prompt', content: 'no', toolCallId: 'c2', toolName: 't' }, { partKind: 'retry-prompt', content: 'x', toolCallId: 'c3' }]),
  ];

  it('emits instructions first without index, then each part with its message index', () => {
    const events = toOtelEvents(history, ON, { system: 'openai' });
    expect(events.map(toEventDict)).toEqual([
      { content: 'Be brief.', role: 'system', 'gen_ai.system': 'openai', 'event.name': 'gen_ai.system.message' },
      { role: 'system', content: 'S', 'gen_ai.system': 'openai', 'gen_ai.message.index': 0, 'event.name': 'gen_ai.system.message' },
      { content: 'U', role: 'user', 'gen_ai.system': 'openai', 'gen_ai.message.index': 0, 'event.name': 'gen_ai.user.message' },
      {
        role: 'assistant', content: 'calling', tool_calls: [{ id: 'c1', type: 'function', function: { name: 't', arguments: { a: 1 } } }],
        'gen_ai.system': 'openai', 'gen_ai.message.index': 1, 'event.name': 'gen_ai.assistant.message',
      },
      { role: 'tool', id: 'c1', name: 't', content: { ok: '_w==' }, 'gen_ai.system': 'openai', 'gen_ai.message.index': 2, 'event.name': 'gen_ai.tool.message' },
      { content: 'no\n\nFix the errors and try again.', role: 'tool', id: 'c2', name: 't', 'gen_ai.system': 'openai', 'gen_ai.message.index': 2, 'event.name': 'gen_ai.tool.message' },
      { content: 'Validation feedback:\nx\n\nFix the errors and try again.', role: 'user', 'gen_ai.system': 'openai', 'gen_ai.message.index': 2, 'event.name': 'gen_ai.user.message' },
    ]);
    expect(Object.keys(events[1]?.attributes ?? {})).toEqual(['gen_ai.system', 'gen_ai.message.index', 'event.name']);
    expect(Object.keys(events[3]?.body ?? {})).toEqual(['role', 'content', 'tool_calls']);
  });

  it('keeps a tool return of nothing as content null (the reference writes content whenever content is on)', () => {
    for (const returned of [null, undefined]) {
      expect(bodies([modelRequest([toolReturnPart('t', returned, 'c1')])], ON)).toEqual([{ role: 'tool', id: 'c1', name: 't', content: null }]);
      expect(bodies([modelRequest([toolReturnPart('t', returned, 'c1')])], OFF)).toEqual([{ role: 'tool', id: 'c1', name: 't' }]);
    }
  });

  it('scrubs every text without content, keeps structure', () => {
    expect(bodies(history, OFF)).toEqual([
      { role: 'system' }, { role: 'system' }, { content: { kind: 'text' }, role: 'user' },
      { role: 'assistant', content: [{ kind: 'text' }], tool_calls: [{ id: 'c1', type: 'function', function: { name: 't' } }] },
      { role: 'tool', id: 'c1', name: 't' }, { role: 'tool', id: 'c2', name: 't' }, { role: 'user' },
    ]);
  });

  it('prefers the parameters\' instruction parts and omits gen_ai.system when not given', () => {
    const [first] = toOtelEvents(history, ON, { parameters: modelRequestParameters({ instructionParts: [{ content: ' P ', dynamic: false }] }) });
    expect(toEventDict(first!)).toEqual({ content: 'P', role: 'system', 'event.name': 'gen_ai.system.message' });
  });
});

describe('toChoiceEvent', () => {
  it.each([
    ['one text collapses', [textPart('Paris')], { role: 'assistant', content: 'Paris' }],
    ['text plus thinking stays a list', [{ partKind: 'thinking', content: 'hm' }, textPart('P')], { role: 'assistant', content: [{ kind: 'thinking', text: 'hm' }, { kind: 'text', text: 'P' }] }],
    ['file part', [{ partKind: 'file', content: binaryContent(new Uint8Array([1]), 'image/png') }], { role: 'assistant', content: [{ kind: 'binary', media_type: 'image/png', binary_content: 'AQ==' }] }],
    ['tool call before text keeps first-seen key order', [toolCallPart('t', 'raw', 'c'), textPart('x')], { role: 'assistant', tool_calls: [{ id: 'c', type: 'function', function: { name: 't', arguments: 'raw' } }], content: 'x' }],
  ] as const)('%s', (_name, parts, message) => {
    const event = toChoiceEvent(response([...parts]), ON, 'test');
    expect(JSON.stringify(toEventDict(event))).toBe(JSON.stringify({ index: 0, message, 'gen_ai.system': 'test', 'event.name': 'gen_ai.choice' }));
  });
});
