/**
 * Resuming a deferred run: find the calls the history left unanswered, then answer them from the
 * caller's deferred results (running approved calls now).
 */
import { UserError } from '../errors.js';
import type { ModelMessage, ModelRequest, ToolCallPart } from '../messages.js';
import { runToolCalls, type ToolCallOutcome } from './execute-tools.js';
import { ModelRetry } from './errors.js';
import { processOutputCall, type OutputOutcome } from './process-output.js';
import { retryPrompt } from './retry-budget.js';
import { FINAL_PROCESSED, TOOL_SKIPPED, toolReturn, toStepResult, type StepEnv, type StepResult } from './step.js';
import type { DeferredToolResults } from './types.js';

export interface PendingToolCalls {
  /** Calls of the last response that no later request answers. */
  readonly pending: readonly ToolCallPart[];
  /** The request after that response holding the answers given so far, if any. */
  readonly trailingRequest: ModelRequest | undefined;
}

/**
 * The tool calls a history leaves unanswered. Pure.
 * @example parsePendingToolCalls(result.allMessages()).pending.map((c) => c.toolCallId)
 */
export function parsePendingToolCalls(history: readonly ModelMessage[]): PendingToolCalls {
  const last = history[history.length - 1];
  const trailingRequest = last?.kind === 'request' ? last : undefined;
  const response = trailingRequest ? history[history.length - 2] : last;
  if (response?.kind !== 'response') return { pending: [], trailingRequest };
  const answered = new Set(trailingRequest?.parts.flatMap((p) => (p.partKind === 'tool-return' || p.partKind === 'retry-prompt' ? [p.toolCallId] : [])) ?? []);
  const pending = response.parts.filter((p): p is ToolCallPart => p.partKind === 'tool-call' && !answered.has(p.toolCallId));
  return { pending, trailingRequest };
}

const DENIED = 'The tool call was denied.';

/** Answers the pending calls; the output tool's call, when resolved, finishes the run. */
export async function resumePendingCalls(env: StepEnv, pending: readonly ToolCallPart[], results: DeferredToolResults, maxOutputRetries: number): Promise<StepResult> {
  const given = results.calls ?? {};
  const approvals = results.approvals ?? {};
  const missing = pending.filter((c) => !(c.toolCallId in given) && !(c.toolCallId in approvals));
  if (missing.length > 0) throw new UserError(`Deferred tool results are missing for tool call ids: ${missing.map((c) => `'${c.toolCallId}'`).join(', ')}`);
  const pendingIds = new Set(pending.map((c) => c.toolCallId));
  const unknown = [...Object.keys(given), ...Object.keys(approvals)].filter((id) => !pendingIds.has(id));
  if (unknown.length > 0) throw new UserError(`Deferred tool results name tool call ids the history does not wait for: ${unknown.map((id) => `'${id}'`).join(', ')}`);

  const outputName = env.output?.definition.name;
  const outcomes: (ToolCallOutcome | OutputOutcome)[] = [];
  const approved: ToolCallPart[] = [];
  let final: { readonly call: ToolCallPart; readonly output: unknown } | undefined;
  for (const call of pending) {
    const isOutput = call.toolName === outputName;
    if (call.toolCallId in given) {
      const value = given[call.toolCallId];
      if (value instanceof ModelRetry) outcomes.push({ kind: 'part', part: retryPrompt(value.message, call.toolCallId, call.toolName) });
      else if (isOutput) final = { call, output: value };
      else outcomes.push({ kind: 'part', part: toolReturn(call, value) });
      continue;
    }
    const decision = approvals[call.toolCallId];
    if (decision === true && isOutput && env.output) {
      const outcome = await processOutputCall(env.state, env.output, call, maxOutputRetries, true);
      if (outcome.kind === 'output') final = { call, output: outcome.value };
      else outcomes.push(outcome);
    } else if (decision === true) {
      approved.push(call);
    } else {
      outcomes.push({ kind: 'part', part: toolReturn(call, typeof decision === 'object' ? decision.denied : DENIED) });
    }
  }
  if (final) {
    const answered = outcomes.flatMap((o) => (o.kind === 'part' ? [o.part] : []));
    const skipped = approved.map((call) => toolReturn(call, TOOL_SKIPPED));
    return { kind: 'final', output: final.output, trailing: [...answered, ...skipped, toolReturn(final.call, FINAL_PROCESSED)] };
  }
  if (approved.length > 0) outcomes.push(...(await runToolCalls(env, approved.map((call) => ({ call, approved: true })))));
  return toStepResult(outcomes);
}
