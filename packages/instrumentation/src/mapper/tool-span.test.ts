import { describe, expect, it } from 'vitest';
import { binaryContent, toolCallPart } from '@hopscope/models';
import { toToolResultAttributes, toToolRetryAttributes, toToolSpanName, toToolStartAttributes } from './tool-span.js';
import type { ContentOptions, InstrumentationVersion } from './types.js';

const on = (version: InstrumentationVersion): ContentOptions => ({ version, includeContent: true, includeBinaryContent: true });
const ROWS = [
  [1, 'running tool', 'tool_arguments', 'tool_response'],
  [2, 'running tool', 'tool_arguments', 'tool_response'],
  [3, 'execute_tool get_weather', 'gen_ai.tool.call.arguments', 'gen_ai.tool.call.result'],
  [4, 'execute_tool get_weather', 'gen_ai.tool.call.arguments', 'gen_ai.tool.call.result'],
  [5, 'execute_tool get_weather', 'gen_ai.tool.call.arguments', 'gen_ai.tool.call.result'],
] as const;

describe('tool span', () => {
  it.each(ROWS)('v%i: name %s, args %s, result %s', (version, name, argsAttr, resultAttr) => {
    expect(toToolSpanName('get_weather', version)).toBe(name);
    const start = toToolStartAttributes({ call: toolCallPart('get_weather', { city: 'Paris' }, 'c1'), baggage: { agentName: 'a' }, content: on(version) });
    expect(Object.entries(start)).toEqual([
      ['gen_ai.operation.name', 'execute_tool'], ['gen_ai.tool.name', 'get_weather'], ['gen_ai.tool.call.id', 'c1'], [argsAttr, '{"city":"Paris"}'],
      ['gen_ai.agent.name', 'a'], ['logfire.msg', 'running tool: get_weather'],
      ['logfire.json_schema', `{"type":"object","properties":{"${argsAttr}":{"type":"object"},"${resultAttr}":{"type":"object"},"gen_ai.tool.name":{},"gen_ai.tool.call.id":{}}}`],
    ]);
    expect(toToolResultAttributes({ t: 21 }, on(version))).toEqual({ [resultAttr]: '{"t":21}' });
    expect(toToolRetryAttributes('Fix it', on(version))).toEqual({ [resultAttr]: 'Fix it' });
  });

  it.each([
    ['empty args', undefined, '{}'],
    ['empty string', '', '{}'],
    ['raw string verbatim', '{"city": "Paris"', '{"city": "Paris"'],
  ] as const)('arguments: %s', (_name, args, expected) => {
    expect(toToolStartAttributes({ call: { toolName: 't', toolCallId: 'c', args }, baggage: {}, content: on(5) })['gen_ai.tool.call.arguments']).toBe(expected);
  });

  it('records nothing of content without it', () => {
    const off: ContentOptions = { version: 5, includeContent: false, includeBinaryContent: true };
    const start = toToolStartAttributes({ call: toolCallPart('t', { secret: 1 }, 'c'), baggage: {}, content: off });
    expect(start['gen_ai.tool.call.arguments']).toBeUndefined();
    expect(start['logfire.json_schema']).toBe('{"type":"object","properties":{"gen_ai.tool.name":{},"gen_ai.tool.call.id":{}}}');
    expect(toToolResultAttributes('secret', off)).toEqual({});
    expect(toToolRetryAttributes('secret', off)).toEqual({});
  });

  it('keeps string results verbatim and serializes bytes URL-safe, or drops them without binary content', () => {
    expect(toToolResultAttributes('plain', on(5))).toEqual({ 'gen_ai.tool.call.result': 'plain' });
    expect(toToolResultAttributes({ b: new Uint8Array([255]) }, on(5))).toEqual({ 'gen_ai.tool.call.result': '{"b":"_w=="}' });
    const image = binaryContent(new Uint8Array([255]), 'image/png');
    const result = toToolResultAttributes([image], { ...on(5), includeBinaryContent: false })['gen_ai.tool.call.result'];
    expect(JSON.parse(String(result))).toEqual([{ media_type: 'image/png', vendor_metadata: null, kind: 'binary', identifier: expect.any(String) }]);
    expect(toToolResultAttributes(undefined, on(5))).toEqual({ 'gen_ai.tool.call.result': 'null' });
  });
});
