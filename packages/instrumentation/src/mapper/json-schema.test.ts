import { describe, expect, it } from 'vitest';
import { toLogfireJsonSchema, type LogfireJsonSchemaSpec } from './json-schema.js';

describe('toLogfireJsonSchema', () => {
  it.each<[string, LogfireJsonSchemaSpec, object]>([
    ['chat start', { span: 'chat-start' }, { model_request_parameters: { type: 'object' } }],
    ['chat messages without instructions', { span: 'chat-messages', hasSystemInstructions: false }, { 'gen_ai.input.messages': { type: 'array' }, 'gen_ai.output.messages': { type: 'array' }, model_request_parameters: { type: 'object' } }],
    ['chat events (v1)', { span: 'chat-events' }, { events: { type: 'array' }, model_request_parameters: { type: 'object' } }],
    ['agent run types strings as array, others as {}', { span: 'agent-run', attributes: { metadata: '{}', 'pydantic_ai.new_message_index': 2 } }, { metadata: { type: 'array' }, 'pydantic_ai.new_message_index': {}, final_result: { type: 'object' } }],
    ['tool v2 with content', { span: 'tool', version: 2, includeContent: true }, { tool_arguments: { type: 'object' }, tool_response: { type: 'object' }, 'gen_ai.tool.name': {}, 'gen_ai.tool.call.id': {} }],
    ['output function without call id', { span: 'tool', version: 5, includeContent: false, hasCallId: false }, { 'gen_ai.tool.name': {} }],
  ])('%s', (_name, spec, properties) => {
    const text = toLogfireJsonSchema(spec);
    expect(text).toBe(JSON.stringify({ type: 'object', properties }));
    expect(text).not.toContain(' ');
  });
});
