/**
 * End to end: the agent loop over a real provider SDK, against the loopback mock provider.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { UserError } from '../errors.js';
import type { ModelRequest } from '../messages.js';
import { AnthropicModel } from '../providers/anthropic/anthropic-model.js';
import { OpenAIChatModel } from '../providers/openai-chat/openai-chat-model.js';
import { startMockProvider, type MockProvider } from '../testing/index.js';
import { Agent } from './agent.js';
import { tool } from './tool.js';

let mock: MockProvider;
beforeAll(async () => {
  mock = await startMockProvider();
});
afterAll(() => mock.close());
beforeEach(() => mock.reset());

/** A weather tool that also switches the mock's next answer from tool calls to the final text. */
function weatherTool(modelName: string, requiresApproval = false) {
  return tool({
    name: 'get_weather',
    requiresApproval,
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
    execute: ({ city }) => {
      mock.setReply(modelName, { text: `It is sunny in ${String(city)}.`, usage: { inputTokens: 30, outputTokens: 7 } });
      return { city, tempC: 21 };
    },
  });
}

describe('agent over the OpenAI SDK (Chat Completions)', () => {
  it('runs the tool call round trip and sums the usage of both requests', async () => {
    mock.setReply('gpt-4o', { toolCalls: [{ name: 'get_weather', args: { city: 'Paris' }, id: 'call_w' }], usage: { inputTokens: 20, outputTokens: 5 } });
    const model = new OpenAIChatModel('gpt-4o', { baseUrl: mock.baseUrl('openai'), apiKey: 'test-key', retry: false });
    const agent = new Agent(model, { instructions: 'Answer briefly.', tools: [weatherTool('gpt-4o')] });
    const result = await agent.run('Weather in Paris?');
    expect(result.output).toBe('It is sunny in Paris.');
    expect(result.usage).toMatchObject({ requests: 2, toolCalls: 1, inputTokens: 50, outputTokens: 12 });
    const toolReturn = (result.allMessages()[2] as ModelRequest).parts[0];
    expect(toolReturn).toMatchObject({ partKind: 'tool-return', toolCallId: 'call_w', content: { city: 'Paris', tempC: 21 } });
    const second = mock.requests[1]!.body as { messages: { role: string; tool_call_id?: string }[]; tools: { function: { name: string } }[] };
    expect(second.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'tool']);
    expect(second.messages[3]!.tool_call_id).toBe('call_w');
    expect(second.tools.map((t) => t.function.name)).toEqual(['get_weather']);
  });

  it('streams the final answer after the tool round', async () => {
    mock.setReply('gpt-4o-mini', { toolCalls: [{ name: 'get_weather', args: { city: 'Rome' }, id: 'call_r' }] });
    const model = new OpenAIChatModel('gpt-4o-mini', { baseUrl: mock.baseUrl('openai'), apiKey: 'test-key', retry: false });
    const stream = new Agent(model, { tools: [weatherTool('gpt-4o-mini')] }).runStream('Weather in Rome?');
    let text = '';
    for await (const event of stream) {
      if (event.eventKind === 'part-start' && event.part.partKind === 'text') text += event.part.content;
      if (event.eventKind === 'part-delta' && event.delta.partDeltaKind === 'text') text += event.delta.contentDelta;
    }
    expect(text).toBe('It is sunny in Rome.');
    expect((await stream.result()).output).toBe('It is sunny in Rome.');
    expect(mock.requests.map((r) => r.stream)).toEqual([true, true]);
  });
});

describe('agent over the Anthropic SDK (Messages)', () => {
  it('runs the tool call round trip with approval, resumes, and sums usage', async () => {
    mock.setReply('claude-sonnet-4-6', { toolCalls: [{ name: 'get_weather', args: { city: 'Oslo' }, id: 'toolu_w' }], usage: { inputTokens: 40, outputTokens: 9 } });
    const model = new AnthropicModel('claude-sonnet-4-6', { baseUrl: mock.baseUrl('anthropic'), apiKey: 'test-key', retry: false });
    const agent = new Agent(model, { systemPrompt: 'You are a weather bot.', tools: [weatherTool('claude-sonnet-4-6', true)] });
    const first = await agent.run('Weather in Oslo?');
    expect(first.deferredToolRequests?.approvals.map((c) => c.toolCallId)).toEqual(['toolu_w']);
    const result = await agent.run(undefined, { messageHistory: first.allMessages(), deferredToolResults: { approvals: { toolu_w: true } } });
    expect(result.output).toBe('It is sunny in Oslo.');
    expect(result.conversationId).toBe(first.conversationId);
    expect(first.usage.inputTokens + result.usage.inputTokens).toBe(70);
    const second = mock.requests[1]!.body as { system: unknown; messages: { role: string; content: { type: string; tool_use_id?: string }[] }[] };
    expect(JSON.stringify(second.system)).toContain('You are a weather bot.');
    expect(second.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(second.messages[2]!.content[0]).toMatchObject({ type: 'tool_result', tool_use_id: 'toolu_w' });
  });
});

describe('agent with a "provider:model" string', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('resolves the name through inferModel at the first run and talks to that provider', async () => {
    vi.stubEnv('OLLAMA_BASE_URL', mock.baseUrl('openai'));
    mock.setReply('llama3.2', { text: 'Hi from llama.' });
    const agent = new Agent('ollama:llama3.2', { name: 'local_agent' });
    const result = await agent.run('Hello');
    expect(result.output).toBe('Hi from llama.');
    expect(mock.requests[0]).toMatchObject({ api: 'openai-chat', modelName: 'llama3.2' });
  });

  it('rejects the run when the name cannot be resolved', async () => {
    await expect(new Agent('nosuchprovider:model-x').run('Hello')).rejects.toBeInstanceOf(UserError);
  });
});
