/**
 * One member's turn in a chain: its attempts (more than one only when a retry policy applies),
 * each raced against the caller's signal, the chain's abort (hedge lost) and its deadline, each
 * ending in a hop record. The member's health is updated from every outcome.
 */
import { ModelTimeoutError } from '../errors.js';
import type { Model } from '../model.js';
import { computeRetryDelayMs, sleep } from '../retry/index.js';
import { raceAbort, startDeadline } from './deadline.js';
import { FallbackResponseRejectedError } from './errors.js';
import { matchesError, matchesResponse } from './fallback-on.js';
import type { HealthTracker } from './health.js';
import type { HopKind, HopRecordFields } from './hop-record.js';
import type { HopRecord } from '../hop.js';
import type { ResolvedFallbackOptions } from './options.js';

/** ok: answered and accepted; failed: fall back; fatal: propagate as is; aborted: by the caller; lost: by the chain. */
export type MemberOutcome<T> =
  | { readonly kind: 'ok'; readonly value: T; readonly startTime: number }
  | { readonly kind: 'failed' | 'fatal' | 'aborted'; readonly error: unknown }
  | { readonly kind: 'lost' };

/** What one request through a chain is made of, shared by the chain and its member runs. */
export interface ChainContext<T> {
  readonly fallback: Model;
  readonly models: readonly Model[];
  readonly kind: HopKind<T>;
  readonly health: HealthTracker;
  readonly options: ResolvedFallbackOptions;
  /** The caller's signal. */
  readonly signal: AbortSignal | undefined;
  /**
   * The request's own hop listener, passed on to every member: a member that is a FallbackModel
   * itself reports its hops to it too (`record.fallback` says which chain a record belongs to).
   */
  readonly onHop?: ((record: HopRecord) => void) | undefined;
}

/** What a member run needs from its chain. */
export interface MemberRunHost<T> {
  readonly context: ChainContext<T>;
  emit(fields: HopRecordFields): void;
  /** Whether another member will be tried (or is running) after this one. */
  hasLaterHop(index: number): boolean;
  /** The member the chain moves to if this one fails now, if it moves at once. */
  nextModelAfter(index: number): Model | undefined;
}

export interface MemberTurn {
  readonly index: number;
  readonly hedged: boolean;
  /** This turn is the half-open probe of a member that was cooling down. */
  readonly probe: boolean;
  /** Aborted by the chain when another hop won or the chain stopped. */
  readonly signal: AbortSignal;
}

function timeoutError(model: Model, ms: number, stream: boolean): ModelTimeoutError {
  const which = stream ? 'first-chunk' : 'per-hop';
  return new ModelTimeoutError(`${model.modelName} did not answer within ${ms} ms (${which} deadline)`, { modelName: model.modelName, provider: model.system, timeoutMs: ms });
}

async function attempt<T>(context: ChainContext<T>, turn: MemberTurn): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  const model = context.models[turn.index]!;
  const deadline = new AbortController();
  const ms = context.kind.timeoutMs;
  const signal = combineSignals([ms !== undefined ? deadline.signal : undefined, context.options.hedgeAfterMs !== undefined ? turn.signal : undefined, context.signal]);
  const cancel = startDeadline(deadline, ms, () => timeoutError(model, ms ?? 0, context.kind.stream));
  try {
    const hop = { index: turn.index, count: context.models.length, fallback: context.fallback };
    const call = context.kind.start(model, { ...(signal ? { signal } : {}), hop, ...(context.onHop ? { onHop: context.onHop } : {}) });
    const value = signal ? await raceAbort(call, signal, (late) => context.kind.discard(late)) : await call;
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error };
  } finally {
    cancel();
  }
}

/**
 * One signal for the sources that can fire: the deadline only when there is one, the chain's own
 * abort only when hedging can leave members running. The common case (no deadline, no hedging,
 * no caller signal) passes no signal at all, which keeps the SDK call on its cheapest path.
 */
