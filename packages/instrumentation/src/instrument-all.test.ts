import { afterEach, describe, expect, it } from 'vitest';
import { Agent, ApprovalRequired, CallDeferred, FunctionModel, getModelHooks, ModelRetry, modelRequest, textPart, tool, toolCallPart, userPrompt, type ModelMessage } from '@hopscope/models';
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

describe('agent spans through instrumentAll', () => {
  it('nests chat and tool spans under the agent run, with baggage copied', async () => {
    const telemetry = createTestTelemetry();
    uninstall = instrumentAll(telemetry.settings({ version: 5 }));
    await new Agent(toolCaller(['clock']), { name: 'support', tools: deferring }).run('what time is it?');
    const spans = telemetry.projectSpans();
    expect(spans.map((s) => [s.name, s.parent])).toEqual([
      ['invoke_agent support', null],
      ['chat scripted', 'invoke_agent support'],
      ['execute_tool clock', 'invoke_agent support'],
      ['chat scripted', 'invoke_agent support'],
    ]);
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
