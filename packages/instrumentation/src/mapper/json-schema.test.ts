import { describe, expect, it } from 'vitest';
import { FEATURES_BY_VERSION } from '../semconv/versions.js';
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

describe('toLogfireJsonSchema: fixed variants are built once and told apart', () => {
  it('gives each tool variant its own text, the same on every call', () => {
    const specs = ([1, 2, 3, 4, 5] as const).flatMap((version) =>
      [true, false].flatMap((includeContent) => [true, false].map((hasCallId) => ({ span: 'tool' as const, version, includeContent, hasCallId }))),
    );
    for (const spec of [...specs, ...specs]) {
      const row = FEATURES_BY_VERSION[spec.version];
      const properties = {
        ...(spec.includeContent ? { [row.toolArgumentsAttribute]: { type: 'object' }, [row.toolResultAttribute]: { type: 'object' } } : {}),
        'gen_ai.tool.name': {},
        ...(spec.hasCallId ? { 'gen_ai.tool.call.id': {} } : {}),
      };
      expect(toLogfireJsonSchema(spec)).toBe(JSON.stringify({ type: 'object', properties }));
    }
    expect(toLogfireJsonSchema({ span: 'chat-messages', hasSystemInstructions: true })).toContain('gen_ai.system_instructions');
    expect(toLogfireJsonSchema({ span: 'chat-messages', hasSystemInstructions: false })).not.toContain('gen_ai.system_instructions');
  });
});
