/**
 * Hopscope owns retries (SDK retries are off for the clients it builds). This is the pure part:
 * which errors to retry and how long to wait.
 */
import { ModelAPIError, ModelHTTPError } from '../errors.js';

export interface RetryPolicy {
  /** Retries after the first attempt (0 = never retry). */
  readonly maxRetries: number;
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  /** Multiplier between attempts. */
  readonly backoffFactor: number;
  /** Honour `Retry-After` up to this many ms; longer waits fail at once instead. */
  readonly maxRetryAfterMs: number;
  /** 0..1 share of the delay that is randomised. */
  readonly jitter: number;
}

/** Two retries, 500 ms doubling to 8 s, Retry-After honoured up to 30 s. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({
  maxRetries: 2,
  initialDelayMs: 500,
  maxDelayMs: 8_000,
  backoffFactor: 2,
  maxRetryAfterMs: 30_000,
  jitter: 0.2,
});

/** No retries at all. */
export const NO_RETRY: RetryPolicy = Object.freeze({ ...DEFAULT_RETRY_POLICY, maxRetries: 0 });

/**
 * The delay before retry number `attempt` (1-based), or undefined when the error must not be
 * retried (not retryable, retries used up, or a Retry-After longer than the cap).
 * @example computeRetryDelayMs(rateLimitError, 1, DEFAULT_RETRY_POLICY, () => 0.5)
 */
export function computeRetryDelayMs(error: unknown, attempt: number, policy: RetryPolicy, random: () => number = Math.random): number | undefined {
  if (attempt > policy.maxRetries) return undefined;
  if (!(error instanceof ModelAPIError) || !error.isRetryable) return undefined;
  const retryAfter = error instanceof ModelHTTPError ? error.retryAfterMs : undefined;
  if (retryAfter !== undefined) return retryAfter <= policy.maxRetryAfterMs ? retryAfter : undefined;
  const base = Math.min(policy.maxDelayMs, policy.initialDelayMs * policy.backoffFactor ** (attempt - 1));
  const spread = base * policy.jitter;
  return Math.max(0, Math.round(base - spread + 2 * spread * random()));
}

/** Fills a partial policy with the defaults; validates the numbers. */
export function parseRetryPolicy(input: Partial<RetryPolicy> | false | undefined): RetryPolicy {
  if (input === false) return NO_RETRY;
  const policy = { ...DEFAULT_RETRY_POLICY, ...(input ?? {}) };
  for (const [key, value] of Object.entries(policy)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new RangeError(`retry policy ${key} must be a finite number >= 0, got ${String(value)}`);
  }
  if (policy.jitter > 1) throw new RangeError(`retry policy jitter must be between 0 and 1, got ${policy.jitter}`);
  return policy;
}
