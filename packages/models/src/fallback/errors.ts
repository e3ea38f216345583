/**
 * The typed errors of a fallback chain. Callers branch on fields (`hops`, `rejectedLast`, `hop`),
 * never on messages. All are `HopscopeError`s: `FallbackExceptionGroup` must extend
 * `AggregateError`, so it carries the shared `Symbol.for` marker that `HopscopeError`'s
 * `instanceof` reads instead of inheriting it.
 */
import { HopscopeError } from '../errors.js';
import type { ModelResponse } from '../messages.js';
import type { HopRecord } from '../hop.js';

const MARKERS = Symbol.for('hopscope.error.markers');

function hasMarker(value: unknown, name: string): boolean {
  const markers = typeof value === 'object' && value !== null ? (value as { [MARKERS]?: ReadonlySet<string> })[MARKERS] : undefined;
  return markers?.has(name) ?? false;
}

/**
 * Every member failed (or the last answer was rejected by a response check). `errors` holds each
 * hop's error in hop order; `hops` holds every hop record, skipped ones included.
 * @example
 * try { await model.request(messages) } catch (e) { if (e instanceof FallbackExceptionGroup && e.rejectedLast) useAnyway(e.lastResponse) }
 */
export class FallbackExceptionGroup extends AggregateError {
  static readonly errorName: string = 'FallbackExceptionGroup';
  readonly hops: readonly HopRecord[];
  /** True when the last member answered but a response check rejected the answer. */
  readonly rejectedLast: boolean;
  /** The rejected answer of the last member, when `rejectedLast`. */
  readonly lastResponse: ModelResponse | undefined;

  constructor(errors: readonly unknown[], hops: readonly HopRecord[]) {
    const last = hops.filter((h) => h.outcome !== 'skipped').at(-1);
    const rejectedLast = last?.outcome === 'rejected';
    const detail = rejectedLast
      ? `the last model (${last.modelName}) answered but a response check rejected the answer`
      : `${errors.length} sub-exception${errors.length === 1 ? '' : 's'}`;
    super(errors, `All models from FallbackModel failed (${detail})`);
    Object.defineProperty(this, MARKERS, { value: new Set([FallbackExceptionGroup.errorName, HopscopeError.errorName]), enumerable: false });
    this.name = FallbackExceptionGroup.errorName;
    this.hops = hops;
    this.rejectedLast = rejectedLast;
    this.lastResponse = rejectedLast ? last.response : undefined;
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasMarker(value, this.errorName);
  }
}

/** The error recorded for a hop whose answer a response check rejected. */
export class FallbackResponseRejectedError extends HopscopeError {
  static override readonly errorName: string = 'FallbackResponseRejectedError';
  readonly response: ModelResponse;
  readonly modelName: string;
  constructor(modelName: string, response: ModelResponse) {
    super(`A fallbackOn response check rejected the answer of ${modelName}`);
    this.modelName = modelName;
    this.response = response;
  }
}

/**
 * A stream failed after output had started. The FallbackModel never switches members silently
 * mid-stream, so the caller gets this, naming the hop that broke; `cause` is the member's error.
 * @example if (e instanceof FallbackStreamError) console.log(e.hop.modelName, e.hop.usage)
 */
export class FallbackStreamError extends HopscopeError {
  static override readonly errorName: string = 'FallbackStreamError';
  readonly hop: HopRecord;
  constructor(hop: HopRecord, cause: unknown) {
    super(`Stream from ${hop.modelName} (hop ${hop.index + 1} of ${hop.count}) failed after output had started: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.hop = hop;
  }
}

/** Why a hedged hop that lost the race was aborted (its record carries this error). */
export class HedgeLostError extends HopscopeError {
  static override readonly errorName: string = 'HedgeLostError';
  /** The index of the hop that won. */
  readonly winnerIndex: number;
  constructor(winnerIndex: number) {
    super(`Aborted: hop ${winnerIndex + 1} answered first`);
    this.winnerIndex = winnerIndex;
  }
}
