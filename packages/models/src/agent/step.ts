/**
 * One step of the loop: what a model response leads to. A final output, deferred calls, or the
 * parts of the next request (tool returns and retry prompts).
 */
import { randomUUID } from 'node:crypto';
import type { ModelRequestPart, ModelResponse, ToolCallPart, ToolReturnPart } from '../messages.js';
import { runToolCalls, type ToolCallOutcome, type ToolEnv } from './execute-tools.js';
import { processOutputCall, type OutputOutcome, type ResolvedOutputTool } from './process-output.js';
import { retryPrompt, spendOutputRetry } from './retry-budget.js';
import type { DeferredToolRequests } from './types.js';

export interface StepEnv extends ToolEnv {
  readonly output: ResolvedOutputTool | undefined;
  readonly allowTextOutput: boolean;
}

export type StepResult =
  | { readonly kind: 'final'; readonly output: unknown; readonly trailing: readonly ModelRequestPart[] }
  | { readonly kind: 'deferred'; readonly requests: DeferredToolRequests; readonly trailing: readonly ModelRequestPart[] }
  | { readonly kind: 'continue'; readonly parts: readonly ModelRequestPart[] };

export const FINAL_PROCESSED = 'Final result processed.';
export const TOOL_SKIPPED = 'Tool not executed - a final result was already processed.';
const OUTPUT_SKIPPED = 'Output tool not used - a final result was already processed.';

/** A tool return part stamped now. */
export function toolReturn(call: ToolCallPart, content: unknown): ToolReturnPart {
  return { partKind: 'tool-return', toolName: call.toolName, toolCallId: call.toolCallId, content, timestamp: new Date() };
}

/** A tool call id for retry prompts that answer no call, in pydantic-ai's format. */
export function newToolCallId(): string {
  return `pyd_ai_${randomUUID().replace(/-/g, '')}`;
}

/** Collects outcomes into request parts, or into deferred requests when any call was deferred. */
export function toStepResult(outcomes: readonly (ToolCallOutcome | OutputOutcome)[]): StepResult {
  const parts: ModelRequestPart[] = [];
  const calls: ToolCallPart[] = [];
  const approvals: ToolCallPart[] = [];
  const metadata: Record<string, Readonly<Record<string, unknown>>> = {};
  for (const outcome of outcomes) {
    if (outcome.kind === 'deferred') {
      (outcome.approval ? approvals : calls).push(outcome.call);
      if (outcome.metadata !== undefined) metadata[outcome.call.toolCallId] = outcome.metadata;
    } else if (outcome.kind === 'output') {
      throw new TypeError('an output outcome cannot be collected into a step');
    } else {
      parts.push(outcome.part);
    }
  }
  if (calls.length > 0 || approvals.length > 0) return { kind: 'deferred', requests: { calls, approvals, metadata }, trailing: parts };
  return { kind: 'continue', parts };
}

/** Decides what a response leads to, running its tool calls. */
export async function handleResponse(env: StepEnv, response: ModelResponse, maxOutputRetries: number): Promise<StepResult> {
  const calls = response.parts.filter((p): p is ToolCallPart => p.partKind === 'tool-call');
  const outputName = env.output?.definition.name;
  const outputCalls = calls.filter((c) => c.toolName === outputName);
  const functionCalls = calls.filter((c) => c.toolName !== outputName);
  const outcomes: (ToolCallOutcome | OutputOutcome)[] = [];
  if (env.output && outputCalls.length > 0) {
    const [first, ...others] = outputCalls as [ToolCallPart, ...ToolCallPart[]];
    const outcome = await processOutputCall(env.state, env.output, first, maxOutputRetries, false);
    if (outcome.kind === 'output') {
      const trailing = [toolReturn(first, FINAL_PROCESSED), ...others.map((c) => toolReturn(c, OUTPUT_SKIPPED)), ...functionCalls.map((c) => toolReturn(c, TOOL_SKIPPED))];
      return { kind: 'final', output: outcome.value, trailing };
    }
    outcomes.push(outcome, ...others.map((c) => ({ kind: 'part' as const, part: toolReturn(c, OUTPUT_SKIPPED) })));
  }
  if (functionCalls.length > 0) outcomes.push(...(await runToolCalls(env, functionCalls.map((call) => ({ call, approved: false })))));
  if (outcomes.length > 0) return toStepResult(outcomes);
  const texts = response.parts.filter((p) => p.partKind === 'text');
  if (texts.length > 0 && env.allowTextOutput) return { kind: 'final', output: texts.map((p) => p.content).join(''), trailing: [] };
  spendOutputRetry(env.state, maxOutputRetries);
  const feedback = texts.length > 0 ? 'Plain text responses are not permitted, please include your response in a tool call' : 'Please return text or call a tool.';
  return { kind: 'continue', parts: [retryPrompt(feedback, newToolCallId())] };
}
