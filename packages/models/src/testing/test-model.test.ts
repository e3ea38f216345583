import { describe, expect, it } from 'vitest';
import { modelRequest, toolReturnPart, userPrompt } from '../messages.js';
import { modelRequestParameters } from '../settings.js';
import { FunctionModel } from './function-model.js';
import { TestModel } from './test-model.js';

const weather = { name: 'get_weather', parametersJsonSchema: { type: 'object', properties: { city: { type: 'string' }, days: { type: 'integer' } }, required: ['city', 'days'] } };

describe('TestModel', () => {
  it('calls every tool once with generated args, then summarises the returns', async () => {
    const model = new TestModel();
    const params = modelRequestParameters({ functionTools: [weather] });
    const first = await model.request([modelRequest([userPrompt('Weather?')])], undefined, params);
    expect(first.parts).toEqual([{ partKind: 'tool-call', toolName: 'get_weather', args: { city: 'a', days: 1 }, toolCallId: 'pyd_ai_tool_call_id__get_weather' }]);
    expect(first.finishReason).toBe('tool_call');
    const second = await model.request([modelRequest([userPrompt('Weather?')]), first, modelRequest([toolReturnPart('get_weather', 'sunny', 'pyd_ai_tool_call_id__get_weather')])], undefined, params);
    expect(second.parts).toEqual([{ partKind: 'text', content: '{"get_weather":"sunny"}' }]);
    expect(second.usage.inputTokens).toBeGreaterThan(50);
  });

  it('streams text word by word and ends with the final response', async () => {
    const stream = await new TestModel({ customOutputText: 'one two three' }).requestStream([modelRequest([userPrompt('count')])]);
    const kinds: string[] = [];
    let final;
    for await (const event of stream) {
      kinds.push(event.eventKind);
      if (event.eventKind === 'final-response') final = event.response;
    }
    expect(kinds).toEqual(['part-start', 'part-delta', 'part-delta', 'final-response']);
    expect(final?.parts).toEqual([{ partKind: 'text', content: 'one two three' }]);
  });

  it('honours an aborted signal', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(new TestModel().request([modelRequest([userPrompt('x')])], undefined, undefined, { signal: controller.signal })).rejects.toThrow(/abort/i);
  });
});

describe('FunctionModel', () => {
  it('answers from the function and streams tool-call deltas', async () => {
    const model = new FunctionModel((messages) => `seen ${messages.length}`, {
      async *stream() {
        yield 'Let me check. ';
        yield { toolCalls: { 0: { name: 'get_weather', jsonArgs: '{"city":', toolCallId: 'c1' } } };
        yield { toolCalls: { 0: { jsonArgs: '"Paris"}' } } };
      },
    });
    expect((await model.request([modelRequest([userPrompt('x')])])).parts).toEqual([{ partKind: 'text', content: 'seen 1' }]);
    const response = await (await model.requestStream([modelRequest([userPrompt('x')])])).finalResponse();
    expect(response.parts).toEqual([
      { partKind: 'text', content: 'Let me check. ' },
      { partKind: 'tool-call', toolName: 'get_weather', args: '{"city":"Paris"}', toolCallId: 'c1' },
    ]);
    expect(response.modelName).toMatch(/^function:/);
  });
});
