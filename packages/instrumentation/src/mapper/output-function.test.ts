import { describe, expect, it } from 'vitest';
import { toOutputFunctionErrorOutcome, toOutputFunctionSpanName, toOutputFunctionStartAttributes } from './output-function.js';
import type { InstrumentationVersion } from './types.js';

describe('output function span', () => {
  it.each([[1, 'running output function'], [2, 'running output function'], [3, 'execute_tool final_result'], [5, 'execute_tool final_result']] as const)('v%i name', (v, name) => {
    expect(toOutputFunctionSpanName('final_result', v)).toBe(name);
  });

  it('start attributes in order, with the call id only for tool output', () => {
    const content = { version: 3 as InstrumentationVersion, includeContent: true, includeBinaryContent: true };
    expect(Object.entries(toOutputFunctionStartAttributes({ target: 'final_result', toolCallId: 'c9', output: 'Mexico City', baggage: { agentName: 'a' }, content }))).toEqual([
      ['gen_ai.operation.name', 'execute_tool'], ['gen_ai.tool.name', 'final_result'], ['gen_ai.agent.name', 'a'],
      ['logfire.msg', 'running output function: final_result'], ['gen_ai.tool.call.id', 'c9'], ['gen_ai.tool.call.arguments', '"Mexico City"'],
      ['logfire.json_schema', '{"type":"object","properties":{"gen_ai.tool.call.arguments":{"type":"object"},"gen_ai.tool.call.result":{"type":"object"},"gen_ai.tool.name":{},"gen_ai.tool.call.id":{}}}'],
    ]);
    const plain = toOutputFunctionStartAttributes({ target: 'output_function', output: { a: 1 }, baggage: {}, content: { ...content, version: 1, includeContent: false } });
    expect(plain).toEqual({
      'gen_ai.operation.name': 'execute_tool', 'gen_ai.tool.name': 'output_function', 'logfire.msg': 'running output function: output_function',
      'logfire.json_schema': '{"type":"object","properties":{"gen_ai.tool.name":{}}}',
    });
  });

  it('treats every exception as an error in every version', () => {
    expect(toOutputFunctionErrorOutcome()).toEqual({ attributes: {}, recordException: true, setError: true });
  });
});
