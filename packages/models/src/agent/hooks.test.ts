import { afterEach, describe, expect, it } from 'vitest';
import { retryPromptText, toolCallPart } from '../messages.js';
import { FunctionModel } from '../testing/function-model.js';
import { TestModel } from '../testing/test-model.js';
import { Agent } from './agent.js';
import { ApprovalRequired, CallDeferred, isDeferral, ModelRetry, ToolRetryError } from './errors.js';
import { getAgentHooks, installAgentHooks, type AgentHooks, type AgentModelRequestInfo, type AgentRunInfo } from './hooks.js';
import { tool } from './tool.js';

/** A fake instrumentation: records enter/exit of each hook with its info, and what next() threw. */
function recordingHooks() {
  const log: string[] = [];
  const runs: AgentRunInfo[] = [];
  const track = async <T>(label: string, next: () => Promise<T>): Promise<T> => {
    log.push(`enter ${label}`);
    try {
      const value = await next();
      log.push(`exit ${label}`);
      return value;
    } catch (error) {
      log.push(`${isDeferral(error) ? 'deferred' : 'error'} ${label} ${(error as Error).name}`);
      throw error;
    }
  };
  const hooks: AgentHooks = {
    wrapRun: (run, next) => {
      runs.push(run);
      return track(`run ${run.agentName}`, next);
    },
    wrapModelRequest: (request, next) => track(`request ${request.messages.length} stream=${request.stream}`, next),
    wrapToolExecute: (call, next) => track(`tool ${call.toolName} ${call.toolCallId} ${JSON.stringify(call.args)}`, next),
    wrapOutputProcess: (output, next) => track(`output ${output.targetName} ${JSON.stringify(output.output)}`, next),
  };
  return { hooks, log, runs };
}

let uninstall: (() => void) | undefined;
afterEach(() => uninstall?.());

const weather = tool({ name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } }, execute: () => 'sunny' });

