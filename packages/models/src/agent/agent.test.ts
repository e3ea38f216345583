import { describe, expect, it } from 'vitest';
import { binaryContent, textPart, toolCallPart, type ModelMessage, type ModelRequest, type RetryPromptPart } from '../messages.js';
import { FunctionModel } from '../testing/function-model.js';
import { TestModel } from '../testing/test-model.js';
import { UnexpectedModelBehavior, UserError } from '../errors.js';
import { Agent } from './agent.js';
import { ModelRetry } from './errors.js';
import { tool } from './tool.js';

const citySchema = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] };
const weather = tool({ name: 'get_weather', parameters: citySchema, execute: ({ city }) => `sunny in ${String(city)}` });

function requests(messages: readonly ModelMessage[]): ModelRequest[] {
  return messages.filter((m): m is ModelRequest => m.kind === 'request');
}

describe('Agent.run', () => {
  it('runs the tool the model asks for and sends its return back', async () => {
    const agent = new Agent(new TestModel(), { tools: [weather] });
    const result = await agent.run('Weather?');
    expect(result.status).toBe('complete');
    expect(result.output).toBe('{"get_weather":"sunny in a"}');
    expect(result.allMessages().map((m) => m.kind)).toEqual(['request', 'response', 'request', 'response']);
    expect(requests(result.allMessages())[1]!.parts[0]).toMatchObject({ partKind: 'tool-return', toolName: 'get_weather', content: 'sunny in a' });
    expect(result.usage.requests).toBe(2);
    expect(result.usage.toolCalls).toBe(1);
  });

  it('puts instructions on every request, the system prompt only in the first, and tools in the parameters', async () => {
    const seen: { instructions: (string | undefined)[]; parts: string[][] } = { instructions: [], parts: [] };
    const model = new FunctionModel((messages, info) => {
      const last = messages[messages.length - 1] as ModelRequest;
      seen.instructions.push(last.instructions);
      seen.parts.push(last.parts.map((p) => p.partKind));
      expect(info.parameters.functionTools.map((t) => t.name)).toEqual(['get_weather']);
      expect(info.parameters.instructionParts).toEqual([{ content: 'Be brief.', dynamic: false }]);
      return messages.length === 1 ? [toolCallPart('get_weather', '{"city":"Paris"}', 'c1')] : 'done';
    });
    const agent = new Agent(model, { instructions: 'Be brief.', systemPrompt: 'You are terse.', tools: [weather] });
    const first = await agent.run('Weather?');
    await agent.run('Again?', { messageHistory: first.allMessages() });
    expect(seen.instructions).toEqual(['Be brief.', 'Be brief.', 'Be brief.']);
    expect(seen.parts).toEqual([['system-prompt', 'user-prompt'], ['tool-return'], ['user-prompt']]);
  });

  it('evaluates function instructions per request and marks them dynamic', async () => {
    let n = 0;
    const model = new FunctionModel((_m, info) => info.parameters.instructionParts?.[0]?.content ?? 'none');
    const agent = new Agent(model, { instructions: () => `call ${++n}` });
    const result = await agent.run('hi');
    expect(result.output).toBe('call 1');
    expect(requests(result.allMessages())[0]!.instructions).toBe('call 1');
  });

  it('asks again with a retry prompt when a tool throws ModelRetry, and passes the retry count', async () => {
    const retriesSeen: number[] = [];
    const flaky = tool({
      name: 'lookup',
      parameters: { type: 'object' },
      retries: 2,
      execute: (_args, ctx) => {
        retriesSeen.push(ctx.retry);
        if (ctx.retry < 2) throw new ModelRetry(`try ${ctx.retry} failed`);
        return 'found';
      },
    });
    const result = await new Agent(new TestModel(), { tools: [flaky] }).run('go');
    expect(retriesSeen).toEqual([0, 1, 2]);
    const retry = requests(result.allMessages())[1]!.parts[0] as RetryPromptPart;
    expect(retry).toMatchObject({ partKind: 'retry-prompt', content: 'try 0 failed', toolName: 'lookup' });
    expect(result.output).toBe('{"lookup":"found"}');
  });

  it('fails with UnexpectedModelBehavior once a tool exceeds its retries', async () => {
    const failing = tool({ name: 'always_fails', parameters: { type: 'object' }, execute: () => { throw new ModelRetry('nope'); } });
    const run = new Agent(new TestModel(), { tools: [failing], retries: 1 }).run('go');
    await expect(run).rejects.toBeInstanceOf(UnexpectedModelBehavior);
    await expect(run).rejects.toThrow("Tool 'always_fails' exceeded max retries count of 1");
  });

  it('sends invalid JSON arguments back as a validation retry prompt', async () => {
    const model = new FunctionModel((messages) => (messages.length === 1 ? [toolCallPart('get_weather', '{"city": Par', 'bad')] : messages.length === 3 ? [toolCallPart('get_weather', '{"city":"Paris"}', 'good')] : 'ok'));
    const result = await new Agent(model, { tools: [weather] }).run('Weather?');
    const retry = requests(result.allMessages())[1]!.parts[0] as RetryPromptPart;
    expect(retry.partKind).toBe('retry-prompt');
    expect(retry.toolCallId).toBe('bad');
    expect(retry.content).toMatchObject([{ type: 'json_invalid', input: '{"city": Par' }]);
    expect(requests(result.allMessages())[2]!.parts[0]).toMatchObject({ partKind: 'tool-return', content: 'sunny in Paris' });
    expect(result.usage.toolCalls).toBe(1);
  });

  it('tells the model about unknown tools', async () => {
    const model = new FunctionModel((messages) => (messages.length === 1 ? [toolCallPart('nope', '{}', 'c1')] : 'recovered'));
    const result = await new Agent(model, { tools: [weather] }).run('x');
    expect(requests(result.allMessages())[1]!.parts[0]).toMatchObject({ partKind: 'retry-prompt', content: "Unknown tool name: 'nope'. Available tools: 'get_weather'" });
    expect(result.output).toBe('recovered');
  });

  it('sends binary content a tool returns as the tool return', async () => {
    const png = binaryContent(new Uint8Array([137, 80, 78, 71]), 'image/png');
    const screenshot = tool({ name: 'screenshot', parameters: { type: 'object' }, execute: () => png });
    const model = new FunctionModel((messages) => (messages.length === 1 ? [toolCallPart('screenshot', {}, 's1')] : 'seen'));
    const result = await new Agent(model, { tools: [screenshot] }).run('look');
    expect(requests(result.allMessages())[1]!.parts[0]).toMatchObject({ partKind: 'tool-return', content: png });
  });

  it('returns the processed output tool call and records the final tool returns', async () => {
    const agent = new Agent<string>(new TestModel({ customOutputArgs: { city: 'Mexico City' } }), {
      outputTool: { parameters: citySchema, process: (value) => String(value['city']).toUpperCase() },
    });
    const result = await agent.run('Biggest city?');
    expect(result.output).toBe('MEXICO CITY');
    const last = result.allMessages().at(-1) as ModelRequest;
    expect(last.parts).toMatchObject([{ partKind: 'tool-return', toolName: 'final_result', content: 'Final result processed.' }]);
  });

  it('accepts text too when the output tool allows it, and says so in the parameters', async () => {
    const model = new FunctionModel((_m, info) => `${info.parameters.outputMode} ${String(info.parameters.allowTextOutput)}`);
    const result = await new Agent<unknown>(model, { outputTool: { parameters: citySchema, allowText: true } }).run('x');
    expect(result.output).toBe('tool_or_text true');
  });

  it('skips function tools called next to the output tool once the output is final', async () => {
    let ran = false;
    const side = tool({ name: 'side_effect', parameters: { type: 'object' }, execute: () => { ran = true; } });
    const model = new FunctionModel(() => [toolCallPart('side_effect', {}, 's1'), toolCallPart('final_result', { city: 'Quito' }, 'f1')]);
    const result = await new Agent<unknown>(model, { tools: [side], outputTool: { parameters: citySchema } }).run('x');
    expect(ran).toBe(false);
    expect(result.output).toEqual({ city: 'Quito' });
    expect((result.allMessages().at(-1) as ModelRequest).parts.map((p) => [p.partKind === 'tool-return' ? p.toolCallId : '', p.partKind === 'tool-return' ? p.content : ''])).toEqual([
      ['f1', 'Final result processed.'],
      ['s1', 'Tool not executed - a final result was already processed.'],
    ]);
  });

  it('asks for a tool call when plain text is not allowed', async () => {
    const model = new FunctionModel((messages) => (messages.length === 1 ? 'just text' : [toolCallPart('final_result', { city: 'Rome' }, 'f1')]));
    const result = await new Agent<Record<string, unknown>>(model, { outputTool: { parameters: citySchema } }).run('x');
    expect(result.output).toEqual({ city: 'Rome' });
    expect(requests(result.allMessages())[1]!.parts[0]).toMatchObject({ partKind: 'retry-prompt', content: 'Plain text responses are not permitted, please include your response in a tool call' });
  });

  it('retries an output whose process throws ModelRetry, within the output retries', async () => {
    let calls = 0;
    const agent = new Agent(new FunctionModel(() => [toolCallPart('final_result', { city: 'x' }, `f${++calls}`)]), {
      retries: 1,
      outputTool: { parameters: citySchema, process: () => { throw new ModelRetry('bad city'); } },
    });
    await expect(agent.run('x')).rejects.toThrow('Exceeded maximum retries (1) for output validation');
    expect(calls).toBe(2);
  });

  it('swaps the model within override, and with a disposable override', async () => {
    const agent = new Agent(new TestModel({ customOutputText: 'base' }));
    const scoped = await agent.override({ model: new TestModel({ customOutputText: 'scoped' }) }, () => agent.run('x'));
    expect(scoped.output).toBe('scoped');
    const override = agent.override({ model: new TestModel({ customOutputText: 'disposable' }) });
    expect((await agent.run('x')).output).toBe('disposable');
    override[Symbol.dispose]();
    expect((await agent.run('x')).output).toBe('base');
  });

  it('gives each run a UUIDv7 run id and keeps the conversation id when continuing', async () => {
    const agent = new Agent(new TestModel({ customOutputText: 'hi' }));
    const first = await agent.run('one');
    const second = await agent.run('two', { messageHistory: first.allMessages() });
    const other = await agent.run('three');
    expect(first.runId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    expect(second.runId).not.toBe(first.runId);
    expect(second.conversationId).toBe(first.conversationId);
    expect(other.conversationId).not.toBe(first.conversationId);
    expect((await agent.run('four', { conversationId: 'given' })).conversationId).toBe('given');
    expect(second.newMessages()).toHaveLength(2);
    expect(second.allMessages()).toHaveLength(4);
  });

  it('rejects bad configuration and a run with nothing to send', async () => {
    expect(() => new Agent(new TestModel(), { tools: [weather, weather] })).toThrow(UserError);
    expect(() => new Agent(new TestModel(), { retries: -1 })).toThrow(/retries/);
    expect(() => tool({ name: 'bad name', parameters: {}, execute: () => 1 })).toThrow(/Tool name/);
    await expect(new Agent(new TestModel()).run()).rejects.toBeInstanceOf(UserError);
  });

  it('stops after the request limit with a typed error', async () => {
    const loop = new FunctionModel((messages) => [toolCallPart('get_weather', { city: 'x' }, `c${messages.length}`)]);
    const run = new Agent(loop, { tools: [weather], usageLimits: { requestLimit: 3 } }).run('x');
    await expect(run).rejects.toMatchObject({ name: 'UsageLimitExceeded', limitName: 'requestLimit', limit: 3, value: 4 });
  });

  it('leaves text before tool calls as an intermediate answer', async () => {
    const model = new FunctionModel((messages) => (messages.length === 1 ? [textPart('Let me check.'), toolCallPart('get_weather', { city: 'Oslo' }, 'c1')] : 'cold'));
    expect((await new Agent(model, { tools: [weather] }).run('x')).output).toBe('cold');
  });
});
