import { describe, expect, it } from 'vitest';
import { toolCallPart } from '../messages.js';
import { FunctionModel } from '../testing/function-model.js';
import { requestUsage } from '../usage.js';
import { Agent } from './agent.js';
import { UsageLimitExceeded } from './errors.js';
import { tool } from './tool.js';

const echo = tool({ name: 'echo', parameters: { type: 'object' }, execute: () => 'echoed' });

describe('run usage', () => {
  it('sums every response usage field, details included, and counts requests and tool calls', async () => {
    // The second response stands for a FallbackModel answer whose usage already sums a failed hop's tokens.
    const usages = [
      requestUsage({ inputTokens: 10, outputTokens: 4, cacheReadTokens: 2, details: { reasoning_tokens: 3 } }),
      requestUsage({ inputTokens: 30 + 25, outputTokens: 6 + 1, cacheWriteTokens: 5, details: { reasoning_tokens: 2, accepted_prediction_tokens: 1 } }),
    ];
    const model = new FunctionModel((messages) =>
      messages.length === 1 ? { parts: [toolCallPart('echo', {}, 'a'), toolCallPart('echo', {}, 'b')], usage: usages[0]! } : { parts: [{ partKind: 'text', content: 'done' }], usage: usages[1]! },
    );
    const result = await new Agent(model, { tools: [echo] }).run('x');
    expect(result.usage).toEqual({
      requests: 2,
      toolCalls: 2,
      inputTokens: 65,
      outputTokens: 11,
      cacheReadTokens: 2,
      cacheWriteTokens: 5,
      inputAudioTokens: 0,
      cacheAudioReadTokens: 0,
      outputAudioTokens: 0,
      details: { reasoning_tokens: 5, accepted_prediction_tokens: 1 },
    });
  });

  it('stops with UsageLimitExceeded naming the token limit that broke', async () => {
    const model = new FunctionModel((messages) => ({ parts: [toolCallPart('echo', {}, `c${messages.length}`)], usage: requestUsage({ inputTokens: 40, outputTokens: 10 }) }));
    const agent = new Agent(model, { tools: [echo] });
    const total = await agent.run('x', { usageLimits: { totalTokensLimit: 120 } }).catch((e: unknown) => e);
    expect(total).toBeInstanceOf(UsageLimitExceeded);
    expect(total).toMatchObject({ limitName: 'totalTokensLimit', limit: 120, value: 150 });
    await expect(agent.run('x', { usageLimits: { inputTokensLimit: 50 } })).rejects.toMatchObject({ limitName: 'inputTokensLimit', value: 80 });
    await expect(agent.run('x', { usageLimits: { outputTokensLimit: 5 } })).rejects.toMatchObject({ limitName: 'outputTokensLimit', value: 10 });
  });

  it('stops before running tool calls beyond the tool call limit', async () => {
    let ran = 0;
    const counted = tool({ name: 'counted', parameters: { type: 'object' }, execute: () => ++ran });
    const model = new FunctionModel((messages) => [toolCallPart('counted', {}, `a${messages.length}`), toolCallPart('counted', {}, `b${messages.length}`)]);
    await expect(new Agent(model, { tools: [counted], usageLimits: { toolCallsLimit: 3 } }).run('x')).rejects.toMatchObject({ limitName: 'toolCallsLimit', limit: 3, value: 4 });
    expect(ran).toBe(2);
  });

  it('run options limits override the agent limits', async () => {
    const loop = new FunctionModel((messages) => [toolCallPart('echo', {}, `c${messages.length}`)]);
    const agent = new Agent(loop, { tools: [echo], usageLimits: { requestLimit: 10 } });
    await expect(agent.run('x', { usageLimits: { requestLimit: 2 } })).rejects.toMatchObject({ limitName: 'requestLimit', limit: 2 });
  });
});

describe('abort', () => {
  it('cancels the in-flight model request and rejects with the abort reason', async () => {
    const controller = new AbortController();
    let sawSignal: AbortSignal | undefined;
    const model = new FunctionModel((_messages, info) => {
      sawSignal = info.signal;
      return new Promise((_resolve, reject) => info.signal?.addEventListener('abort', () => reject(new Error('provider cancelled')), { once: true }));
    });
    const run = new Agent(model).run('x', { signal: controller.signal });
    await new Promise((resolve) => setImmediate(resolve));
    controller.abort(new Error('user pressed stop'));
    await expect(run).rejects.toThrow('user pressed stop');
    expect(sawSignal?.aborted).toBe(true);
  });

  it('stops between steps when a tool aborts the run', async () => {
    const controller = new AbortController();
    const stopper = tool({ name: 'stop', parameters: { type: 'object' }, execute: () => { controller.abort('enough'); return 'stopping'; } });
    let requests = 0;
    const model = new FunctionModel(() => (++requests === 1 ? [toolCallPart('stop', {}, 's')] : 'never'));
    await expect(new Agent(model, { tools: [stopper] }).run('x', { signal: controller.signal })).rejects.toBe('enough');
    expect(requests).toBe(1);
  });
});