describe('agent hooks', () => {
  it('wraps the run around its requests, tools and output processing, in order', async () => {
    const rec = recordingHooks();
    uninstall = installAgentHooks(rec.hooks);
    const model = new FunctionModel((messages) => (messages.length === 1 ? [toolCallPart('get_weather', '{"city":"Paris"}', 'c1')] : [toolCallPart('final_result', { answer: 'sunny' }, 'f1')]));
    const withTool = new Agent<string>(model, { name: 'weather_agent', tools: [weather], outputTool: { parameters: { type: 'object' }, process: (v) => String(v['answer']) } });
    expect(withTool.name).toBe('weather_agent');
    await withTool.run('Weather?');
    expect(rec.log).toEqual([
      'enter run weather_agent',
      'enter request 1 stream=false',
      'exit request 1 stream=false',
      'enter tool get_weather c1 "{\\"city\\":\\"Paris\\"}"',
      'exit tool get_weather c1 "{\\"city\\":\\"Paris\\"}"',
      'enter request 3 stream=false',
      'exit request 3 stream=false',
      'enter output final_result {"answer":"sunny"}',
      'exit output final_result {"answer":"sunny"}',
      'exit run weather_agent',
    ]);
  });

  it('exposes live run info: ids, model, usage, history length, parameters, instructions and result', async () => {
    const rec = recordingHooks();
    uninstall = installAgentHooks(rec.hooks);
    let calls = 0;
    const agent = new Agent(new TestModel(), { description: 'Answers weather questions', instructions: () => `v${++calls}`, tools: [weather], metadata: { team: 'a' } });
    const first = await agent.run('one');
    const run = rec.runs[0]!;
    expect(run).toMatchObject({ agentName: 'agent', description: 'Answers weather questions', runId: first.runId, conversationId: first.conversationId, messageHistoryLength: 0, metadata: { team: 'a' } });
    expect(run.model.modelName).toBe('test');
    expect(run.usage()).toEqual(first.usage);
    expect(run.allMessages()).toEqual(first.allMessages());
    expect(run.instructionsPerRequest()).toEqual(['v1', 'v2']);
    expect(run.lastParameters()?.functionTools.map((t) => t.name)).toEqual(['get_weather']);
    expect(run.status()).toBe('complete');
    expect(run.result()).toBe(first.output);
    await agent.run('two', { messageHistory: first.allMessages(), metadata: { user: 'u' } });
    expect(rec.runs[1]).toMatchObject({ messageHistoryLength: 4, metadata: { team: 'a', user: 'u' } });
  });

  it('lets deferrals pass through next() unchanged, and reports the deferred requests as the result', async () => {
    const rec = recordingHooks();
    uninstall = installAgentHooks(rec.hooks);
    const later = tool({ name: 'later', parameters: { type: 'object' }, execute: () => { throw new CallDeferred(); } });
    const ask = tool({ name: 'ask', parameters: { type: 'object' }, execute: () => { throw new ApprovalRequired(); } });
    const result = await new Agent(new TestModel(), { tools: [later, ask] }).run('x');
    expect(rec.log).toContain('deferred tool later pyd_ai_tool_call_id__later {} CallDeferred');
    expect(rec.log).toContain('deferred tool ask pyd_ai_tool_call_id__ask {} ApprovalRequired');
    expect(rec.log.at(-1)).toBe('exit run agent');
    expect(rec.runs[0]!.status()).toBe('deferred');
    expect(rec.runs[0]!.result()).toBe(result.deferredToolRequests);
  });

  it('sees errors leave the run and marks it failed', async () => {
    const rec = recordingHooks();
    uninstall = installAgentHooks(rec.hooks);
    const boom = tool({ name: 'boom', parameters: { type: 'object' }, execute: () => { throw new RangeError('kaput'); } });
    await expect(new Agent(new TestModel(), { tools: [boom] }).run('x')).rejects.toThrow('kaput');
    expect(rec.log.slice(-2)).toEqual(['error tool boom pyd_ai_tool_call_id__boom {} RangeError', 'error run agent RangeError']);
    expect(rec.runs[0]!.status()).toBe('error');
    expect(rec.runs[0]!.result()).toBeUndefined();
  });

  it('runs argument validation inside wrapToolExecute, failing it with a ToolRetryError that carries the retry prompt', async () => {
    const rec = recordingHooks();
    const errors: unknown[] = [];
    uninstall = installAgentHooks({
      ...rec.hooks,
      wrapToolExecute: (call, next) => rec.hooks.wrapToolExecute!(call, next).catch((error: unknown) => { errors.push(error); throw error; }),
    });
    const strictWeather = tool({ name: 'get_weather', parameters: { type: 'object', required: ['city'] }, execute: () => 'sunny' });
    const model = new FunctionModel((messages) => (messages.length === 1 ? [toolCallPart('get_weather', '{}', 'c1')] : 'ok'));
    await new Agent(model, { tools: [strictWeather] }).run('x');
    expect(rec.log).toContain('error tool get_weather c1 "{}" ToolRetryError');
    expect(errors[0]).toBeInstanceOf(ModelRetry);
    const error = errors[0] as ToolRetryError;
    const text = retryPromptText(error.retryPrompt);
    expect(text).toMatch(/^1 validation error:[\s\S]*Field required[\s\S]*Fix the errors and try again\.$/);
    expect(retryPromptText({ partKind: 'retry-prompt', content: error.message, toolName: 'get_weather', toolCallId: 'c1' })).toBe(text);
  });

  it('hands wrapModelRequest the model, the merged settings, the parameters and the messages sent', async () => {
    const seen: AgentModelRequestInfo[] = [];
    uninstall = installAgentHooks({ wrapModelRequest: (request, next) => { seen.push(request); return next(); } });
    const model = new TestModel();
    await new Agent(model, { tools: [weather], modelSettings: { temperature: 0.2, maxTokens: 100 } }).run('x', { modelSettings: { maxTokens: 50 } });
    expect(seen).toHaveLength(2);
    expect(seen[0]!.model).toBe(model);
    expect(seen[0]!.settings).toEqual({ temperature: 0.2, maxTokens: 50 });
    expect(seen[0]!.parameters.functionTools.map((t) => t.name)).toEqual(['get_weather']);
    expect(seen[1]!.messages.map((m) => m.kind)).toEqual(['request', 'response', 'request']);
    expect(seen[1]!.run.runId).toBe(seen[0]!.run.runId);
  });

  it('flags streamed requests', async () => {
    const rec = recordingHooks();
    uninstall = installAgentHooks(rec.hooks);
    await new Agent(new TestModel()).runStream('x').result();
    expect(rec.log).toContain('enter request 1 stream=true');
  });

  it('replaces instead of stacking, and uninstalls only its own hooks', () => {
    const a: AgentHooks = {};
    const b: AgentHooks = {};
    const removeA = installAgentHooks(a);
    const removeB = installAgentHooks(b);
    removeA();
    expect(getAgentHooks()).toBe(b);
    removeB();
    expect(getAgentHooks()).toBeUndefined();
  });
});
