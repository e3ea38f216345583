/**
 * Retry bookkeeping for one step: tools that fail in a step carry their count into the next one,
 * tools that succeed start over (pydantic-ai's rule). Going past a budget ends the run.
 */
import { UnexpectedModelBehavior } from '../errors.js';
import type { RetryPromptPart, ValidationErrorDetail } from '../messages.js';
import type { RunState } from './run-state.js';

export class StepRetries {
  private readonly failed = new Set<string>();
  constructor(private readonly state: RunState) {}

  /** How many times in a row this tool failed before this step. */
  countFor(toolName: string): number {
    return this.state.toolRetries.get(toolName) ?? 0;
  }

  /** Records a failure; throws `UnexpectedModelBehavior` when the tool has no retries left. */
  fail(toolName: string, maxRetries: number, cause?: unknown): void {
    if (this.countFor(toolName) >= maxRetries) throw new UnexpectedModelBehavior(`Tool '${toolName}' exceeded max retries count of ${maxRetries}`, { cause });
    this.failed.add(toolName);
  }

  /** Ends the step: failed tools count one more, the others start over. */
  commit(): void {
    const next = new Map<string, number>();
    for (const name of this.failed) next.set(name, this.countFor(name) + 1);
    this.state.toolRetries = next;
  }
}

/** Spends one output retry; throws once the output budget is used up. */
export function spendOutputRetry(state: RunState, maxRetries: number, cause?: unknown): void {
  if (state.outputRetries >= maxRetries) throw new UnexpectedModelBehavior(`Exceeded maximum retries (${maxRetries}) for output validation`, { cause });
  state.outputRetries += 1;
}

/** A retry prompt for a tool call. */
export function retryPrompt(content: string | readonly ValidationErrorDetail[], toolCallId: string, toolName?: string): RetryPromptPart {
  return { partKind: 'retry-prompt', content, toolCallId, ...(toolName !== undefined ? { toolName } : {}), timestamp: new Date() };
}
