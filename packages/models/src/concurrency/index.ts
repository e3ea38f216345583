// Concurrency limits for models.
export type { ConcurrencyLimitErrorOptions } from './errors.js';
export { ConcurrencyLimitError, ConcurrencyLimitExceededError, ConcurrencyQueueTimeoutError } from './errors.js';
export type { ConcurrencyLimitOptions } from './options.js';
export { parseConcurrencyLimit } from './options.js';
export type { SlotRequest } from './limiter.js';
export { ConcurrencyLimiter } from './limiter.js';
export { ConcurrencyLimitedModel, limitModelConcurrency } from './limited-model.js';
