import { describe, expect, it } from 'vitest';
import {
  ContextWindowExceededError,
  createModelHTTPError,
  ModelAPIError,
  ModelAuthError,
  ModelHTTPError,
  ModelRateLimitError,
  ModelServerError,
  parseRetryAfterMs,
  UserError,
} from './errors.js';
import { matchesError, parseFallbackOn } from './fallback/fallback-on.js';

const who = { modelName: 'gpt-4o', provider: 'openai' };

describe('createModelHTTPError', () => {
  it.each([
    [401, ModelAuthError, 'auth', false, true],
    [403, ModelAuthError, 'auth', false, true],
    [429, ModelRateLimitError, 'rate_limit', true, false],
    [500, ModelServerError, 'server', true, false],
    [529, ModelServerError, 'overloaded', true, false],
    [400, ModelHTTPError, 'bad_request', false, false],
  ] as const)('maps %i to a typed error', (statusCode, cls, category, retryable, auth) => {
    const error = createModelHTTPError({ statusCode, body: { error: 'x' }, ...who });
    expect(error).toBeInstanceOf(cls);
    expect(error).toBeInstanceOf(ModelHTTPError);
    expect(error).toBeInstanceOf(ModelAPIError);
    expect(error).not.toBeInstanceOf(UserError);
    expect(error.category).toBe(category);
    expect(error.isRetryable).toBe(retryable);
    expect(error.isAuthError).toBe(auth);
    expect(error.statusCode).toBe(statusCode);
    expect(error.name).toBe(cls.errorName);
  });

  it('recognises a context-window 400 from its body', () => {
    const error = createModelHTTPError({ statusCode: 400, body: { error: { code: 'context_length_exceeded' } }, ...who });
    expect(error).toBeInstanceOf(ContextWindowExceededError);
    expect(error.isRetryable).toBe(false);
  });

  it('reads retry-after into retryAfterMs', () => {
    const error = createModelHTTPError({ statusCode: 429, headers: new Headers({ 'retry-after': '60' }), ...who });
    expect(error.retryAfterMs).toBe(60_000);
  });
});

describe('parseRetryAfterMs', () => {
  it('prefers retry-after-ms, reads seconds and HTTP dates, ignores garbage', () => {
    expect(parseRetryAfterMs({ 'retry-after-ms': '250', 'retry-after': '9' })).toBe(250);
    expect(parseRetryAfterMs({ 'retry-after': '1.5' })).toBe(1500);
    expect(parseRetryAfterMs({ 'retry-after': 'Thu, 01 Jan 2026 00:00:10 GMT' }, Date.parse('Thu, 01 Jan 2026 00:00:00 GMT'))).toBe(10_000);
    expect(parseRetryAfterMs({ 'retry-after': 'soon' })).toBeUndefined();
    expect(parseRetryAfterMs(undefined)).toBeUndefined();
  });
});

describe('instanceof across package copies', () => {
  it('recognises an error built by another copy through its Symbol.for marker', () => {
    const foreign = new Error('copy') as Error & Record<symbol, unknown>;
    Object.defineProperty(foreign, Symbol.for('hopscope.error.markers'), { value: new Set(['HopscopeError', 'ModelAPIError', 'ModelHTTPError']) });
    expect(foreign).toBeInstanceOf(ModelHTTPError);
    expect(foreign).toBeInstanceOf(ModelAPIError);
    expect(foreign).not.toBeInstanceOf(ModelRateLimitError);
  });
});

describe('a caller\'s own subclass of a Hopscope error', () => {
  class QuotaError extends ModelRateLimitError {}

  it('matches its own instances only, not every error of its parent class', () => {
    const plain = createModelHTTPError({ statusCode: 429, modelName: 'gpt-4o', provider: 'openai', body: { error: { message: 'slow down' } } });
    const quota = new QuotaError('quota', { statusCode: 429, modelName: 'gpt-4o', provider: 'openai' });
    expect(plain).toBeInstanceOf(ModelRateLimitError);
    expect(plain).not.toBeInstanceOf(QuotaError);
    expect(quota).toBeInstanceOf(QuotaError);
    expect(quota).toBeInstanceOf(ModelRateLimitError);
    expect(quota).toBeInstanceOf(ModelAPIError);
    expect(quota.name).toBe('QuotaError');
    expect(plain.name).toBe('ModelRateLimitError');
  });

  it('is what a fallback policy given that class matches', async () => {
    const policy = parseFallbackOn([QuotaError]);
    const plain = createModelHTTPError({ statusCode: 429, modelName: 'gpt-4o', provider: 'openai', body: null });
    expect(await matchesError(policy, plain)).toBe(false);
    expect(await matchesError(policy, new QuotaError('quota', { statusCode: 429, modelName: 'gpt-4o', provider: 'openai' }))).toBe(true);
  });
});
