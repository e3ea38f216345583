import { describe, expect, it } from 'vitest';
import type { ModelResponse } from '../messages.js';
import type { ModelResponseStreamEvent } from '../stream.js';
import { FunctionModel } from '../testing/function-model.js';
import { TestModel } from '../testing/test-model.js';
import { Agent } from './agent.js';
import { tool } from './tool.js';

const weather = tool({ name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } }, execute: () => 'sunny' });

async function collect(stream: AsyncIterable<ModelResponseStreamEvent>): Promise<ModelResponseStreamEvent[]> {
  const events: ModelResponseStreamEvent[] = [];
  for await (const event of stream) events.push(event);
  return events;
}

describe('Agent.runStream', () => {
  it('streams only the final response, after running the tool round unseen', async () => {
    const model = new FunctionModel(undefined, {
      async *stream(messages) {
        if (messages.length === 1) {
          yield { toolCalls: { 0: { name: 'get_weather', jsonArgs: '{"city":"Paris"}', toolCallId: 'c1' } } };
        } else {
          yield 'It is ';
          yield 'sunny.';
        }
      },
    });
    const stream = new Agent(model, { tools: [weather] }).runStream('Weather?');
    const events = await collect(stream);
    const result = await stream.result();
    expect(events.map((e) => e.eventKind)).toEqual(['part-start', 'part-delta', 'final-response']);
    expect((events.at(-1) as { response: ModelResponse }).response.parts).toEqual([{ partKind: 'text', content: 'It is sunny.' }]);
    expect(result.output).toBe('It is sunny.');
    expect(result.usage.requests).toBe(2);
    expect(result.usage.toolCalls).toBe(1);
  });

  it('streams the output tool call when the output is structured', async () => {
    const stream = new Agent<Record<string, unknown>>(new TestModel(), { outputTool: { parameters: { type: 'object', properties: { n: { type: 'integer' } } } } }).runStream('x');
    const events = await collect(stream);
    expect(events[0]).toMatchObject({ eventKind: 'part-start', part: { partKind: 'tool-call', toolName: 'final_result' } });
    expect((await stream.result()).output).toEqual({ n: 0 });
  });

  it('rejects both the iteration and the result when the run fails', async () => {
    const loop = new FunctionModel(undefined, { async *stream(messages) { yield { toolCalls: { 0: { name: 'get_weather', jsonArgs: '{}', toolCallId: `c${messages.length}` } } }; } });
    const stream = new Agent(loop, { tools: [weather], usageLimits: { requestLimit: 2 } }).runStream('x');
    await expect(collect(stream)).rejects.toMatchObject({ limitName: 'requestLimit' });
    await expect(stream.result()).rejects.toMatchObject({ limitName: 'requestLimit' });
  });

  it('finishes the run even when nobody reads the events', async () => {
    const result = await new Agent(new TestModel({ customOutputText: 'a b c' })).runStream('x').result();
    expect(result.output).toBe('a b c');
    expect(result.allMessages().map((m) => m.kind)).toEqual(['request', 'response']);
  });
});
