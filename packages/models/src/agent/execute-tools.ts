/**
 * Runs a step's function tool calls through the `wrapToolExecute` hook and turns each outcome into
 * a tool return, a retry prompt or a deferral.
 */
import type { RetryPromptPart, ToolCallPart, ToolReturnPart } from '../messages.js';
import { ApprovalRequired, isDeferral, ModelRetry, toToolRetryPrompt, ToolRetryError } from './errors.js';
import { parseToolArgs } from './parse-tool-args.js';
import { retryPrompt, StepRetries } from './retry-budget.js';
import { raceAbort } from '../fallback/deadline.js';
import type { RunState } from './run-state.js';
import type { RunContext, Tool } from './tool.js';
import type { UsageLimits } from './types.js';
import { computeToolCallsLimitViolation, throwIfViolated } from './usage-limits.js';

export type ToolCallOutcome =
  | { readonly kind: 'part'; readonly part: ToolReturnPart | RetryPromptPart }
  | { readonly kind: 'deferred'; readonly call: ToolCallPart; readonly approval: boolean; readonly metadata: Readonly<Record<string, unknown>> | undefined };

export interface ToolEnv {
  readonly state: RunState;
  readonly tools: ReadonlyMap<string, Tool>;
  readonly defaultRetries: number;
  readonly limits: UsageLimits;
  readonly signal: AbortSignal | undefined;
}

export interface PendingCall {
  readonly call: ToolCallPart;
  readonly approved: boolean;
}

/** True for a call that will run now: a known tool, approved when it needs approval (the others are retried or deferred). */
function willRun(env: ToolEnv, { call, approved }: PendingCall): boolean {
  const tool = env.tools.get(call.toolName);
  return tool !== undefined && (approved || !tool.requiresApproval);
}

/**
 * Runs the calls concurrently; outcomes keep the calls' order. A caller abort ends the wait at
 * once with the abort reason: the tools got the signal in their context, and nothing waits for
 * one that ignores it.
 */
export async function runToolCalls(env: ToolEnv, calls: readonly PendingCall[]): Promise<ToolCallOutcome[]> {
  throwIfViolated(computeToolCallsLimitViolation(env.state.usage, calls.filter((pending) => willRun(env, pending)).length, env.limits));
  const retries = new StepRetries(env.state);
  const all = Promise.all(calls.map((pending) => runOne(env, retries, pending)));
  const outcomes = env.signal ? await raceAbort(all, env.signal) : await all;
  retries.commit();
  return outcomes;
}

async function runOne(env: ToolEnv, retries: StepRetries, { call, approved }: PendingCall): Promise<ToolCallOutcome> {
  const tool = env.tools.get(call.toolName);
  if (!tool) {
    const names = [...env.tools.keys()].map((n) => `'${n}'`).join(', ');
    retries.fail(call.toolName, env.defaultRetries);
    return { kind: 'part', part: retryPrompt(`Unknown tool name: '${call.toolName}'. ${names ? `Available tools: ${names}` : 'No tools available.'}`, call.toolCallId, call.toolName) };
  }
  if (tool.requiresApproval && !approved) return { kind: 'deferred', call, approval: true, metadata: undefined };
  const maxRetries = tool.retries ?? env.defaultRetries;
  const ctx: RunContext = {
    agentName: env.state.info.agentName,
    runId: env.state.info.runId,
    conversationId: env.state.info.conversationId,
    toolName: call.toolName,
    toolCallId: call.toolCallId,
    retry: retries.countFor(call.toolName),
    toolCallApproved: approved,
    usage: env.state.usage,
    messages: env.state.messages,
    signal: env.signal,
    metadata: env.state.info.metadata,
  };
  const execute = async (): Promise<unknown> => {
    const parsed = parseToolArgs(call, tool.definition.parametersJsonSchema);
    if (!parsed.ok) throw new ToolRetryError(retryPrompt(parsed.errors, call.toolCallId, call.toolName));
    env.state.addToolCalls(1);
    return tool.execute(parsed.args, ctx);
  };
  const hook = env.state.hooks?.wrapToolExecute;
  try {
    const info = { run: env.state.info, runId: env.state.info.runId, toolName: call.toolName, toolCallId: call.toolCallId, args: call.args, tool: tool.definition };
    const value = hook ? await hook(info, execute) : await execute();
    return { kind: 'part', part: { partKind: 'tool-return', toolName: call.toolName, toolCallId: call.toolCallId, content: value, timestamp: new Date() } };
  } catch (error) {
    if (error instanceof ModelRetry) {
      retries.fail(call.toolName, maxRetries, error);
      return { kind: 'part', part: toToolRetryPrompt(error, call) };
    }
    if (isDeferral(error)) {
      return { kind: 'deferred', call, approval: error instanceof ApprovalRequired, metadata: error.metadata };
    }
    throw error;
  }
}
