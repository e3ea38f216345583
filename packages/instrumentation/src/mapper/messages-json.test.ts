import { describe, expect, it } from 'vitest';
import {
  binaryContent, modelRequest, modelRequestParameters, requestUsage, systemPrompt, textPart, toolCallPart, toolReturnPart, userPrompt,
  type ModelMessage, type ModelResponse,
} from '@hopscope/models';
import { toOtelMessages } from './messages.js';
import { toOtelMessagesJson } from './messages-json.js';
import { toJsonText } from './serialize.js';
import type { ContentOptions, InstrumentationVersion } from './types.js';

const response = (parts: ModelResponse['parts']): ModelResponse => ({ kind: 'response', parts, usage: requestUsage(), timestamp: new Date(0), finishReason: 'stop' });
const history: ModelMessage[] = [
  modelRequest([systemPrompt('S'), userPrompt(['U', binaryContent(new Uint8Array([255, 1]), 'image/png')])], { instructions: 'Be brief.' }),
  response([textPart('calling'), toolCallPart('run_code', { code: 'print(1)' }, 'c1')]),
  modelRequest([toolReturnPart('run_code', { out: '1', raw: new Uint8Array([9]) }, 'c1')]),
  modelRequest([]),
  response([textPart('done')]),
];
const codeTool = { name: 'run_code', parametersJsonSchema: {}, metadata: { code_arg_name: 'code', code_arg_language: 'python' } };
const options: ContentOptions[] = ([2, 3, 4, 5] as InstrumentationVersion[]).flatMap((version) =>
  [true, false].flatMap((includeContent) => [true, false].map((includeBinaryContent) => ({ version, includeContent, includeBinaryContent }))),
);

describe('toOtelMessagesJson', () => {
  it.each(options.map((content) => [toJsonText(content), content] as const))('is the JSON text of toOtelMessages for %s, first and repeated calls', (_name, content) => {
    for (const parameters of [undefined, modelRequestParameters({ functionTools: [codeTool] })]) {
      const o = parameters === undefined ? {} : { parameters };
      const expected = toJsonText(toOtelMessages(history, content, o));
      expect(toOtelMessagesJson(history, content, o)).toBe(expected);
      expect(toOtelMessagesJson(history, content, o)).toBe(expected);
    }
  });

  it('keeps code-argument hints apart from the same response rendered without them', () => {
    const content: ContentOptions = { version: 5, includeContent: true, includeBinaryContent: true };
    const withHints = toOtelMessagesJson(history, content, { parameters: modelRequestParameters({ functionTools: [codeTool] }) });
    expect(withHints).toContain('"code_arg_name":"code"');
    expect(toOtelMessagesJson(history, content)).not.toContain('code_arg_name');
  });

  it('renders a grown conversation like a fresh one', () => {
    const content: ContentOptions = { version: 5, includeContent: true, includeBinaryContent: true };
    toOtelMessagesJson(history.slice(0, 2), content);
    expect(toOtelMessagesJson(history, content)).toBe(toJsonText(toOtelMessages(history, content)));
    expect(toOtelMessagesJson([], content)).toBe('[]');
  });
});

describe('toOtelMessagesJson after the history is changed in place', () => {
  const content: ContentOptions = { version: 5, includeContent: true, includeBinaryContent: true };
  type Mutation = (messages: ModelMessage[]) => void;
  const writable = (value: object) => value as Record<string, unknown>;
  const mutations: Record<string, Mutation> = {
    'a user prompt reassigned': (m) => (writable(m[0]!.parts[1]!).content = 'changed'),
    'a tool name reassigned': (m) => (writable(m[1]!.parts[1]!).toolName = 'renamed'),
    'a tool call id reassigned': (m) => (writable(m[2]!.parts[0]!).toolCallId = 'c2'),
    'tool args reassigned': (m) => (writable(m[1]!.parts[1]!).args = { code: 'print(2)' }),
    'a part pushed': (m) => (m[3]!.parts as unknown[]).push(userPrompt('late')),
    'a part replaced': (m) => ((m[4]!.parts as unknown[])[0] = textPart('other')),
    'a part removed': (m) => (m[1]!.parts as unknown[]).shift(),
    'a message replaced': (m) => (m[4] = response([textPart('new answer')])),
    'a finish reason changed': (m) => (writable(m[4]!).finishReason = 'length'),
    'a field deleted from a part': (m) => delete writable(m[1]!.parts[1]!).args,
  };

  it.each(Object.keys(mutations))('is never stale: %s', (name) => {
    const messages: ModelMessage[] = [
      modelRequest([systemPrompt('S'), userPrompt('U')]),
      response([textPart('calling'), toolCallPart('run_code', { code: 'print(1)' }, 'c1')]),
      modelRequest([toolReturnPart('run_code', { out: '1' }, 'c1')]),
      modelRequest([]),
      response([textPart('done')]),
    ].map((message) => ({ ...message, parts: [...message.parts.map((part) => ({ ...part }))] }) as ModelMessage);
    const before = toOtelMessagesJson(messages, content);
    expect(before).toBe(toJsonText(toOtelMessages(messages, content)));
    mutations[name]!(messages);
    const after = toOtelMessagesJson(messages, content);
    expect(after).toBe(toJsonText(toOtelMessages(messages, content)));
    expect(after).not.toBe(before);
  });
});
