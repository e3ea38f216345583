import { afterEach, describe, expect, it } from 'vitest';
import { Agent, ApprovalRequired, CallDeferred, FunctionModel, getModelHooks, limitModelConcurrency, ModelRetry, modelRequest, textPart, tool, toolCallPart, userPrompt, type ModelMessage } from '@hopscope/models';
import { createTestTelemetry } from './testing/index.js';
import { instrumentAll, type UninstallInstrumentation } from './instrument-all.js';
import { InstrumentedModel } from './instrumented-model.js';

let uninstall: UninstallInstrumentation | undefined;
afterEach(() => {
  uninstall?.();
  uninstall = undefined;
});

const echo = () => new FunctionModel((messages: readonly ModelMessage[]) => [textPart(`seen ${messages.length}`)], { modelName: 'echo', system: 'test' });

describe('instrumentAll', () => {
  it('gives every model request a chat span, and only one inside an InstrumentedModel', async () => {
    const telemetry = createTestTelemetry();
    uninstall = instrumentAll(telemetry.settings());
    await echo().request([modelRequest([userPrompt('hi')])]);
    await new InstrumentedModel(echo(), telemetry.settings()).request([modelRequest([userPrompt('again')])]);
    expect(telemetry.projectSpans().map((s) => [s.name, s.parent])).toEqual([
      ['chat echo', null],
      ['chat echo', null],
    ]);
  });

  it('replaces the settings when called again and stops after uninstall', async () => {
    const first = createTestTelemetry();
    const second = createTestTelemetry();
    uninstall = instrumentAll(first.settings());
    uninstall = instrumentAll(second.settings());
    await echo().request([modelRequest([userPrompt('hi')])]);
    uninstall();
    await echo().request([modelRequest([userPrompt('after')])]);
    expect(first.projectSpans()).toEqual([]);
    expect(second.projectSpans()).toHaveLength(1);
  });

  it('opens the concurrency waiting span', async () => {
    const telemetry = createTestTelemetry();
    uninstall = instrumentAll(telemetry.settings());
    const wait = getModelHooks()?.wrapConcurrencyWait;
    expect(await wait?.({ source: 'model:echo', waitingCount: 2, maxRunning: 1, limiterName: 'shared', maxQueued: 10 }, async () => 'slot')).toBe('slot');
    expect(telemetry.projectSpans()).toEqual([
      { name: 'waiting for shared concurrency', kind: 'INTERNAL', parent: null, attributes: { source: 'model:echo', waiting_count: 2, max_running: 1, limiter_name: 'shared', max_queued: 10 }, events: [], status: { code: 'UNSET' } },
    ]);
  });

  it('puts the wait for a concurrency slot inside the chat span of the request that waits, one chat span per request', async () => {
    const telemetry = createTestTelemetry();
    uninstall = instrumentAll(telemetry.settings());
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = new FunctionModel(async (messages: readonly ModelMessage[]) => {
      await gate;
      return [textPart(`seen ${messages.length}`)];
    }, { modelName: 'echo', system: 'test', stream: async function* () { await gate; yield 'streamed'; } });
    const model = limitModelConcurrency(slow, { maxRunning: 1, name: 'shared' });
    const first = model.request([modelRequest([userPrompt('one')])]);
    const second = model.requestStream([modelRequest([userPrompt('two')])]);
    await new Promise((resolve) => setTimeout(resolve, 10));
    release();
    await first;
    await (await second).finalResponse();
    const spans = telemetry.projectSpans();
    expect(spans.filter((s) => s.name === 'chat echo')).toHaveLength(2);
    expect(spans.filter((s) => s.name === 'waiting for shared concurrency').map((s) => s.parent)).toEqual(['chat echo']);
  });
});

