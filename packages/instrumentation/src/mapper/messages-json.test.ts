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
