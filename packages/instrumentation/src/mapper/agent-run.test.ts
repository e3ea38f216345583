import { describe, expect, it } from 'vitest';
import { binaryContent, modelRequest, requestUsage, runUsage, textPart, userPrompt, type ModelMessage } from '@hopscope/models';
import { toAgentRunEndAttributes, toAgentRunSpanName, toAgentRunStartAttributes, type AgentRunEndInput } from './agent-run.js';
import type { InstrumentationVersion } from './types.js';

const messages: ModelMessage[] = [
  modelRequest([userPrompt('old')]),
  { kind: 'response', parts: [textPart('a')], usage: requestUsage(), timestamp: new Date(0) },
  modelRequest([userPrompt('new')], { instructions: 'Be brief.' }),
];
const input = (version: InstrumentationVersion, extra: Partial<AgentRunEndInput> = {}): AgentRunEndInput => ({
  usage: runUsage({ requests: 2, inputTokens: 7 }), allMessages: messages, finalResult: { city: 'Paris' }, succeeded: true,
  metadata: { tenant: 't1' }, newMessageIndex: 2, instructions: 'Be brief.', variableInstructions: true, aggregatedUsage: false,
  content: { version, includeContent: true, includeBinaryContent: true }, ...extra,
});

describe('agent run span', () => {
  it.each([[1, 'agent run'], [2, 'agent run'], [3, 'invoke_agent support'], [4, 'invoke_agent support'], [5, 'invoke_agent support']] as const)('v%i name', (v, name) => {
    expect(toAgentRunSpanName('support', v)).toBe(name);
  });

  it('start attributes in order, with defaults for missing ids', () => {
    expect(Object.entries(toAgentRunStartAttributes({ agentName: 'agent', description: 'Helps' }))).toEqual([
      ['model_name', 'no-model'], ['agent_name', 'agent'], ['gen_ai.agent.name', 'agent'], ['gen_ai.agent.call.id', ''],
      ['gen_ai.conversation.id', ''], ['gen_ai.operation.name', 'invoke_agent'], ['logfire.msg', 'agent run'], ['gen_ai.agent.description', 'Helps'],
    ]);
  });

  it.each([2, 3, 4, 5] as const)('v%i end attributes', (version) => {
    const attributes = toAgentRunEndAttributes(input(version));
    expect(Object.keys(attributes)).toEqual([
      'final_result', 'gen_ai.usage.input_tokens', 'pydantic_ai.all_messages', 'gen_ai.system_instructions',
      'pydantic_ai.new_message_index', 'pydantic_ai.variable_instructions', 'metadata', 'logfire.json_schema',
    ]);
    expect(attributes['final_result']).toBe('{"city":"Paris"}');
    expect(attributes['metadata']).toBe('{"tenant":"t1"}');
    expect(JSON.parse(String(attributes['pydantic_ai.all_messages']))).toHaveLength(3);
    expect(attributes['logfire.json_schema']).toBe(
      '{"type":"object","properties":{"pydantic_ai.all_messages":{"type":"array"},"gen_ai.system_instructions":{"type":"array"},' +
        '"pydantic_ai.new_message_index":{},"pydantic_ai.variable_instructions":{},"metadata":{"type":"array"},"final_result":{"type":"object"}}}',
    );
  });

  it('v1 uses all_messages_events without gen_ai.system, and aggregated usage names when asked', () => {
    const attributes = toAgentRunEndAttributes(input(1, { aggregatedUsage: true, finalResult: 'Paris', metadata: undefined }));
    expect(Object.keys(attributes)).toEqual(['final_result', 'gen_ai.aggregated_usage.input_tokens', 'all_messages_events', 'logfire.json_schema']);
    expect(attributes['final_result']).toBe('Paris');
    const events = JSON.parse(String(attributes['all_messages_events'])) as Record<string, unknown>[];
    expect(events[0]).toEqual({ content: 'Be brief.', role: 'system', 'event.name': 'gen_ai.system.message' });
    expect(events.every((e) => !('gen_ai.system' in e))).toBe(true);
  });

  it('drops final result on failure or without content; drops binary from the final result without binary content', () => {
    expect(toAgentRunEndAttributes(input(5, { succeeded: false }))['final_result']).toBeUndefined();
    const scrubbed = toAgentRunEndAttributes(input(5, { content: { version: 5, includeContent: false, includeBinaryContent: true } }));
    expect(scrubbed['final_result']).toBeUndefined();
    expect(scrubbed['gen_ai.system_instructions']).toBeUndefined();
    const noBinary = toAgentRunEndAttributes(input(5, { finalResult: binaryContent(new Uint8Array([255, 254]), 'image/png'), content: { version: 5, includeContent: true, includeBinaryContent: false } }));
    expect(JSON.parse(String(noBinary['final_result']))).not.toHaveProperty('data');
  });

  it('omits new_message_index at 0 and variable_instructions when false', () => {
    const attributes = toAgentRunEndAttributes(input(3, { newMessageIndex: 0, variableInstructions: false, usage: runUsage() }));
    expect(Object.keys(attributes)).toEqual(['final_result', 'pydantic_ai.all_messages', 'gen_ai.system_instructions', 'metadata', 'logfire.json_schema']);
  });
});
