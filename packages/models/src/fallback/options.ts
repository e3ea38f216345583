/**
 * The options of a FallbackModel and their validation. Defaults, and why:
 * - `fallbackOn`: `ModelAPIError` (auth errors included; see categories.ts).
 * - `memberRetry`: none. A 429/5xx on a member with a next hop moves on at once, even with
 *   `Retry-After: 60`: waiting is what the next member is for.
 * - `retry`: `DEFAULT_RETRY_POLICY` where no other hop is left (Retry-After honoured up to its cap).
 * - `cooldown`: 10 s after a retryable failure without Retry-After, at most 5 min.
 */
import { UserError } from '../errors.js';
import type { HopRecord } from '../hop.js';
import type { Model } from '../model.js';
import { DEFAULT_RETRY_POLICY, NO_RETRY, parseRetryPolicy, type RetryPolicy } from '../retry/index.js';
import { parseFallbackOn, type FallbackOn, type FallbackPolicy } from './fallback-on.js';
import type { CooldownOptions } from './health.js';

/** A move from a hop that did not win to the member tried next. */
export interface FallbackEvent {
  readonly from: HopRecord;
  readonly to: Model;
}

export interface FallbackModelOptions {
  readonly fallbackOn?: FallbackOn;
  /** Retries of a member that still has a next hop, before moving on. Default: none. */
  readonly memberRetry?: Partial<RetryPolicy> | false;
  /** Retries where no other hop is left. Default: `DEFAULT_RETRY_POLICY`; false: none. */
  readonly retry?: Partial<RetryPolicy> | false;
  /** Skip members that failed with a retryable error for a while; false turns it off. */
  readonly cooldown?: Partial<CooldownOptions> | false;
  /** Per-attempt deadline; when it passes, the hop fails with ModelTimeoutError and the chain moves on. */
  readonly hopTimeoutMs?: number;
  /** For streams: deadline for the first event (default: `hopTimeoutMs`). */
  readonly firstChunkTimeoutMs?: number;
  /** Start the next member when the current one has not answered after this long. */
  readonly hedgeAfterMs?: number;
  /** Every hop record of every request, as soon as the hop ends. */
  readonly onHop?: (record: HopRecord) => void;
  /** Every move to another member, with the real failing hop and the real next model. */
  readonly onFallback?: (event: FallbackEvent) => void;
  /** Epoch ms; inject a fake clock in tests. */
  readonly clock?: () => number;
  /** For retry jitter. */
  readonly random?: () => number;
}

export interface ResolvedFallbackOptions {
  readonly policy: FallbackPolicy;
  readonly memberRetry: RetryPolicy;
  readonly retry: RetryPolicy;
  readonly cooldown: CooldownOptions | false;
  readonly hopTimeoutMs: number | undefined;
  readonly firstChunkTimeoutMs: number | undefined;
  readonly hedgeAfterMs: number | undefined;
  readonly onHop: ((record: HopRecord) => void) | undefined;
  readonly onFallback: ((event: FallbackEvent) => void) | undefined;
  readonly clock: () => number;
  readonly random: () => number;
}

const DEFAULT_COOLDOWN: CooldownOptions = Object.freeze({ defaultMs: 10_000, maxMs: 300_000 });

function positive(name: string, value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) throw new UserError(`FallbackModel option ${name} must be a finite number > 0 (ms), got ${String(value)}`);
  return value;
}

function parseCooldown(input: Partial<CooldownOptions> | false | undefined): CooldownOptions | false {
  if (input === false) return false;
  const cooldown = { ...DEFAULT_COOLDOWN, ...(input ?? {}) };
  positive('cooldown.defaultMs', cooldown.defaultMs);
  positive('cooldown.maxMs', cooldown.maxMs);
  return cooldown;
}

function wrapRangeError<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw error instanceof RangeError ? new UserError(`FallbackModel: ${error.message}`, { cause: error }) : error;
  }
}

/**
 * Validates options and fills in defaults; bad values throw a UserError naming the option.
 * @example parseFallbackOptions({ hedgeAfterMs: 2_000 }).memberRetry.maxRetries === 0
 */
export function parseFallbackOptions(options: FallbackModelOptions = {}): ResolvedFallbackOptions {
  for (const name of ['onHop', 'onFallback', 'clock', 'random'] as const) {
    if (options[name] !== undefined && typeof options[name] !== 'function') throw new UserError(`FallbackModel option ${name} must be a function`);
  }
  return {
    policy: parseFallbackOn(options.fallbackOn),
    memberRetry: options.memberRetry === undefined ? NO_RETRY : wrapRangeError(() => parseRetryPolicy(options.memberRetry)),
    retry: options.retry === undefined ? DEFAULT_RETRY_POLICY : wrapRangeError(() => parseRetryPolicy(options.retry)),
    cooldown: parseCooldown(options.cooldown),
    hopTimeoutMs: positive('hopTimeoutMs', options.hopTimeoutMs),
    firstChunkTimeoutMs: positive('firstChunkTimeoutMs', options.firstChunkTimeoutMs),
    hedgeAfterMs: positive('hedgeAfterMs', options.hedgeAfterMs),
    onHop: options.onHop,
    onFallback: options.onFallback,
    clock: options.clock ?? (() => performance.timeOrigin + performance.now()),
    random: options.random ?? Math.random,
  };
}
