import { describe, expect, it } from 'vitest';
import { modelRequestParameters } from '@hopscope/models';
import { toChatSpanName, toChatStartAttributes, toFallbackWinnerAttributes, toServerAttributes } from './chat-start.js';

const tool = { name: 'get_weather', parametersJsonSchema: { type: 'object' } };

describe('toChatStartAttributes', () => {
  it('emits the start attributes in the reference insertion order', () => {
    const attributes = toChatStartAttributes({
      model: { modelName: 'gpt-4o', system: 'openai', baseUrl: 'https://api.openai.com:8443/v1' },
      settings: { temperature: 0.5, maxTokens: 100, seed: 7, topP: 1, presencePenalty: 0, frequencyPenalty: 0.1, timeout: 5, parallelToolCalls: true },
      parameters: modelRequestParameters({ functionTools: [tool] }),
      baggage: { agentName: 'agent', agentCallId: 'run-1', conversationId: 'conv-1' },
    });
    expect(Object.keys(attributes)).toEqual([
      'gen_ai.operation.name', 'gen_ai.provider.name', 'gen_ai.system', 'gen_ai.request.model', 'server.address', 'server.port',
      'model_request_parameters', 'gen_ai.agent.name', 'gen_ai.agent.call.id', 'gen_ai.conversation.id', 'logfire.json_schema', 'gen_ai.tool.definitions',
      'gen_ai.request.max_tokens', 'gen_ai.request.top_p', 'gen_ai.request.seed', 'gen_ai.request.temperature', 'gen_ai.request.presence_penalty', 'gen_ai.request.frequency_penalty',
    ]);
    expect(attributes).toMatchObject({
      'gen_ai.operation.name': 'chat', 'gen_ai.provider.name': 'openai', 'gen_ai.system': 'openai', 'gen_ai.request.model': 'gpt-4o',
      'server.address': 'api.openai.com', 'server.port': 8443, 'gen_ai.request.presence_penalty': 0,
      'logfire.json_schema': '{"type":"object","properties":{"model_request_parameters":{"type":"object"}}}',
      'gen_ai.tool.definitions': '[{"type":"function","name":"get_weather","parameters":{"type":"object"}}]',
    });
  });

  it('leaves out server, baggage, tools and settings that are absent', () => {
    const attributes = toChatStartAttributes({ model: { modelName: 'm', system: 'test', baseUrl: undefined }, settings: undefined, parameters: modelRequestParameters(), baggage: {} });
    expect(Object.keys(attributes)).toEqual(['gen_ai.operation.name', 'gen_ai.provider.name', 'gen_ai.system', 'gen_ai.request.model', 'model_request_parameters', 'logfire.json_schema']);
  });
});

describe('toServerAttributes', () => {
  it.each([
    ['https://api.openai.com/v1', { 'server.address': 'api.openai.com' }],
    ['https://api.openai.com:443/v1', { 'server.address': 'api.openai.com', 'server.port': 443 }],
    ['http://user:pw@LOCALHOST:11434', { 'server.address': 'localhost', 'server.port': 11434 }],
    ['http://[::1]:8080/', { 'server.address': '::1', 'server.port': 8080 }],
    ['http://host:99999/', { 'server.address': 'host' }],
    ['localhost:8000', {}],
    ['', {}],
    [undefined, {}],
  ] as const)('%s', (url, expected) => {
    expect(toServerAttributes(url)).toEqual(expected);
  });
});

describe('names and fallback winner', () => {
  it('names the span after the request model', () => {
    expect(toChatSpanName('fallback:a,b')).toBe('chat fallback:a,b');
  });
  it('overrides identity, parameters, tools and settings with the winner own values', () => {
    const attributes = toFallbackWinnerAttributes({ model: { modelName: 'b', system: 'anthropic', baseUrl: undefined }, settings: { maxTokens: 9 }, parameters: modelRequestParameters({ functionTools: [tool] }) });
    expect(Object.keys(attributes)).toEqual(['gen_ai.provider.name', 'gen_ai.system', 'gen_ai.request.model', 'model_request_parameters', 'gen_ai.tool.definitions', 'gen_ai.request.max_tokens']);
  });
});
