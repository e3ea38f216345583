/**
 * One agent run: resume deferred calls if asked, then request, run tools, repeat until a final
 * answer, deferred calls or a limit. Everything runs inside the `wrapRun` hook.
 */
import { UserError } from '../errors.js';
import { modelRequest, systemPrompt as systemPromptPart, userPrompt, type ModelMessage, type ModelRequestPart, type UserContent } from '../messages.js';
import type { Model } from '../model.js';
import { mergeModelSettings, modelRequestParameters, type ModelRequestParameters, type ModelSettings } from '../settings.js';
import type { ModelResponseStreamEvent } from '../stream.js';
import { recallConversation, rememberConversation } from './conversation.js';
import type { EventChannel } from './event-channel.js';
import type { ResolvedOutputTool } from './process-output.js';
import { requestModel } from './request-model.js';
import { parsePendingToolCalls, resumePendingCalls } from './resume.js';
import { RunState } from './run-state.js';
import { handleResponse, type StepEnv, type StepResult } from './step.js';
import type { Tool } from './tool.js';
import type { AgentRunResult, DeferredToolRequests, RunOptions, UsageLimits } from './types.js';
import { computeRequestLimitViolation, computeTokenLimitViolation, throwIfViolated } from './usage-limits.js';
import { newUuidV7 } from './uuid-v7.js';

/** An agent's fixed configuration, as the run needs it. */
export interface AgentConfig {
  readonly agentName: string;
  readonly description: string | undefined;
  readonly instructions: string | (() => string | undefined) | undefined;
  readonly systemPrompt: string | undefined;
  readonly tools: ReadonlyMap<string, Tool>;
  readonly output: ResolvedOutputTool | undefined;
  readonly modelSettings: ModelSettings | undefined;
  readonly metadata: Readonly<Record<string, unknown>> | undefined;
  readonly retries: number;
  readonly usageLimits: UsageLimits | undefined;
}

export type UserPromptInput = string | readonly UserContent[];

function toParameters(config: AgentConfig, instructions: string | undefined): ModelRequestParameters {
  const output = config.output;
  return modelRequestParameters({
    functionTools: [...config.tools.values()].map((t) => t.definition),
    outputTools: output ? [output.definition] : [],
    allowTextOutput: !output || output.allowText,
    outputMode: output ? (output.allowText ? 'tool_or_text' : 'tool') : 'text',
    ...(instructions !== undefined ? { instructionParts: [{ content: instructions, dynamic: typeof config.instructions === 'function' }] } : {}),
  });
}

export async function executeRun<TOutput>(config: AgentConfig, model: Model, prompt: UserPromptInput | undefined, options: RunOptions, events?: EventChannel<ModelResponseStreamEvent>): Promise<AgentRunResult<TOutput>> {
  const history = options.messageHistory ?? [];
  const conversationId = options.conversationId ?? recallConversation(history) ?? newUuidV7();
  const metadata = config.metadata || options.metadata ? { ...config.metadata, ...options.metadata } : undefined;
  const state = new RunState({ agentName: config.agentName, description: config.description, runId: newUuidV7(), conversationId, model, metadata }, history);
  const signal = options.signal;
  const env: StepEnv = {
    state,
    tools: config.tools,
    defaultRetries: config.retries,
    limits: { ...config.usageLimits, ...options.usageLimits },
    signal,
    output: config.output,
    allowTextOutput: !config.output || config.output.allowText,
  };
  const settings = mergeModelSettings(config.modelSettings, options.modelSettings);

  const loop = async (): Promise<StepResult> => {
    signal?.throwIfAborted();
    const { pending, trailingRequest } = parsePendingToolCalls(history);
    let parts: ModelRequestPart[] = [];
    if (options.deferredToolResults) {
      if (pending.length === 0) throw new UserError('deferredToolResults were given, but the message history has no tool calls waiting for results');
      const resumed = await resumePendingCalls(env, pending, options.deferredToolResults, config.retries);
      if (resumed.kind !== 'continue') return resumed;
      parts = [...resumed.parts];
    } else if (pending.length > 0) {
      throw new UserError(`The message history ends with tool calls that have no results (${pending.map((c) => `'${c.toolCallId}'`).join(', ')}); pass deferredToolResults`);
    }
    if (history.length === 0 && config.systemPrompt !== undefined) parts.unshift(systemPromptPart(config.systemPrompt));
    if (prompt !== undefined) parts.push(userPrompt(prompt));
    if (parts.length === 0) throw new UserError('agent.run needs a prompt, or deferredToolResults to resume a deferred run');
    let merge = trailingRequest !== undefined;
    for (;;) {
      signal?.throwIfAborted();
      throwIfViolated(computeRequestLimitViolation(state.usage, env.limits));
      const instructions = typeof config.instructions === 'function' ? config.instructions() : config.instructions;
      const parameters = toParameters(config, instructions);
      appendRequest(state, parts, instructions, merge);
      merge = false;
      state.instructions.push(instructions);
      state.lastParameters = parameters;
      const response = await requestModel(state, [...state.messages], { model, settings, parameters, signal, events });
      state.messages.push(response);
      state.addResponseUsage(response.usage);
      throwIfViolated(computeTokenLimitViolation(state.usage, env.limits));
      const step = await handleResponse(env, response, config.retries);
      if (step.kind !== 'continue') return step;
      parts = [...step.parts];
    }
  };

  const body = async (): Promise<AgentRunResult<TOutput>> => {
    try {
      const step = await loop();
      if (step.kind === 'continue') throw new TypeError('a run cannot end on a continuing step');
      if (step.trailing.length > 0) appendRequest(state, step.trailing, undefined, state.messages.length === state.historyLength);
      state.outcome = step.kind === 'final' ? step.output : step.requests;
      state.status = step.kind === 'final' ? 'complete' : 'deferred';
      rememberConversation(state.messages, conversationId);
      return toResult<TOutput>(state, step);
    } catch (error) {
      state.status = 'error';
      if (signal?.aborted) throw signal.reason;
      throw error;
    }
  };
  const wrapRun = state.hooks?.wrapRun;
  return wrapRun ? wrapRun(state.info, body) : body();
}

/** Adds a request, or merges the parts into the history's last request (which then counts as new). */
function appendRequest(state: RunState, parts: readonly ModelRequestPart[], instructions: string | undefined, merge: boolean): void {
  const last = state.messages[state.messages.length - 1];
  if (merge && last?.kind === 'request') {
    const keep = instructions ?? last.instructions;
    state.messages[state.messages.length - 1] = modelRequest([...last.parts, ...parts], keep !== undefined ? { instructions: keep } : {});
    state.newMessageIndex = state.historyLength - 1;
    return;
  }
  state.messages.push(modelRequest(parts, instructions !== undefined ? { instructions } : {}));
}

function toResult<TOutput>(state: RunState, step: Exclude<StepResult, { kind: 'continue' }>): AgentRunResult<TOutput> {
  const messages: readonly ModelMessage[] = [...state.messages];
  const base = {
    runId: state.info.runId,
    conversationId: state.info.conversationId,
    usage: state.usage,
    allMessages: () => [...messages],
    newMessages: () => messages.slice(state.newMessageIndex),
  };
  if (step.kind === 'final') return { ...base, status: 'complete', output: step.output as TOutput };
  const deferredToolRequests: DeferredToolRequests = step.requests;
  return { ...base, status: 'deferred', deferredToolRequests };
}
