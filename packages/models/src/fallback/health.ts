/**
 * Cooldown and circuit breaker, shared by every request on one FallbackModel. A member that
 * fails with a retryable provider error (429, 5xx, 529, timeout, dropped connection) is skipped until its
 * `Retry-After` (or the configured cooldown) has passed; then exactly one request probes it
 * (half-open) while concurrent requests keep skipping it; the probe's outcome closes the circuit
 * or starts a new cooldown. Time comes from the caller, so tests drive it with a fake clock.
 */
import { ConcurrencyLimitError } from '../concurrency/errors.js';
import { ModelAPIError, ModelHTTPError } from '../errors.js';

export type MemberState = 'healthy' | 'cooling' | 'probing';
/** try: call it; probe: call it as the half-open probe; skip: cooling down (or being probed). */
export type AdmitDecision = 'try' | 'probe' | 'skip';

export interface CooldownOptions {
  /** Cooldown after a retryable failure without Retry-After. */
  readonly defaultMs: number;
  /** Upper bound, also for long Retry-After values. */
  readonly maxMs: number;
}

/** One member's health, as `FallbackModel.health()` reports it. */
export interface MemberHealth {
  readonly index: number;
  readonly modelName: string;
  readonly state: MemberState;
  /** Epoch ms when the cooldown ends (cooling and probing). */
  readonly cooldownUntil: number | undefined;
  readonly consecutiveFailures: number;
  readonly lastError: unknown;
}

/**
 * How long a failure takes a member out of rotation: undefined when it should not (not a
 * retryable model error), else its Retry-After or the default, capped at `maxMs`.
 * @example computeCooldownMs(rateLimitWithRetryAfter60, { defaultMs: 10_000, maxMs: 300_000 }) === 60_000
 */
export function computeCooldownMs(error: unknown, options: CooldownOptions): number | undefined {
  if (!(error instanceof ModelAPIError) || !error.isRetryable) return undefined;
  // A full local queue says nothing about the provider's health.
  if (error instanceof ConcurrencyLimitError) return undefined;
  const retryAfter = error instanceof ModelHTTPError ? error.retryAfterMs : undefined;
  return Math.min(options.maxMs, retryAfter ?? options.defaultMs);
}

interface Slot {
  state: MemberState;
  until: number | undefined;
  failures: number;
  lastError: unknown;
}

/** The mutable health of a chain's members. With `cooldown: false` every member is always tried. */
export class HealthTracker {
  private readonly slots: Slot[];

  constructor(
    size: number,
    private readonly cooldown: CooldownOptions | false,
  ) {
    this.slots = Array.from({ length: size }, () => ({ state: 'healthy', until: undefined, failures: 0, lastError: undefined }));
  }

  /** What `admit` would decide, without claiming the probe. */
  peek(index: number, now: number): AdmitDecision {
    const slot = this.slots[index]!;
    if (this.cooldown === false || slot.state === 'healthy') return 'try';
    if (slot.state === 'probing') return 'skip';
    return now >= (slot.until ?? 0) ? 'probe' : 'skip';
  }

  /** Decides and, for a probe, claims it so concurrent requests skip the member. */
  admit(index: number, now: number): AdmitDecision {
    const decision = this.peek(index, now);
    if (decision === 'probe') this.slots[index]!.state = 'probing';
    return decision;
  }

  /** Of the given members, the one whose cooldown ends first. */
  earliest(indices: readonly number[]): number | undefined {
    let best: number | undefined;
    for (const i of indices) if (best === undefined || (this.slots[i]!.until ?? 0) < (this.slots[best]!.until ?? 0)) best = i;
    return best;
  }

  /** The member answered (even if a response check then rejected the answer). */
  recordSuccess(index: number): void {
    Object.assign(this.slots[index]!, { state: 'healthy', until: undefined, failures: 0 });
  }

  /** The member failed: a retryable failure starts a cooldown; any other answer proves it is up. */
  recordFailure(index: number, error: unknown, now: number): void {
    if (this.cooldown === false) return;
    const slot = this.slots[index]!;
    const ms = computeCooldownMs(error, this.cooldown);
    if (ms === undefined) {
      if (slot.state === 'probing') this.recordSuccess(index);
      return;
    }
    Object.assign(slot, { state: 'cooling', until: now + ms, failures: slot.failures + 1, lastError: error });
  }

  /** A probe ended without a verdict (aborted): the next request may probe again. */
  releaseProbe(index: number): void {
    const slot = this.slots[index]!;
    if (slot.state === 'probing') slot.state = 'cooling';
  }

  snapshot(modelNames: readonly string[]): MemberHealth[] {
    return this.slots.map((slot, index) => ({
      index,
      modelName: modelNames[index] ?? '',
      state: slot.state,
      cooldownUntil: slot.until,
      consecutiveFailures: slot.failures,
      lastError: slot.lastError,
    }));
  }
}
