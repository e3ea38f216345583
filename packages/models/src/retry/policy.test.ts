import { describe, expect, it } from 'vitest';
import { createModelHTTPError, UserError } from '../errors.js';
import { computeRetryDelayMs, DEFAULT_RETRY_POLICY, parseRetryPolicy } from './policy.js';
import { runWithRetry } from './run-with-retry.js';

const who = { modelName: 'm', provider: 'p' };
const noJitter = { ...DEFAULT_RETRY_POLICY, jitter: 0 };

describe('computeRetryDelayMs', () => {
  it('backs off exponentially for retryable errors and stops after maxRetries', () => {
    const error = createModelHTTPError({ statusCode: 500, ...who });
    expect(computeRetryDelayMs(error, 1, noJitter)).toBe(500);
    expect(computeRetryDelayMs(error, 2, noJitter)).toBe(1000);
    expect(computeRetryDelayMs(error, 3, noJitter)).toBeUndefined();
  });

  it('honours Retry-After up to the cap and refuses longer waits', () => {
    const soon = createModelHTTPError({ statusCode: 429, headers: { 'retry-after': '2' }, ...who });
    const late = createModelHTTPError({ statusCode: 429, headers: { 'retry-after': '60' }, ...who });
    expect(computeRetryDelayMs(soon, 1, noJitter)).toBe(2000);
    expect(computeRetryDelayMs(late, 1, noJitter)).toBeUndefined();
  });

  it('never retries auth errors or non-API errors', () => {
    expect(computeRetryDelayMs(createModelHTTPError({ statusCode: 401, ...who }), 1, noJitter)).toBeUndefined();
    expect(computeRetryDelayMs(new UserError('x'), 1, noJitter)).toBeUndefined();
  });

  it('rejects a nonsensical policy with a message naming the field', () => {
    expect(() => parseRetryPolicy({ maxRetries: -1 })).toThrow(/maxRetries/);
    expect(parseRetryPolicy(false).maxRetries).toBe(0);
  });
});

describe('runWithRetry', () => {
  it('retries a 500 then returns the success', async () => {
    let calls = 0;
    const result = await runWithRetry(async () => {
      calls++;
      if (calls < 2) throw createModelHTTPError({ statusCode: 500, ...who });
      return 'ok';
    }, { ...noJitter, initialDelayMs: 1 });
    expect(result).toBe('ok');
    expect(calls).toBe(2);
  });

  it('stops waiting when aborted', async () => {
    const controller = new AbortController();
    const pending = runWithRetry(async () => {
      throw createModelHTTPError({ statusCode: 503, ...who });
    }, { ...noJitter, initialDelayMs: 60_000 }, { signal: controller.signal, onRetry: () => controller.abort(new Error('stop')) });
    await expect(pending).rejects.toThrow('stop');
  });
});
