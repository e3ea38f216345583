/**
 * Building hop records (pure) and the kinds of hop a chain runs: a plain request, or a stream
 * that counts as answered once its first event arrived.
 */
import type { ModelResponse } from '../messages.js';
import type { HopOutcome, HopRecord } from '../hop.js';
import type { Model, RequestOptions } from '../model.js';
import type { RequestUsage } from '../usage.js';

export interface HopRecordFields {
  readonly index: number;
  readonly startTime: number;
  readonly endTime: number;
  readonly outcome: HopOutcome;
  readonly hedged: boolean;
  readonly error?: unknown;
  readonly response?: ModelResponse;
  readonly usage?: RequestUsage;
  readonly nextModel?: Model;
  readonly winner?: boolean;
  /** 1 unless the member was tried before in this request (see HopRecord.attempt). */
  readonly attempt?: number;
}

/**
 * A hop record for member `index` of a chain, with the member's identity filled in.
 * @example toHopRecord({ fallback, models }, { index: 0, startTime, endTime, outcome: 'skipped', hedged: false })
 */
export function toHopRecord(chain: { readonly fallback: Model; readonly models: readonly Model[] }, fields: HopRecordFields): HopRecord {
  const model = chain.models[fields.index]!;
  return {
    index: fields.index,
    count: chain.models.length,
    fallback: chain.fallback,
    model,
    modelName: model.modelName,
    provider: model.system,
    baseUrl: model.baseUrl,
    startTime: fields.startTime,
    durationMs: Math.max(0, fields.endTime - fields.startTime),
    outcome: fields.outcome,
    winner: fields.winner ?? false,
    hedged: fields.hedged,
    attempt: fields.attempt ?? 1,
    ...(fields.error !== undefined ? { error: fields.error } : {}),
    ...(fields.response !== undefined ? { response: fields.response } : {}),
    ...(fields.usage !== undefined ? { usage: fields.usage } : {}),
    ...(fields.nextModel !== undefined ? { nextModel: fields.nextModel } : {}),
  };
}

/** What differs between a chain of requests and a chain of streams. */
export interface HopKind<T> {
  readonly stream: boolean;
  /** Deadline of one attempt (for streams: until the first event). */
  readonly timeoutMs: number | undefined;
  /** Calls the member; resolves once it has answered (for streams: once the first event arrived). */
  start(model: Model, options: RequestOptions): Promise<T>;
  /** The response that response checks judge; undefined for streams, which cannot be taken back. */
  checkable(value: T): ModelResponse | undefined;
  /** The response and usage so far, for the hop record. */
  snapshot(value: T): { readonly response: ModelResponse | undefined; readonly usage: RequestUsage | undefined };
  /** Closes an answer nobody will use (a hedge loser, or one that came after its deadline). */
  discard(value: T): void;
}
