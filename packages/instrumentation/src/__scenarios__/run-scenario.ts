/**
 * Runs one scenario against InstrumentationSettings: a request or stream through
 * InstrumentedModel, a FallbackModel chain or an agent run through instrumentAll.
 */
import { Agent, ApprovalRequired, CallDeferred, FallbackModel, ModelAPIError, ModelRetry, onResponse, type ModelMessage, modelRequestParameters, tool, type Model } from '@hopscope/models';
import { instrumentAll } from '../instrument-all.js';
import { InstrumentedModel } from '../instrumented-model.js';
import type { InstrumentationSettings } from '../settings.js';
import type { AgentSpec, Scenario, ToolBehaviour } from './scenario-types.js';
import { ScriptedModel } from './scripted-model.js';

function toExecute(behaviour: ToolBehaviour): () => unknown {
  let calls = 0;
  return () => {
    calls += 1;
    switch (behaviour.kind) {
      case 'return':
        return behaviour.result;
      case 'defer':
        throw new CallDeferred(behaviour.metadata);
      case 'approval':
        throw new ApprovalRequired(behaviour.metadata);
      case 'retry-once':
        if (calls === 1) throw new ModelRetry(behaviour.message);
        return behaviour.result;
      default: {
        const _exhaustive: never = behaviour;
        return _exhaustive;
      }
    }
  };
}

function toAgent(spec: AgentSpec, model: Model): Agent<unknown> {
  const output = spec.outputTool;
  return new Agent<unknown>(model, {
    ...(spec.name !== undefined ? { name: spec.name } : {}),
    ...(spec.description !== undefined ? { description: spec.description } : {}),
    ...(spec.instructions !== undefined ? { instructions: spec.instructions } : {}),
    ...(spec.systemPrompt !== undefined ? { systemPrompt: spec.systemPrompt } : {}),
    ...(spec.metadata !== undefined ? { metadata: spec.metadata } : {}),
    tools: (spec.tools ?? []).map((t) => tool({ name: t.name, parameters: t.parameters, execute: toExecute(t.behaviour), ...(t.description !== undefined ? { description: t.description } : {}) })),
    ...(output
      ? {
          outputTool: {
            parameters: output.parameters,
            ...(output.name !== undefined ? { name: output.name } : {}),
            ...(output.description !== undefined ? { description: output.description } : {}),
            ...(output.uppercase !== undefined ? { process: (value: Record<string, unknown>) => String(value[output.uppercase!]).toUpperCase() } : {}),
          },
        }
      : {}),
  });
}

function toFallbackModel(scenario: Scenario): Model {
  const [first, ...rest] = (scenario.members ?? []).map((member) => new ScriptedModel(member));
  if (!first) throw new Error(`${scenario.name}: a fallback scenario needs members`);
  const rejected = new Set((scenario.members ?? []).filter((m) => m.rejectResponse).map((m) => m.modelName));
  const fallbackOn = [ModelAPIError, onResponse((response) => rejected.has(String(response.modelName)))];
  return new FallbackModel(first, ...rest, { fallbackOn, memberRetry: false, retry: false, cooldown: false });
}

/**
 * @example await runScenario(scenario, settings)
 */
export async function runScenario(scenario: Scenario, settings: InstrumentationSettings): Promise<void> {
  const messages: readonly ModelMessage[] = scenario.messages ?? [];
  const parameters = modelRequestParameters(scenario.parameters ?? {});
  switch (scenario.run) {
    case 'request':
      await new InstrumentedModel(new ScriptedModel(scenario.model!), settings).request(messages, scenario.settings, parameters);
      return;
    case 'stream': {
      const stream = await new InstrumentedModel(new ScriptedModel(scenario.model!), settings).requestStream(messages, scenario.settings, parameters);
      await stream.finalResponse();
      return;
    }
    case 'fallback': {
      const uninstall = instrumentAll(settings);
      try {
        await toFallbackModel(scenario).request(messages, scenario.settings, parameters);
      } finally {
        uninstall();
      }
      return;
    }
    case 'agent': {
      const uninstall = instrumentAll(settings);
      try {
        await toAgent(scenario.agent ?? {}, new ScriptedModel(scenario.model!)).run(scenario.prompt ?? '', { conversationId: 'conversation-1' });
      } finally {
        uninstall();
      }
      return;
    }
    default: {
      const _exhaustive: never = scenario.run;
      throw new Error(`unknown run kind ${String(_exhaustive)}`);
    }
  }
}