const deferring = [
  tool({ name: 'clock', parameters: { type: 'object' }, execute: () => 'noon' }),
  tool({ name: 'batch_job', parameters: { type: 'object' }, execute: () => { throw new CallDeferred({ queue: 'slow' }); } }),
  tool({ name: 'delete_file', parameters: { type: 'object' }, execute: () => { throw new ApprovalRequired({ reason: 'destructive' }); } }),
  tool({ name: 'lookup', parameters: { type: 'object' }, retries: 0, execute: () => { throw new ModelRetry('No such city'); } }),
];

function toolCaller(names: readonly string[]): FunctionModel {
  return new FunctionModel((messages) => (messages.length === 1 ? names.map((name, i) => toolCallPart(name, {}, `call_${i}`)) : [textPart('done')]), { modelName: 'scripted', system: 'test' });
}

/** The spans of the 'support' agent calling the clock tool once: [name, parent name]. */
const SUPPORT_RUN_TREE = [
  ['invoke_agent support', null],
  ['chat scripted', 'invoke_agent support'],
  ['execute_tool clock', 'invoke_agent support'],
  ['chat scripted', 'invoke_agent support'],
];

describe('agent spans through instrumentAll', () => {
  it('nests chat and tool spans under the agent run, with baggage copied', async () => {
    const telemetry = createTestTelemetry();
    uninstall = instrumentAll(telemetry.settings({ version: 5 }));
    await new Agent(toolCaller(['clock']), { name: 'support', tools: deferring }).run('what time is it?');
    const spans = telemetry.projectSpans();
    expect(spans.map((s) => [s.name, s.parent])).toEqual(SUPPORT_RUN_TREE);
    const run = spans[0]!;
    expect(run.attributes).toMatchObject({ agent_name: 'support', 'gen_ai.agent.name': 'support', 'gen_ai.operation.name': 'invoke_agent', final_result: 'done' });
    for (const child of spans.slice(1)) {
      expect(child.attributes['gen_ai.agent.name']).toBe('support');
      expect(child.attributes['gen_ai.agent.call.id']).toBe(run.attributes['gen_ai.agent.call.id']);
      expect(child.attributes['gen_ai.conversation.id']).toBe(run.attributes['gen_ai.conversation.id']);
    }
    expect(spans[2]?.attributes).toMatchObject({ 'gen_ai.tool.name': 'clock', 'gen_ai.tool.call.result': 'noon' });
  });

  it('leaves deferred tool spans UNSET in v5 and records them as errors before v5', async () => {
    for (const version of [4, 5] as const) {
      const telemetry = createTestTelemetry();
      uninstall = instrumentAll(telemetry.settings({ version }));
      await new Agent(toolCaller(['batch_job', 'delete_file']), { tools: deferring }).run('go');
      const tools = telemetry.projectSpans().filter((s) => s.name.startsWith('execute_tool'));
      expect(tools.map((s) => s.attributes['pydantic_ai.tool.deferral.name'])).toEqual(['CallDeferred', 'ApprovalRequired']);
      expect(tools[0]?.attributes['pydantic_ai.tool.deferral.metadata']).toEqual({ queue: 'slow' });
      if (version === 5) {
        expect(tools.map((s) => [s.status, s.events])).toEqual([[{ code: 'UNSET' }, []], [{ code: 'UNSET' }, []]]);
      } else {
        expect(tools.map((s) => s.status)).toEqual([{ code: 'ERROR' }, { code: 'ERROR' }]);
        expect(tools[0]?.events[0]?.attributes).toMatchObject({ 'exception.type': 'CallDeferred', 'exception.escaped': 'True' });
      }
      uninstall();
    }
  });

  it('records a ModelRetry as the retry prompt result with ERROR', async () => {
    const telemetry = createTestTelemetry();
    uninstall = instrumentAll(telemetry.settings({ version: 2 }));
    await new Agent(toolCaller(['lookup']), { tools: deferring }).run('go').catch(() => undefined);
    const span = telemetry.projectSpans().find((s) => s.name === 'running tool');
    expect(span?.attributes['tool_response']).toBe('No such city\n\nFix the errors and try again.');
    expect(span?.status).toEqual({ code: 'ERROR' });
  });

  it('uses aggregated usage names on the agent-run span when asked', async () => {
    const telemetry = createTestTelemetry();
    uninstall = instrumentAll(telemetry.settings({ useAggregatedUsageAttributeNames: true }));
    await new Agent(echo()).run('hi');
    const [run, chat] = telemetry.projectSpans();
    expect(Object.keys(run?.attributes ?? {}).filter((k) => k.includes('usage'))).toEqual(['gen_ai.aggregated_usage.input_tokens', 'gen_ai.aggregated_usage.output_tokens']);
    expect(Object.keys(chat?.attributes ?? {}).filter((k) => k.includes('usage'))).toEqual(['gen_ai.usage.input_tokens', 'gen_ai.usage.output_tokens']);
  });
});

