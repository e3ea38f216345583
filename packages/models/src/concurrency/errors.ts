/**
 * Typed errors of a concurrency limit. They are `ModelAPIError`s (category `rate_limit`: a
 * local limit on requests), so a FallbackModel's default `fallbackOn` moves to the next member
 * when one member's queue is full; its cooldown ignores them, since a full local queue says
 * nothing about the provider's health.
 */
import { ModelAPIError } from '../errors.js';

export interface ConcurrencyLimitErrorOptions {
  readonly modelName: string;
  readonly provider: string;
  /** `model:<model name>` */
  readonly source: string;
  readonly limiterName: string | undefined;
  readonly maxRunning: number;
  readonly maxQueued: number | undefined;
}

/** Base of the concurrency errors: the limit a request ran into. */
export class ConcurrencyLimitError extends ModelAPIError {
  static override readonly errorName: string = 'ConcurrencyLimitError';
  readonly source: string;
  readonly limiterName: string | undefined;
  readonly maxRunning: number;
  readonly maxQueued: number | undefined;
  constructor(message: string, options: ConcurrencyLimitErrorOptions) {
    super(message, { modelName: options.modelName, provider: options.provider, category: 'rate_limit' });
    this.source = options.source;
    this.limiterName = options.limiterName;
    this.maxRunning = options.maxRunning;
    this.maxQueued = options.maxQueued;
  }
}

/**
 * Every slot is taken and the queue is full.
 * @example if (e instanceof ConcurrencyLimitExceededError) console.log(e.maxRunning, e.maxQueued)
 */
export class ConcurrencyLimitExceededError extends ConcurrencyLimitError {
  static override readonly errorName: string = 'ConcurrencyLimitExceededError';
  constructor(options: ConcurrencyLimitErrorOptions) {
    super(`Concurrency limit of ${options.limiterName ?? options.source} exceeded: ${options.maxRunning} running and ${options.maxQueued ?? 0} queued`, options);
  }
}

/**
 * The request waited in the queue longer than `queueTimeoutMs`.
 * @example if (e instanceof ConcurrencyQueueTimeoutError) console.log(e.queueTimeoutMs)
 */
export class ConcurrencyQueueTimeoutError extends ConcurrencyLimitError {
  static override readonly errorName: string = 'ConcurrencyQueueTimeoutError';
  readonly queueTimeoutMs: number;
  constructor(options: ConcurrencyLimitErrorOptions & { readonly queueTimeoutMs: number }) {
    super(`Waited ${options.queueTimeoutMs} ms for a slot of ${options.limiterName ?? options.source} without getting one`, options);
    this.queueTimeoutMs = options.queueTimeoutMs;
  }
}
