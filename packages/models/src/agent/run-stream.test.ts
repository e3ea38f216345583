import { describe, expect, it } from 'vitest';
import type { ModelResponse } from '../messages.js';
import type { ModelResponseStreamEvent } from '../stream.js';
import { FunctionModel } from '../testing/function-model.js';
import { TestModel } from '../testing/test-model.js';
import { Agent } from './agent.js';
import { ModelRetry } from './errors.js';
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

  it('holds back a tool round that starts with text, and streams only the final response', async () => {
    const model = new FunctionModel(undefined, {
      async *stream(messages) {
        if (messages.length === 1) {
          yield 'Let me check the weather. ';
          yield { toolCalls: { 0: { name: 'get_weather', jsonArgs: '{"city":"Paris"}', toolCallId: 'c1' } } };
        } else {
          yield 'It is sunny.';
        }
      },
    });
    const stream = new Agent(model, { tools: [weather] }).runStream('Weather?');
    const events = await collect(stream);
    expect(events.map((e) => [e.eventKind, 'index' in e ? e.index : undefined])).toEqual([['part-start', 0], ['final-response', undefined]]);
    expect(events[0]).toMatchObject({ part: { partKind: 'text', content: 'It is sunny.' } });
    expect((events.at(-1) as { response: ModelResponse }).response.parts).toEqual([{ partKind: 'text', content: 'It is sunny.' }]);
    const result = await stream.result();
    expect(result.output).toBe('It is sunny.');
    expect(result.usage.requests).toBe(2);
  });

  it('streams a pure-text answer live when the agent has no function tools', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const model = new FunctionModel(undefined, {
      async *stream() {
        yield 'Hello';
        await gate;
        yield ' world';
      },
    });
    const stream = new Agent(model).runStream('hi');
    const iterator = stream[Symbol.asyncIterator]();
    const first = await Promise.race([iterator.next(), new Promise((resolve) => setTimeout(() => resolve('held back'), 1000))]);
    release();
    expect(first).toMatchObject({ value: { eventKind: 'part-start', part: { partKind: 'text', content: 'Hello' } } });
    expect((await stream.result()).output).toBe('Hello world');
  });

  it('does not stream the retry round after a live output tool call that failed validation', async () => {
    const model = new FunctionModel(undefined, {
      async *stream(messages) {
        const args = messages.length === 1 ? '{"n":0}' : '{"n":1}';
        yield { toolCalls: { 0: { name: 'final_result', jsonArgs: args, toolCallId: `c${messages.length}` } } };
      },
    });
    const stream = new Agent<Record<string, unknown>>(model, {
      outputTool: {
        parameters: { type: 'object', properties: { n: { type: 'integer' } }, required: ['n'] },
        process: (value) => {
          if (value.n !== 1) throw new ModelRetry('n must be 1');
          return value;
        },
      },
    }).runStream('x');
    const events = await collect(stream);
    expect(events.filter((e) => e.eventKind === 'final-response')).toHaveLength(1);
    expect(events.filter((e) => e.eventKind === 'part-start').map((e) => e.index)).toEqual([0]);
    const result = await stream.result();
    expect(result.output).toEqual({ n: 1 });
    expect(result.usage.requests).toBe(2);
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