function combineSignals(sources: readonly (AbortSignal | undefined)[]): AbortSignal | undefined {
  const present = sources.filter((s): s is AbortSignal => s !== undefined);
  return present.length <= 1 ? present[0] : AbortSignal.any(present);
}

function waitSignal(context: ChainContext<unknown>, turn: MemberTurn): AbortSignal {
  return context.signal ? AbortSignal.any([context.signal, turn.signal]) : turn.signal;
}

/**
 * Runs a member's turn to an outcome, emitting a record for every attempt that did not succeed
 * (the chain records the successful one, which may be the winner).
 * @example const outcome = await runMember(chain, { index: 0, hedged: false, probe: false, signal })
 */
export async function runMember<T>(host: MemberRunHost<T>, turn: MemberTurn): Promise<MemberOutcome<T>> {
  const { index, hedged } = turn;
  const { context } = host;
  const { health, options } = context;
  for (let attemptNumber = 1; ; attemptNumber++) {
    const startTime = options.clock();
    const result = await attempt(context, turn);
    const endTime = options.clock();
    if (result.ok) return judgeAnswer(host, turn, result.value, startTime, endTime);
    const { error } = result;
    if (context.signal?.aborted || turn.signal.aborted) {
      if (turn.probe) health.releaseProbe(index);
      const reason = context.signal?.aborted ? context.signal.reason : turn.signal.reason;
      host.emit({ index, startTime, endTime, outcome: 'error', error: reason, hedged });
      return context.signal?.aborted ? { kind: 'aborted', error: reason } : { kind: 'lost' };
    }
    health.recordFailure(index, error, endTime);
    let fallsBack: boolean;
    try {
      fallsBack = await matchesError(options.policy, error);
    } catch (predicateError) {
      host.emit({ index, startTime, endTime, outcome: 'error', error, hedged });
      return { kind: 'fatal', error: predicateError };
    }
    const policy = host.hasLaterHop(index) ? options.memberRetry : options.retry;
    const delayMs = computeRetryDelayMs(error, attemptNumber, policy, options.random);
    if (delayMs !== undefined) {
      host.emit({ index, startTime, endTime, outcome: 'error', error, nextModel: context.models[index]!, hedged });
      try {
        await sleep(delayMs, waitSignal(context, turn));
      } catch (reason) {
        return context.signal?.aborted ? { kind: 'aborted', error: reason } : { kind: 'lost' };
      }
      continue;
    }
    const nextModel = fallsBack ? host.nextModelAfter(index) : undefined;
    host.emit({ index, startTime, endTime, outcome: 'error', error, hedged, ...(nextModel ? { nextModel } : {}) });
    return fallsBack ? { kind: 'failed', error } : { kind: 'fatal', error };
  }
}

async function judgeAnswer<T>(host: MemberRunHost<T>, turn: MemberTurn, value: T, startTime: number, endTime: number): Promise<MemberOutcome<T>> {
  const { index, hedged } = turn;
  const { health, kind, options, models } = host.context;
  health.recordSuccess(index);
  const response = kind.checkable(value);
  if (!response || options.policy.responseChecks.length === 0) return { kind: 'ok', value, startTime };
  let rejected: boolean;
  try {
    rejected = await matchesResponse(options.policy, response);
  } catch (predicateError) {
    host.emit({ index, startTime, endTime, outcome: 'error', error: predicateError, response, usage: response.usage, hedged });
    return { kind: 'fatal', error: predicateError };
  }
  if (!rejected) return { kind: 'ok', value, startTime };
  const error = new FallbackResponseRejectedError(models[index]!.modelName, response);
  const nextModel = host.nextModelAfter(index);
  host.emit({ index, startTime, endTime: options.clock(), outcome: 'rejected', error, response, usage: response.usage, hedged, ...(nextModel ? { nextModel } : {}) });
  return { kind: 'failed', error };
}
