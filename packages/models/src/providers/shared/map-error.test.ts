import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { ModelAPIError, ModelAuthError, ModelConnectionError, ModelRateLimitError, ModelTimeoutError, UserError } from '../../errors.js';
import { mapProviderError } from './map-error.js';
import { OPENAI_ERROR_CLASSES } from './openai-client.js';

const context = { modelName: 'gpt-4o', provider: 'openai', timeoutMs: 5000 };

describe('mapProviderError', () => {
  it('maps SDK status errors with body and retry headers', () => {
    const sdkError = OpenAI.APIError.generate(429, { error: { message: 'slow down', type: 'requests', code: 'rate_limit_exceeded' } }, undefined, new Headers({ 'retry-after': '2' }));
    const error = mapProviderError(sdkError, context, OPENAI_ERROR_CLASSES);
    expect(error).toBeInstanceOf(ModelRateLimitError);
    expect(error).toMatchObject({ statusCode: 429, retryAfterMs: 2000, body: { error: { code: 'rate_limit_exceeded' } }, cause: sdkError });
  });

  it('maps timeouts, connection failures and broken sockets', () => {
    expect(mapProviderError(new OpenAI.APIConnectionTimeoutError(), context, OPENAI_ERROR_CLASSES)).toMatchObject({ constructor: ModelTimeoutError, timeoutMs: 5000 });
    expect(mapProviderError(new OpenAI.APIConnectionError({ message: 'refused' }), context, OPENAI_ERROR_CLASSES)).toBeInstanceOf(ModelConnectionError);
    const reset = new TypeError('terminated', { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) });
    expect(mapProviderError(reset, context, OPENAI_ERROR_CLASSES)).toBeInstanceOf(ModelConnectionError);
  });

  it('returns the signal reason when the caller aborted, and leaves Hopscope errors alone', () => {
    const controller = new AbortController();
    controller.abort();
    expect(mapProviderError(new OpenAI.APIUserAbortError(), { ...context, signal: controller.signal }, OPENAI_ERROR_CLASSES)).toBe(controller.signal.reason);
    const userError = new UserError('bad input');
    expect(mapProviderError(userError, context, OPENAI_ERROR_CLASSES)).toBe(userError);
  });

  it('maps an error event inside a stream, invalid JSON, and anything else with model and provider', () => {
    const streamError = new OpenAI.APIError(undefined, { message: 'server exploded', type: 'server_error' }, 'server exploded', undefined);
    expect(mapProviderError(streamError, context, OPENAI_ERROR_CLASSES)).toMatchObject({ category: 'server', body: { type: 'server_error' } });
    expect(mapProviderError(new SyntaxError('Unexpected token <'), context, OPENAI_ERROR_CLASSES)).toMatchObject({ category: 'invalid_response' });
    const other = mapProviderError(new RangeError('odd'), context, OPENAI_ERROR_CLASSES);
    expect(other).toBeInstanceOf(ModelAPIError);
    expect(other).toMatchObject({ category: 'unknown', modelName: 'gpt-4o', provider: 'openai' });
  });

  it('works the same with the Anthropic SDK classes, keeping the whole body', () => {
    const classes = { APIError: Anthropic.APIError, APIConnectionError: Anthropic.APIConnectionError, APIConnectionTimeoutError: Anthropic.APIConnectionTimeoutError, APIUserAbortError: Anthropic.APIUserAbortError, bodyOf: (e: { error?: unknown }) => e.error };
    const body = { type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } };
    const error = mapProviderError(Anthropic.APIError.generate(401, body, undefined, new Headers()), { modelName: 'claude', provider: 'anthropic' }, classes);
    expect(error).toBeInstanceOf(ModelAuthError);
    expect(error).toMatchObject({ body, isAuthError: true });
  });
});
