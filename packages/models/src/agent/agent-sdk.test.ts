/**
 * End to end: the agent loop over a real provider SDK, against the loopback mock provider.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ModelRequest } from '../messages.js';
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
function weatherTool(modelName: string) {
  return tool({
    name: 'get_weather',
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
