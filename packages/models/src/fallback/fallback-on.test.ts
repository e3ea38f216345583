import { describe, expect, it } from 'vitest';
import { ContentPolicyError, ModelAPIError, ModelAuthError, ModelRateLimitError, ModelServerError, UserError } from '../errors.js';
import type { ModelResponse } from '../messages.js';
import { isCategory, TRANSIENT_CATEGORIES } from './categories.js';
import { FallbackModel } from './fallback-model.js';
import { matchesError, matchesResponse, onError, onResponse, parseFallbackOn, type FallbackOn } from './fallback-on.js';
import { httpError, messages, ScriptedModel } from './test-support.js';

const rateLimit = httpError(429, 'a');
const auth = httpError(401, 'a');
const empty: ModelResponse = { kind: 'response', parts: [], usage: { inputTokens: 0, outputTokens: 0, cacheWriteTokens: 0, cacheReadTokens: 0, inputAudioTokens: 0, cacheAudioReadTokens: 0, outputAudioTokens: 0, details: {} }, timestamp: new Date(0) };
const isEmpty = (r: ModelResponse) => r.parts.length === 0;

describe('parseFallbackOn', () => {
  it.each<[string, FallbackOn, unknown, boolean]>([
    ['the default ModelAPIError', undefined as unknown as FallbackOn, auth, true],
    ['one error class', ModelRateLimitError, rateLimit, true],
    ['one error class, other error', ModelRateLimitError, auth, false],
    ['a list of classes', [ModelServerError, ModelAuthError], auth, true],
    ['a built-in error class', TypeError, new TypeError('x'), true],
    ['a sync predicate', (e: unknown) => e === auth, auth, true],
    ['an async predicate', async (e: unknown) => e === rateLimit, auth, false],
    ['onError(sync)', onError((e) => e instanceof ModelAuthError), auth, true],
    ['{ error: async }', { error: async (e: unknown) => e instanceof ModelRateLimitError }, rateLimit, true],
    ['isCategory', isCategory('auth'), auth, true],
  ])('error condition: %s', async (_name, fallbackOn, error, expected) => {
    expect(await matchesError(parseFallbackOn(fallbackOn), error)).toBe(expected);
  });

  it.each<[string, FallbackOn, boolean]>([
    ['onResponse(sync)', onResponse(isEmpty), true],
    ['onResponse(async)', onResponse(async (r) => r.parts.length > 0), false],
    ['{ response: sync }', { response: isEmpty }, true],
    ['{ response: async }', { response: async (r: ModelResponse) => isEmpty(r) }, true],
  ])('response condition: %s', async (_name, fallbackOn, expected) => {
    const policy = parseFallbackOn(fallbackOn);
    expect(policy.errorChecks).toHaveLength(0);
    expect(await matchesResponse(policy, empty)).toBe(expected);
  });

  it('treats a bare function as an error predicate, never a response check', () => {
    const policy = parseFallbackOn((r: unknown) => isEmpty(r as ModelResponse));
    expect(policy.errorChecks).toHaveLength(1);
    expect(policy.responseChecks).toHaveLength(0);
  });

  it('evaluates a mixed list in order and stops at the first true', async () => {
    const calls: string[] = [];
    const policy = parseFallbackOn([
      ModelServerError,
      (e) => (calls.push('sync'), e === rateLimit),
      async () => (calls.push('async'), true),
      onResponse(async (r) => (calls.push('response'), isEmpty(r))),
    ]);
    expect(await matchesError(policy, rateLimit)).toBe(true);
    expect(calls).toEqual(['sync']);
    expect(await matchesError(policy, auth)).toBe(true);
    expect(calls).toEqual(['sync', 'sync', 'async']);
    expect(await matchesResponse(policy, empty)).toBe(true);
    expect(calls.at(-1)).toBe('response');
  });

  it('refuses an empty condition, saying that all errors would propagate', () => {
    expect(() => parseFallbackOn([])).toThrow(UserError);
    expect(() => parseFallbackOn([])).toThrow(/all errors would propagate/);
    expect(() => new FallbackModel(new ScriptedModel('a'), new ScriptedModel('b'), { fallbackOn: [] })).toThrow(/all errors would propagate/);
  });

  it('refuses what is not a condition, naming the position and the valid forms', () => {
    expect(() => parseFallbackOn([ModelAPIError, '429' as never])).toThrow(/fallbackOn\[1\] must be an error class.*got string 429/);
    expect(() => parseFallbackOn({ response: isEmpty, error: isEmpty } as never)).toThrow(/keys \[response, error\]/);
    expect(() => onResponse('x' as never)).toThrow(UserError);
  });
});

describe('isCategory', () => {
  it('matches typed errors by category, never by message', async () => {
    const transient = parseFallbackOn(isCategory(...TRANSIENT_CATEGORIES));
    expect(await matchesError(transient, rateLimit)).toBe(true);
    expect(await matchesError(transient, auth)).toBe(false);
    expect(await matchesError(transient, new Error('429 401 rate limit'))).toBe(false);
    const policy = parseFallbackOn(isCategory('content_policy'));
    expect(await matchesError(policy, new ContentPolicyError('flagged', { statusCode: 400, modelName: 'a', provider: 'p', category: 'content_policy' }))).toBe(true);
  });

  it('refuses unknown categories with the list of valid ones', () => {
    expect(() => isCategory('401' as never)).toThrow(/Unknown error category '401'; valid categories: auth, rate_limit/);
    expect(() => isCategory()).toThrow(UserError);
  });
});

describe('fallbackOn in a chain', () => {
  it('falls back on auth errors by default, since the next member has another key', async () => {
    const b = new ScriptedModel('b');
    const response = await new FallbackModel(new ScriptedModel('a', [{ error: auth }]), b).request(messages);
    expect(response.modelName).toBe('b');
  });

  it('lets auth errors propagate when only transient categories are named', async () => {
    const model = new FallbackModel(new ScriptedModel('a', [{ error: auth }]), new ScriptedModel('b'), { fallbackOn: isCategory(...TRANSIENT_CATEGORIES) });
    await expect(model.request(messages)).rejects.toBe(auth);
  });

  it('propagates the error of a predicate that throws', async () => {
    const bug = new Error('predicate bug');
    const model = new FallbackModel(new ScriptedModel('a', [{ error: auth }]), new ScriptedModel('b'), {
      fallbackOn: () => {
        throw bug;
      },
    });
    await expect(model.request(messages)).rejects.toBe(bug);
  });
});
