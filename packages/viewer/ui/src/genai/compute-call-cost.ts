import type { SpanUsage } from './parse-usage.js';

/** What one model call or fallback hop cost, by the rule the server's trace totals follow. */
export interface CallCost {
  /** USD; null when the call reported tokens but no price, or got an answer and reported nothing. */
  readonly costUsd: number | null;
  /** True when the call failed or was skipped and reported no usage: it cost nothing ("no charge"). */
  readonly unbilled: boolean;
}

/**
 * The cost of one model call or hop, as the server counts it in a trace's total: its
 * `operation.cost` when it has one; unknown when it reported tokens without a price, or got an
 * answer and reported neither; nothing (`unbilled`, $0) when it failed (status ERROR, hop outcome
 * `error`) or was skipped without reporting usage, since no answer was billed.
 *
 * @example
 * computeCallCost({ usage: null, failedOrSkipped: true }); // { costUsd: 0, unbilled: true }
 */
export function computeCallCost(options: { readonly usage: SpanUsage | null; readonly failedOrSkipped: boolean }): CallCost {
  if (options.usage) return { costUsd: options.usage.costUsd, unbilled: false };
  return options.failedOrSkipped ? { costUsd: 0, unbilled: true } : { costUsd: null, unbilled: false };
}
