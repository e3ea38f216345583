/**
 * Fallback hops as data. A FallbackModel tells each member which hop it is (`RequestOptions.hop`)
 * and reports every attempt as a `HopRecord` (`RequestOptions.onHop`), which instrumentation
 * turns into one span per hop without this package knowing about OpenTelemetry.
 */
import type { ModelResponse } from './messages.js';
import type { Model } from './model.js';
import type { RequestUsage } from './usage.js';

/** ok: accepted; error: threw; rejected: a response check said fall back; skipped: cooling down. */
export type HopOutcome = 'ok' | 'error' | 'rejected' | 'skipped';

/** Which hop a member request is, passed down by the FallbackModel. */
export interface HopInfo {
  readonly index: number;
  readonly count: number;
  /** The FallbackModel making the call. */
  readonly fallback: Model;
}

/** One attempt of a fallback chain. */
export interface HopRecord {
  readonly index: number;
  readonly count: number;
  readonly fallback: Model;
  /** The member tried at this hop. */
  readonly model: Model;
  readonly modelName: string;
  readonly provider: string;
  readonly baseUrl: string | undefined;
  /** Epoch milliseconds (with sub-ms precision where available). */
  readonly startTime: number;
  readonly durationMs: number;
  readonly outcome: HopOutcome;
  readonly error?: unknown;
  /** The member's response, for `ok` and `rejected` hops (partial for broken streams). */
  readonly response?: ModelResponse;
  /** Tokens the hop consumed, when known; a failed hop may still have consumed some. */
  readonly usage?: RequestUsage;
  /** The member that will be tried next, if the chain goes on. */
  readonly nextModel?: Model;
  /** True when this hop's response is the one returned to the caller. */
  readonly winner: boolean;
  /** True when the hop was started by hedging while an earlier hop was still running. */
  readonly hedged: boolean;
  /**
   * Which attempt at this member the record is, from 1: a member retried by the chain (the last
   * member's `retry`, or `memberRetry`) gives one record per attempt with the same `index`.
   */
  readonly attempt: number;
}
