import { describe, expect, it } from 'vitest';
import { modelRequest, modelRequestParameters, requestUsage, textPart, userPrompt, type ModelResponse } from '@hopscope/models';
import { toChatFinishAttributes, type ChatFinishInput } from './chat-finish.js';
import type { InstrumentationVersion } from './types.js';

const response: ModelResponse = {
  kind: 'response', parts: [textPart('Paris')], usage: requestUsage({ inputTokens: 10, outputTokens: 2 }),
  modelName: 'gpt-4o-2024-11-20', providerResponseId: 'resp_1', finishReason: 'stop', timestamp: new Date(0),
};
const base = (version: InstrumentationVersion, eventMode: 'attributes' | 'logs' = 'attributes'): ChatFinishInput => ({
  response,
  inputMessages: [modelRequest([userPrompt('Capital of France?')], { instructions: 'Be brief.' })],
  parameters: modelRequestParameters(),
  requestModel: 'gpt-4o',
  system: 'openai',
  costUsd: 0.002,
  content: { version, includeContent: true, includeBinaryContent: true },
  eventMode,
});
const RESPONSE_KEYS = ['gen_ai.usage.input_tokens', 'gen_ai.usage.output_tokens', 'gen_ai.response.model', 'operation.cost', 'gen_ai.response.id', 'gen_ai.response.finish_reasons'];

describe('toChatFinishAttributes', () => {
  it.each([2, 3, 4, 5] as const)('v%i sets messages, instructions and schema, then response attributes', (version) => {
    const { attributes, logRecords } = toChatFinishAttributes(base(version));
    expect(logRecords).toEqual([]);
    expect(Object.keys(attributes)).toEqual(['gen_ai.input.messages', 'gen_ai.output.messages', 'gen_ai.system_instructions', 'logfire.json_schema', ...RESPONSE_KEYS]);
    expect(attributes['gen_ai.input.messages']).toBe('[{"role":"user","parts":[{"type":"text","content":"Capital of France?"}]}]');
    expect(attributes['gen_ai.output.messages']).toBe('[{"role":"assistant","parts":[{"type":"text","content":"Paris"}],"finish_reason":"stop"}]');
    expect(attributes['gen_ai.system_instructions']).toBe('[{"type":"text","content":"Be brief."}]');
    expect(attributes['gen_ai.response.finish_reasons']).toEqual(['stop']);
    expect(JSON.parse(String(attributes['logfire.json_schema']))).toEqual({
      type: 'object',
      properties: { 'gen_ai.input.messages': { type: 'array' }, 'gen_ai.output.messages': { type: 'array' }, 'gen_ai.system_instructions': { type: 'array' }, model_request_parameters: { type: 'object' } },
    });
  });

  it('v1 attributes mode: one events attribute holding the events then the choice', () => {
    const { attributes, logRecords } = toChatFinishAttributes(base(1));
    expect(logRecords).toEqual([]);
    expect(Object.keys(attributes)).toEqual(['events', 'logfire.json_schema', ...RESPONSE_KEYS]);
    expect(JSON.parse(String(attributes['events']))).toEqual([
      { content: 'Be brief.', role: 'system', 'gen_ai.system': 'openai', 'event.name': 'gen_ai.system.message' },
      { content: 'Capital of France?', role: 'user', 'gen_ai.system': 'openai', 'gen_ai.message.index': 0, 'event.name': 'gen_ai.user.message' },
      { index: 0, message: { role: 'assistant', content: 'Paris' }, 'gen_ai.system': 'openai', 'event.name': 'gen_ai.choice' },
    ]);
  });

  it('v1 logs mode: log records and no message attributes', () => {
    const { attributes, logRecords } = toChatFinishAttributes(base(1, 'logs'));
    expect(Object.keys(attributes)).toEqual(RESPONSE_KEYS);
    expect(logRecords.map((r) => r.eventName)).toEqual(['gen_ai.system.message', 'gen_ai.user.message', 'gen_ai.choice']);
    expect(logRecords[2]).toEqual({ eventName: 'gen_ai.choice', body: { index: 0, message: { role: 'assistant', content: 'Paris' } }, attributes: { 'gen_ai.system': 'openai', 'event.name': 'gen_ai.choice' } });
  });

  it('falls back to the request model and omits what is unknown; no instructions without content', () => {
    const input = base(5);
    const { attributes } = toChatFinishAttributes({
      ...input, costUsd: undefined, content: { ...input.content, includeContent: false },
      response: { kind: 'response', parts: [], usage: requestUsage(), timestamp: new Date(0) },
    });
    expect(attributes).toEqual({
      'gen_ai.input.messages': '[{"role":"user","parts":[{"type":"text"}]}]',
      'gen_ai.output.messages': '[{"role":"assistant","parts":[]}]',
      'logfire.json_schema': '{"type":"object","properties":{"gen_ai.input.messages":{"type":"array"},"gen_ai.output.messages":{"type":"array"},"model_request_parameters":{"type":"object"}}}',
      'gen_ai.response.model': 'gpt-4o',
    });
  });
});
