/**
 * One request through a fallback chain: members in order, skipping those cooling down, moving
 * on at once when one fails, and with `hedgeAfterMs` starting the next member while a slow one
 * is still running (first accepted answer wins; the others are aborted and still recorded).
 */
import type { HopRecord } from '../hop.js';
import type { Model } from '../model.js';
import { FallbackExceptionGroup, HedgeLostError } from './errors.js';
import { toHopRecord, type HopRecordFields } from './hop-record.js';
import { runMember, type ChainContext, type MemberOutcome, type MemberRunHost } from './member-run.js';

/** The accepted answer and where it came from. */
export interface ChainWinner<T> {
  readonly value: T;
  readonly index: number;
  readonly startTime: number;
  readonly hedged: boolean;
}

type Settled<T> = { readonly index: number; readonly hedged: boolean; readonly outcome: MemberOutcome<T> };

function callSafely<A>(callback: ((arg: A) => void) | undefined, arg: A): void {
  try {
    callback?.(arg);
  } catch {
    // A listener's bug must not break the model call.
  }
}

/** Runs one request through the chain. `records` fills as hops end. */
export class ChainRun<T> implements MemberRunHost<T> {
  readonly records: HopRecord[] = [];
  private readonly running = new Map<number, { readonly promise: Promise<Settled<T>>; readonly controller: AbortController }>();
  private cursor = 0;
  private forced: number | undefined;

  /** `onHop` is the current request's own listener. */
  constructor(
    readonly context: ChainContext<T>,
    private readonly onHop: ((record: HopRecord) => void) | undefined,
  ) {}

  /** Builds the record, keeps it, and delivers it to both listeners (and onFallback for a move). */
  emit(fields: HopRecordFields): HopRecord {
    // Each attempt at a member ends in one record; a skip is no attempt.
    let attempt = 1;
    for (const earlier of this.records) if (earlier.index === fields.index && earlier.outcome !== 'skipped') attempt += 1;
    const record = toHopRecord(this.context, fields.outcome === 'skipped' ? fields : { ...fields, attempt });
    this.records.push(record);
    callSafely(this.context.options.onHop, record);
    callSafely(this.onHop, record);
    if (record.outcome !== 'ok' && record.nextModel && record.nextModel !== record.model) callSafely(this.context.options.onFallback, { from: record, to: record.nextModel });
    return record;
  }

  hasLaterHop(index: number): boolean {
    return this.peekNext() !== undefined || [...this.running.keys()].some((i) => i !== index);
  }

  nextModelAfter(index: number): Model | undefined {
    if ([...this.running.keys()].some((i) => i !== index)) return undefined;
    const next = this.peekNext();
    return next === undefined ? undefined : this.context.models[next];
  }

  private peekNext(): number | undefined {
    const now = this.context.options.clock();
    for (let i = this.cursor; i < this.context.models.length; i++) if (i === this.forced || this.context.health.peek(i, now) !== 'skip') return i;
    return undefined;
  }

  /** Starts the next member that is not cooling down; records the skipped ones. */
  private launch(): boolean {
    while (this.cursor < this.context.models.length) {
      const index = this.cursor++;
      const now = this.context.options.clock();
      const decision = this.context.health.admit(index, now);
      if (decision === 'skip' && index !== this.forced) {
        const nextModel = this.nextModelAfter(index);
        this.emit({ index, startTime: now, endTime: now, outcome: 'skipped', hedged: false, ...(nextModel ? { nextModel } : {}) });
        continue;
      }
      const hedged = this.running.size > 0;
      const controller = new AbortController();
      const promise = runMember(this, { index, hedged, probe: decision === 'probe', signal: controller.signal }).then((outcome) => ({ index, hedged, outcome }));
      this.running.set(index, { promise, controller });
      return true;
    }
    return false;
  }

  /** Runs the chain to its winner, or throws the error that ends it. */
  async run(): Promise<ChainWinner<T>> {
    this.context.signal?.throwIfAborted();
    const now = this.context.options.clock();
    const all = this.context.models.map((_, i) => i);
    if (all.every((i) => this.context.health.peek(i, now) === 'skip')) this.forced = this.context.health.earliest(all);
    this.launch();
    let hedge = this.startHedgeTimer();
    try {
      while (this.running.size > 0) {
        const contenders: Promise<Settled<T> | 'hedge'>[] = [...this.running.values()].map((r) => r.promise);
        if (hedge) contenders.push(hedge.fired);
        const settled = await Promise.race(contenders);
        if (settled === 'hedge') {
          hedge = this.launch() ? this.startHedgeTimer() : undefined;
          continue;
        }
        this.running.delete(settled.index);
        const { outcome } = settled;
        switch (outcome.kind) {
          case 'ok':
            await this.stopOthers(new HedgeLostError(settled.index));
            return { value: outcome.value, index: settled.index, startTime: outcome.startTime, hedged: settled.hedged };
          case 'failed':
          case 'lost':
            if (this.running.size === 0 && this.launch()) {
              hedge?.cancel();
              hedge = this.startHedgeTimer();
            }
            break;
          case 'fatal':
          case 'aborted':
            await this.stopOthers(outcome.error);
            throw outcome.error;
          default: {
            const _exhaustive: never = outcome;
            throw new Error(`unreachable ${String(_exhaustive)}`);
          }
        }
      }
    } finally {
      hedge?.cancel();
    }
    const failures = this.records.filter((r) => r.outcome === 'error' || r.outcome === 'rejected').sort((a, b) => a.index - b.index);
    throw new FallbackExceptionGroup(
      failures.map((r) => r.error),
      this.records,
    );
  }

  private startHedgeTimer(): { fired: Promise<'hedge'>; cancel: () => void } | undefined {
    const ms = this.context.options.hedgeAfterMs;
    if (ms === undefined || this.peekNext() === undefined) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const fired = new Promise<'hedge'>((resolve) => {
      timer = setTimeout(() => resolve('hedge'), ms);
    });
    return { fired, cancel: () => clearTimeout(timer) };
  }

  /** Aborts every member still running and records those that answered anyway. */
  private async stopOthers(reason: unknown): Promise<void> {
    const others = [...this.running.values()];
    this.running.clear();
    for (const other of others) other.controller.abort(reason);
    for (const { index, hedged, outcome } of await Promise.all(others.map((o) => o.promise))) {
      if (outcome.kind !== 'ok') continue;
      this.context.kind.discard(outcome.value);
      const { response, usage } = this.context.kind.snapshot(outcome.value);
      this.emit({ index, startTime: outcome.startTime, endTime: this.context.options.clock(), outcome: 'ok', hedged, ...(response ? { response } : {}), ...(usage ? { usage } : {}) });
    }
  }
}
