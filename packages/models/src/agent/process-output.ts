/**
 * The output tool: validates its call's arguments and runs its `process` inside the
 * `wrapOutputProcess` hook (the output-function span).
 */
import type { RetryPromptPart, ToolCallPart } from '../messages.js';
import type { ToolDefinition } from '../settings.js';
import { ApprovalRequired, isDeferral, ModelRetry, toToolRetryPrompt } from './errors.js';
import { parseToolArgs } from './parse-tool-args.js';
import { retryPrompt, spendOutputRetry } from './retry-budget.js';
import type { RunState } from './run-state.js';
import type { OutputContext, OutputToolOptions } from './types.js';

/** The output tool as the loop uses it. */
export interface ResolvedOutputTool {
  readonly definition: ToolDefinition;
  readonly process: ((value: Record<string, unknown>, ctx: OutputContext) => unknown) | undefined;
  readonly allowText: boolean;
}

export type OutputOutcome =
  | { readonly kind: 'output'; readonly value: unknown }
  | { readonly kind: 'retry'; readonly part: RetryPromptPart }
  | { readonly kind: 'deferred'; readonly call: ToolCallPart; readonly approval: boolean; readonly metadata: Readonly<Record<string, unknown>> | undefined };

/**
 * Builds the output tool's definition from the agent options.
 * @example toOutputTool({ parameters: { type: 'object', properties: { city: { type: 'string' } } } })
 */
export function toOutputTool(options: OutputToolOptions<unknown>): ResolvedOutputTool {
  const definition: ToolDefinition = {
    name: options.name ?? 'final_result',
    parametersJsonSchema: options.parameters,
    description: options.description ?? 'The final response which ends this conversation',
    kind: 'output',
    ...(options.strict !== undefined ? { strict: options.strict } : {}),
  };
  return { definition, process: options.process, allowText: options.allowText ?? false };
}

/** Validates and processes an output tool call; `approved` when the caller approved it on resume. */
export async function processOutputCall(state: RunState, output: ResolvedOutputTool, call: ToolCallPart, maxRetries: number, approved: boolean): Promise<OutputOutcome> {
  const parsed = parseToolArgs(call, output.definition.parametersJsonSchema);
  if (!parsed.ok) {
    spendOutputRetry(state, maxRetries);
    return { kind: 'retry', part: retryPrompt(parsed.errors, call.toolCallId, call.toolName) };
  }
  const processFn = output.process;
  if (!processFn) return { kind: 'output', value: parsed.args };
  const ctx: OutputContext = { runId: state.info.runId, conversationId: state.info.conversationId, toolCallId: call.toolCallId, toolCallApproved: approved, retry: state.outputRetries };
  const run = async (): Promise<unknown> => processFn(parsed.args, ctx);
  const hook = state.hooks?.wrapOutputProcess;
  try {
    const info = { run: state.info, runId: state.info.runId, targetName: call.toolName, toolCallId: call.toolCallId, output: parsed.args };
    return { kind: 'output', value: hook ? await hook(info, run) : await run() };
  } catch (error) {
    if (error instanceof ModelRetry) {
      spendOutputRetry(state, maxRetries, error);
      return { kind: 'retry', part: toToolRetryPrompt(error, call) };
    }
    if (isDeferral(error)) {
      return { kind: 'deferred', call, approval: error instanceof ApprovalRequired, metadata: error.metadata };
    }
    throw error;
  }
}
