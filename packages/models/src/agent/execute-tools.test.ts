import { describe, expect, it } from 'vitest';
import { textPart, toolCallPart } from '../messages.js';
import { FunctionModel } from '../testing/function-model.js';
import { Agent } from './agent.js';
import { tool } from './tool.js';

describe('running tool calls', () => {
  it('ends the run with the abort reason while a tool that ignores the signal is still running', async () => {
    let finishTool: () => void = () => undefined;
    const toolDone = new Promise<void>((resolve) => (finishTool = resolve));
    let started: () => void = () => undefined;
    const toolStarted = new Promise<void>((resolve) => (started = resolve));
    const slow = tool({
      name: 'slow',
      parameters: { type: 'object' },
      execute: async () => {
        started();
        await toolDone;
        return 'late';
      },
    });
    const model = new FunctionModel((messages) => (messages.length === 1 ? [toolCallPart('slow', {}, 's1')] : [textPart('done')]));
    const controller = new AbortController();
    const run = new Agent(model, { tools: [slow] }).run('go', { signal: controller.signal });
    await toolStarted;
    const reason = new Error('user cancelled');
    controller.abort(reason);
    // Before the fix the run waited for the tool, and this await never settled while the tool hung.
    await expect(run).rejects.toBe(reason);
    finishTool();
  });

  it('counts only the calls that run against toolCallsLimit: one waiting for approval is deferred, not run', async () => {
    const safe = tool({ name: 'safe', parameters: { type: 'object' }, execute: () => 'ok' });
    const danger = tool({ name: 'danger', parameters: { type: 'object' }, requiresApproval: true, execute: () => 'done' });
    const model = new FunctionModel(() => [toolCallPart('safe', {}, 'c1'), toolCallPart('danger', {}, 'c2')]);
    const result = await new Agent(model, { tools: [safe, danger], usageLimits: { toolCallsLimit: 1 } }).run('go');
    expect(result.status).toBe('deferred');
    expect(result.deferredToolRequests?.approvals.map((c) => c.toolCallId)).toEqual(['c2']);
    expect(result.usage.toolCalls).toBe(1);
  });
});