describe('code-argument hints', () => {
  it('go on the tool calls of the agent run\'s conversation as on the chat span\'s', async () => {
    const telemetry = createTestTelemetry();
    uninstall = instrumentAll(telemetry.settings({ version: 5 }));
    const runCode = tool({ name: 'run_code', parameters: { type: 'object' }, metadata: { code_arg_name: 'code', code_arg_language: 'python' }, execute: () => '2' });
    const model = new FunctionModel((messages) => (messages.length === 1 ? [toolCallPart('run_code', { code: '1+1' }, 'c1')] : [textPart('2')]), { modelName: 'scripted', system: 'test' });
    await new Agent(model, { tools: [runCode] }).run('add');
    const spans = telemetry.projectSpans();
    const hinted = { type: 'tool_call', id: 'c1', name: 'run_code', code_arg_name: 'code', code_arg_language: 'python' };
    const chatOutput = spans.find((s) => s.name === 'chat scripted')?.attributes['gen_ai.output.messages'] as { parts: unknown[] }[];
    expect(chatOutput[0]?.parts[0]).toMatchObject(hinted);
    const runMessages = spans.find((s) => s.name.startsWith('invoke_agent'))?.attributes['pydantic_ai.all_messages'] as { role: string; parts: unknown[] }[];
    expect(runMessages.find((m) => m.role === 'assistant')?.parts[0]).toMatchObject(hinted);
  });
});

describe('an InstrumentedModel given to an Agent', () => {
  it('gives the run, its tools and its requests their spans under the model\'s settings, without instrumentAll', async () => {
    const telemetry = createTestTelemetry();
    const model = new InstrumentedModel(toolCaller(['clock']), telemetry.settings({ version: 5 }));
    await new Agent(model, { name: 'support', tools: deferring }).run('what time is it?');
    const spans = telemetry.projectSpans();
    expect(spans.map((s) => [s.name, s.parent])).toEqual(SUPPORT_RUN_TREE);
    const runId = spans[0]?.attributes['gen_ai.agent.call.id'];
    expect(typeof runId).toBe('string');
    for (const child of spans.slice(1)) expect(child.attributes['gen_ai.agent.call.id']).toBe(runId);
  });

  it('takes the place of instrumentAll\'s hooks for that run: one run span, on the model\'s providers and version', async () => {
    const global = createTestTelemetry();
    const own = createTestTelemetry();
    uninstall = instrumentAll(global.settings({ version: 5 }));
    await new Agent(new InstrumentedModel(toolCaller(['clock']), own.settings({ version: 2 })), { name: 'support', tools: deferring }).run('what time is it?');
    expect(global.projectSpans()).toEqual([]);
    expect(own.projectSpans().map((s) => s.name)).toEqual(['agent run', 'chat scripted', 'running tool', 'chat scripted']);
    // Other agents still get the installed hooks.
    await new Agent(toolCaller(['clock']), { name: 'plain', tools: deferring }).run('again');
    expect(global.projectSpans().map((s) => s.name)).toEqual(['invoke_agent plain', 'chat scripted', 'execute_tool clock', 'chat scripted']);
  });
});

