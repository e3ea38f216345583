export type { RetryPolicy } from './policy.js';
export { computeRetryDelayMs, DEFAULT_RETRY_POLICY, NO_RETRY, parseRetryPolicy } from './policy.js';
export type { RetryAttemptInfo } from './run-with-retry.js';
export { runWithRetry, sleep } from './run-with-retry.js';
