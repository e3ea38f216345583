/**
 * FallbackModel: a chain of models tried in order. Compared with pydantic-ai's it moves on at
 * once on a 429/5xx (no SDK retries in between), skips members that are cooling down, can hedge,
 * has deadlines, records every hop, and charges the whole chain's usage to the request.
 */
import type { ModelMessage, ModelResponse } from '../messages.js';
import { isModel, ModelBase, type Model, type RequestOptions } from '../model.js';
import { modelRequestParameters, type ModelRequestParameters, type ModelSettings } from '../settings.js';
import type { StreamedResponse } from '../stream.js';
import { computeUsageSum } from '../usage.js';
import { computeChainUsage } from './chain-usage.js';
import { ChainRun } from './chain.js';
import { HealthTracker, type MemberHealth } from './health.js';
import type { HopKind } from './hop-record.js';
import { requestHopKind, streamHopKind } from './hop-kinds.js';
import { parseFallbackOptions, type FallbackModelOptions, type ResolvedFallbackOptions } from './options.js';
import { resolveMember } from './resolve-member.js';
import { streamFromWinner } from './stream-winner.js';

/** A chain member: a Model, or a `'provider:model'` string resolved with `inferModel`. */
export type FallbackMember = Model | string;

function isOptions(value: unknown): value is FallbackModelOptions {
  return typeof value === 'object' && value !== null && !isModel(value) && !Array.isArray(value);
}

/**
 * Tries its members in order until one answers acceptably.
 *
 * - Usage: the returned response's `usage` is the SUM over every hop that consumed tokens (see
 *   chain-usage.ts), so cost is never charged to the winner only; each hop's own usage, the
 *   winner's included, is in its `HopRecord`, delivered to `onHop` (constructor and request). A
 *   member that is a FallbackModel itself reports its own hops to the request's `onHop` as well;
 *   `record.fallback` tells which chain a record belongs to.
 * - Retries: a member with a next hop is left at once (unless `memberRetry` is set); only where no
 *   other hop is left does `retry` wait (Retry-After honoured up to its cap).
 * - Cooldown: when every member is cooling down, the request does not fail untried: it calls the
 *   member whose cooldown ends first (the others are recorded as skipped).
 * - Streams: a member counts as answered at its first event, so everything before it (errors,
 *   the first-chunk deadline, hedging) can still move on; response checks apply to `request`
 *   only, since streamed output cannot be taken back. The winner's hop record is delivered when
 *   its stream ends (read to the end, stopped early, or failed).
 * - Abort: the caller's signal aborts the hop in flight and the chain stops; it never falls back.
 * @example
 * const model = new FallbackModel('openai:gpt-4o', 'anthropic:claude-sonnet-4-6', { fallbackOn: [ModelAPIError, onResponse(isEmpty)] });
 * const response = await model.request(messages);
 */
export class FallbackModel extends ModelBase {
  readonly models: readonly Model[];
  readonly modelName: string;
  readonly system: string;
  private readonly resolved: ResolvedFallbackOptions;
  private readonly tracker: HealthTracker;

  constructor(defaultModel: FallbackMember, ...rest: FallbackMember[] | [...FallbackMember[], FallbackModelOptions]) {
    super();
    const args: unknown[] = [defaultModel, ...rest];
    const options = args.length > 1 && isOptions(args.at(-1)) ? (args.pop() as FallbackModelOptions) : {};
    this.models = Object.freeze(args.map((member, i) => resolveMember(member, i)));
    this.resolved = parseFallbackOptions(options);
    this.tracker = new HealthTracker(this.models.length, this.resolved.cooldown);
    this.modelName = `fallback:${this.models.map((m) => m.modelName).join(',')}`;
    this.system = `fallback:${this.models.map((m) => m.system).join(',')}`;
  }

  override get baseUrl(): string | undefined {
    return this.models[0]?.baseUrl;
  }

  /** A FallbackModel passes settings and parameters through; each member prepares its own. */
  override prepareRequest(settings: ModelSettings | undefined, parameters: ModelRequestParameters | undefined): [ModelSettings | undefined, ModelRequestParameters] {
    return [settings, parameters ?? modelRequestParameters()];
  }

  /**
   * Each member's state in the cooldown / circuit breaker, shared by all requests on this model.
   * @example model.health().filter((m) => m.state !== 'healthy')
   */
  health(): MemberHealth[] {
    return this.tracker.snapshot(this.models.map((m) => m.modelName));
  }

  private chain<T>(kind: HopKind<T>, options: RequestOptions): ChainRun<T> {
    return new ChainRun({ fallback: this, models: this.models, kind, health: this.tracker, options: this.resolved, signal: options.signal, onHop: options.onHop }, options.onHop);
  }

  protected async doRequest(messages: readonly ModelMessage[], settings: ModelSettings | undefined, parameters: ModelRequestParameters, options: RequestOptions): Promise<ModelResponse> {
    const run = this.chain(requestHopKind({ messages, settings, parameters, timeoutMs: this.resolved.hopTimeoutMs }), options);
    const winner = await run.run();
    const response = winner.value;
    run.emit({ index: winner.index, startTime: winner.startTime, endTime: this.resolved.clock(), outcome: 'ok', winner: true, hedged: winner.hedged, response, usage: response.usage });
    return { ...response, usage: computeChainUsage(run.records) };
  }

  protected async doRequestStream(messages: readonly ModelMessage[], settings: ModelSettings | undefined, parameters: ModelRequestParameters, options: RequestOptions): Promise<StreamedResponse> {
    const timeoutMs = this.resolved.firstChunkTimeoutMs ?? this.resolved.hopTimeoutMs;
    const run = this.chain(streamHopKind({ messages, settings, parameters, timeoutMs }), options);
    const winner = await run.run();
    const earlier = computeChainUsage(run.records);
    return streamFromWinner(run, winner, (usage) => computeUsageSum(earlier, usage));
  }
}
