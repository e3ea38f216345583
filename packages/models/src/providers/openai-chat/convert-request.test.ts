import { describe, expect, it } from 'vitest';
import { modelRequest, userPrompt } from '../../messages.js';
import { modelRequestParameters, type ToolDefinition } from '../../settings.js';
import { convertToOpenAIChatBody } from './convert-request.js';

const messages = [modelRequest([userPrompt('hi')])];
const tool: ToolDefinition = { name: 'final_result', parametersJsonSchema: { type: 'object', properties: { answer: { type: 'string' } } } };

describe('convertToOpenAIChatBody', () => {
  it('maps every sampling setting to its wire name', () => {
    const body = convertToOpenAIChatBody({
      modelName: 'gpt-4o',
      system: 'openai',
      messages,
      settings: { maxTokens: 10, temperature: 0.5, topP: 0.9, seed: 7, presencePenalty: 0.1, frequencyPenalty: 0.2, logitBias: { '50256': -100 }, stopSequences: ['END'], thinking: 'low' },
      parameters: modelRequestParameters(),
      stream: false,
    });
    expect(body).toEqual({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'hi' }],
      max_completion_tokens: 10,
      temperature: 0.5,
      top_p: 0.9,
      seed: 7,
      presence_penalty: 0.1,
      frequency_penalty: 0.2,
      logit_bias: { '50256': -100 },
      stop: ['END'],
      reasoning_effort: 'low',
    });
  });

  it('uses max_tokens for OpenAI-compatible systems and sends no reasoning effort when thinking is off', () => {
    const body = convertToOpenAIChatBody({ modelName: 'llama', system: 'groq', messages, settings: { maxTokens: 10, thinking: false }, parameters: modelRequestParameters(), stream: false });
    expect(body).toEqual({ model: 'llama', messages: [{ role: 'user', content: 'hi' }], max_tokens: 10 });
  });

  it('requires a tool when text output is not allowed, and asks for stream usage', () => {
    const body = convertToOpenAIChatBody({ modelName: 'gpt-4o', system: 'openai', messages, settings: undefined, parameters: modelRequestParameters({ outputTools: [tool], allowTextOutput: false }), stream: true });
    expect(body).toMatchObject({ tool_choice: 'required', stream: true, stream_options: { include_usage: true }, tools: [{ type: 'function', function: { name: 'final_result', parameters: tool.parametersJsonSchema } }] });
    expect(body).not.toHaveProperty('parallel_tool_calls');
  });

  it('lets extraBody override what it names', () => {
    const body = convertToOpenAIChatBody({ modelName: 'gpt-4o', system: 'openai', messages, settings: { temperature: 0, extraBody: { temperature: 1, service_tier: 'flex' } }, parameters: modelRequestParameters(), stream: false });
    expect(body).toMatchObject({ temperature: 1, service_tier: 'flex' });
  });
});
