/** The options of a concurrency limit, validated (pure). */
import { UserError } from '../errors.js';

export interface ConcurrencyLimitOptions {
  /** Requests in flight at most (streams count until fully read, abandoned or aborted). */
  readonly maxRunning: number;
  /** Requests allowed to wait; more fail at once with ConcurrencyLimitExceededError. Default: unbounded. */
  readonly maxQueued?: number;
  /** How long a request may wait; then ConcurrencyQueueTimeoutError. Default: no limit. */
  readonly queueTimeoutMs?: number;
  /** Shown in errors and in the waiting span. */
  readonly name?: string;
}

function integer(name: string, value: unknown, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) throw new UserError(`Concurrency limit ${name} must be an integer >= ${min}, got ${String(value)}`);
  return value;
}

/**
 * A number means `{ maxRunning: n }`. Bad values throw a UserError naming the option.
 * @example parseConcurrencyLimit(8).maxRunning === 8
 */
export function parseConcurrencyLimit(limit: number | ConcurrencyLimitOptions): ConcurrencyLimitOptions {
  const options = typeof limit === 'number' ? { maxRunning: limit } : limit;
  if (typeof options !== 'object' || options === null) throw new UserError(`A concurrency limit is a number or { maxRunning, maxQueued?, queueTimeoutMs?, name? }, got ${String(limit)}`);
  const { queueTimeoutMs, name } = options;
  if (queueTimeoutMs !== undefined && (typeof queueTimeoutMs !== 'number' || !Number.isFinite(queueTimeoutMs) || queueTimeoutMs <= 0)) {
    throw new UserError(`Concurrency limit queueTimeoutMs must be a finite number > 0, got ${String(queueTimeoutMs)}`);
  }
  if (name !== undefined && typeof name !== 'string') throw new UserError('Concurrency limit name must be a string');
  return {
    maxRunning: integer('maxRunning', options.maxRunning, 1),
    ...(options.maxQueued !== undefined ? { maxQueued: integer('maxQueued', options.maxQueued, 0) } : {}),
    ...(queueTimeoutMs !== undefined ? { queueTimeoutMs } : {}),
    ...(name !== undefined ? { name } : {}),
  };
}
