/**
 * Usage limit checks, as pure functions the run loop calls before a request, after a response
 * and before running tool calls.
 */
import { computeTotalTokens, type RunUsage } from '../usage.js';
import { UsageLimitExceeded, type UsageLimitName } from './errors.js';
import type { UsageLimits } from './types.js';

/** The request limit when none is given. */
export const DEFAULT_REQUEST_LIMIT = 50;

/** What broke a limit, or undefined. */
export interface UsageLimitViolation {
  readonly limitName: UsageLimitName;
  readonly limit: number;
  readonly value: number;
  readonly message: string;
}

const SNAKE: Record<UsageLimitName, string> = {
  requestLimit: 'request_limit',
  inputTokensLimit: 'input_tokens_limit',
  outputTokensLimit: 'output_tokens_limit',
  totalTokensLimit: 'total_tokens_limit',
  toolCallsLimit: 'tool_calls_limit',
};

function over(limitName: UsageLimitName, limit: number | undefined, value: number, next: boolean): UsageLimitViolation | undefined {
  if (limit === undefined || value <= limit) return undefined;
  const message = next ? `The next ${limitName === 'requestLimit' ? 'request' : 'tool call'} would exceed the ${SNAKE[limitName]} of ${limit} (${limitName}=${value})` : `Exceeded the ${SNAKE[limitName]} of ${limit} (${limitName}=${value})`;
  return { limitName, limit, value, message };
}

/**
 * Whether one more request would break the request limit. Pure.
 * @example computeRequestLimitViolation(usage, { requestLimit: 3 })
 */
export function computeRequestLimitViolation(usage: RunUsage, limits: UsageLimits): UsageLimitViolation | undefined {
  return over('requestLimit', limits.requestLimit ?? DEFAULT_REQUEST_LIMIT, usage.requests + 1, true);
}

/**
 * Whether the tokens counted so far break a token limit (input, output, then total). Pure.
 * @example computeTokenLimitViolation(usage, { totalTokensLimit: 1000 })
 */
export function computeTokenLimitViolation(usage: RunUsage, limits: UsageLimits): UsageLimitViolation | undefined {
  return (
    over('inputTokensLimit', limits.inputTokensLimit, usage.inputTokens, false) ??
    over('outputTokensLimit', limits.outputTokensLimit, usage.outputTokens, false) ??
    over('totalTokensLimit', limits.totalTokensLimit, computeTotalTokens(usage), false)
  );
}

/**
 * Whether running `count` more tool calls would break the tool call limit. Pure.
 * @example computeToolCallsLimitViolation(usage, 2, { toolCallsLimit: 5 })
 */
export function computeToolCallsLimitViolation(usage: RunUsage, count: number, limits: UsageLimits): UsageLimitViolation | undefined {
  return count === 0 ? undefined : over('toolCallsLimit', limits.toolCallsLimit, usage.toolCalls + count, true);
}

/** Throws `UsageLimitExceeded` for a violation. */
export function throwIfViolated(violation: UsageLimitViolation | undefined): void {
  if (violation) throw new UsageLimitExceeded(violation.message, violation);
}
