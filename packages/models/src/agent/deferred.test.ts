import { describe, expect, it } from 'vitest';
import { toolCallPart, type ModelMessage, type ModelRequest } from '../messages.js';
import { FunctionModel } from '../testing/function-model.js';
import { UserError } from '../errors.js';
import { Agent } from './agent.js';
import { ApprovalRequired, CallDeferred, ModelRetry } from './errors.js';
import { tool } from './tool.js';

const executed: string[] = [];
const deleteFile = tool({
  name: 'delete_file',
  parameters: { type: 'object', properties: { path: { type: 'string' } }, required: ['path'] },
  execute: ({ path }, ctx) => {
    if (!ctx.toolCallApproved) throw new ApprovalRequired({ reason: 'destructive' });
    executed.push(String(path));
    return `deleted ${String(path)}`;
  },
});
const batchJob = tool({ name: 'batch_job', parameters: { type: 'object' }, execute: () => { throw new CallDeferred({ queue: 'slow' }); } });
const clock = tool({ name: 'clock', parameters: { type: 'object' }, execute: () => 'noon' });

/** Calls the three tools at once, then answers with the tool returns it received. */
function scriptedModel(): FunctionModel {
  return new FunctionModel((messages) => {
    if (messages.length === 1) return [toolCallPart('delete_file', { path: '/tmp/a' }, 'del'), toolCallPart('batch_job', {}, 'job'), toolCallPart('clock', {}, 'clk')];
    const last = messages[messages.length - 1] as ModelRequest;
    return JSON.stringify(last.parts.map((p) => (p.partKind === 'tool-return' ? [p.toolCallId, p.content] : p.partKind === 'retry-prompt' ? [p.toolCallId, 'retry'] : [p.partKind])));
  });
}

function lastRequest(messages: readonly ModelMessage[]): ModelRequest {
  return messages.filter((m): m is ModelRequest => m.kind === 'request').at(-1)!;
}

describe('deferred tool calls', () => {
  it('ends the run with deferred calls and approvals listed, keeping the other returns', async () => {
    const result = await new Agent(scriptedModel(), { tools: [deleteFile, batchJob, clock] }).run('clean up');
    expect(result.status).toBe('deferred');
    expect(result.deferredToolRequests?.calls.map((c) => c.toolCallId)).toEqual(['job']);
    expect(result.deferredToolRequests?.approvals.map((c) => c.toolCallId)).toEqual(['del']);
    expect(result.deferredToolRequests?.metadata).toEqual({ job: { queue: 'slow' }, del: { reason: 'destructive' } });
    expect(lastRequest(result.allMessages()).parts).toMatchObject([{ partKind: 'tool-return', toolCallId: 'clk', content: 'noon' }]);
  });

  it('resumes: runs approved calls, takes deferred results, merges them with the earlier returns', async () => {
    executed.length = 0;
    const agent = new Agent(scriptedModel(), { tools: [deleteFile, batchJob, clock] });
    const first = await agent.run('clean up');
    const resumed = await agent.run(undefined, { messageHistory: first.allMessages(), deferredToolResults: { calls: { job: { rows: 3 } }, approvals: { del: true } } });
    expect(executed).toEqual(['/tmp/a']);
    expect(resumed.status).toBe('complete');
    expect(JSON.parse(resumed.output as string)).toEqual([['clk', 'noon'], ['job', { rows: 3 }], ['del', 'deleted /tmp/a']]);
    expect(resumed.conversationId).toBe(first.conversationId);
    expect(resumed.newMessages()[0]).toBe(resumed.allMessages()[2]);
    expect(resumed.allMessages()).toHaveLength(4);
    expect(resumed.usage.toolCalls).toBe(1);
  });

  it('tells the model about denied calls, and turns a ModelRetry result into a retry prompt', async () => {
    executed.length = 0;
    const agent = new Agent(scriptedModel(), { tools: [deleteFile, batchJob, clock] });
    const first = await agent.run('clean up');
    const resumed = await agent.run('continue', { messageHistory: first.allMessages(), deferredToolResults: { calls: { job: new ModelRetry('queue full') }, approvals: { del: { denied: 'Not that file.' } } } });
    expect(executed).toEqual([]);
    const sent = lastRequest(resumed.allMessages().slice(0, -1)).parts.map((p) => p.partKind);
    expect(sent).toEqual(['tool-return', 'tool-return', 'retry-prompt', 'user-prompt']);
    expect(JSON.parse(resumed.output as string)).toEqual([['clk', 'noon'], ['del', 'Not that file.'], ['job', 'retry'], ['user-prompt']]);
  });

  it('defers every call of a tool that requires approval, until approved', async () => {
    const calls: string[] = [];
    const guarded = tool({ name: 'pay', parameters: { type: 'object' }, requiresApproval: true, execute: () => { calls.push('paid'); return 'ok'; } });
    const agent = new Agent(new FunctionModel((messages) => (messages.length === 1 ? [toolCallPart('pay', {}, 'p1')] : 'done')), { tools: [guarded] });
    const first = await agent.run('pay');
    expect(calls).toEqual([]);
    expect(first.deferredToolRequests?.approvals).toHaveLength(1);
    const second = await agent.run(undefined, { messageHistory: first.allMessages(), deferredToolResults: { approvals: { p1: true } } });
    expect(calls).toEqual(['paid']);
    expect(second.output).toBe('done');
  });

  it('defers an output tool call and finishes with the value given on resume', async () => {
    const agent = new Agent<string>(new FunctionModel(() => [toolCallPart('final_result', { city: 'Lima' }, 'out')]), {
      outputTool: { parameters: { type: 'object' }, process: (_value, ctx) => { if (!ctx.toolCallApproved) throw new ApprovalRequired(); return 'approved Lima'; } },
    });
    const first = await agent.run('x');
    expect(first.deferredToolRequests?.approvals.map((c) => c.toolName)).toEqual(['final_result']);
    const approved = await agent.run(undefined, { messageHistory: first.allMessages(), deferredToolResults: { approvals: { out: true } } });
    expect(approved.output).toBe('approved Lima');
    const given = await agent.run(undefined, { messageHistory: first.allMessages(), deferredToolResults: { calls: { out: 'from elsewhere' } } });
    expect(given.output).toBe('from elsewhere');
    expect(given.usage.requests).toBe(0);
  });

  it('rejects resume results that are missing, unknown, or given without pending calls', async () => {
    const agent = new Agent(scriptedModel(), { tools: [deleteFile, batchJob, clock] });
    const first = await agent.run('clean up');
    await expect(agent.run(undefined, { messageHistory: first.allMessages(), deferredToolResults: { calls: { job: 1 } } })).rejects.toThrow(/missing for tool call ids: 'del'/);
    await expect(agent.run(undefined, { messageHistory: first.allMessages(), deferredToolResults: { calls: { job: 1, zzz: 2 }, approvals: { del: false } } })).rejects.toThrow(/'zzz'/);
    await expect(agent.run('next', { messageHistory: first.allMessages() })).rejects.toBeInstanceOf(UserError);
    await expect(agent.run('x', { deferredToolResults: { calls: {} } })).rejects.toThrow(/no tool calls waiting/);
  });
});
