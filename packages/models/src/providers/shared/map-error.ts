/**
 * SDK errors -> Hopscope's typed errors. Both SDKs share one shape (APIError with `status`,
 * `headers`, `error`; APIConnectionError; APIConnectionTimeoutError; APIUserAbortError), so the
 * mapping is written once and each model passes its SDK's classes.
 */
import { createModelHTTPError, HopscopeError, ModelAPIError, ModelConnectionError, ModelTimeoutError } from '../../errors.js';

type ErrorClass = abstract new (...args: never[]) => Error;

/** The error classes of one SDK, and where its error body lives. */
export interface SdkErrorClasses {
  readonly APIError: ErrorClass;
  readonly APIConnectionError: ErrorClass;
  readonly APIConnectionTimeoutError: ErrorClass;
  readonly APIUserAbortError: ErrorClass;
  /** The provider's error body from an APIError (OpenAI keeps only the inner `error`). */
  readonly bodyOf: (error: { error?: unknown }) => unknown;
}

export interface ProviderErrorContext {
  readonly modelName: string;
  readonly provider: string;
  readonly timeoutMs?: number | undefined;
  readonly signal?: AbortSignal | undefined;
}

const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

function isNetworkFailure(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return true;
    if (e instanceof TypeError && /terminated|fetch failed|network|socket/i.test(e.message)) return true;
  }
  return false;
}

/**
 * The typed error for whatever a provider call threw. Aborts come back unchanged (the signal's
 * reason when the caller aborted); Hopscope errors pass through; a body that is not JSON becomes
 * a `ModelAPIError` with category `invalid_response`.
 * @example throw mapProviderError(error, { modelName: 'gpt-4o', provider: 'openai' }, openAIErrorClasses)
 */
export function mapProviderError(error: unknown, context: ProviderErrorContext, sdk: SdkErrorClasses): unknown {
  if (context.signal?.aborted) return context.signal.reason ?? error;
  if (error instanceof HopscopeError) return error;
  if (error instanceof Error && error.name === 'AbortError') return error;
  const base = { modelName: context.modelName, provider: context.provider, cause: error };
  if (error instanceof sdk.APIUserAbortError) return error;
  if (error instanceof sdk.APIConnectionTimeoutError) {
    const after = context.timeoutMs !== undefined ? ` after ${context.timeoutMs} ms` : '';
    return new ModelTimeoutError(`${context.provider} request for ${context.modelName} timed out${after}`, { ...base, timeoutMs: context.timeoutMs });
  }
  if (error instanceof sdk.APIConnectionError) return new ModelConnectionError(`${context.provider} connection failed for ${context.modelName}: ${error.message}`, base);
  if (error instanceof sdk.APIError) {
    const httpError = error as Error & { status?: unknown; headers?: Headers; error?: unknown };
    if (typeof httpError.status === 'number') {
      return createModelHTTPError({ statusCode: httpError.status, body: sdk.bodyOf(httpError), headers: httpError.headers, modelName: context.modelName, provider: context.provider, cause: error });
    }
    if (httpError.error !== undefined) {
      // An `error` event inside an SSE stream: the provider failed mid-answer.
      return new ModelAPIError(`${context.provider} reported an error mid-stream for ${context.modelName}: ${error.message}`, { ...base, body: httpError.error, category: 'server' });
    }
  }
  if (error instanceof SyntaxError) {
    return new ModelAPIError(`${context.provider} sent a response for ${context.modelName} that is not valid JSON: ${error.message}`, { ...base, category: 'invalid_response' });
  }
  if (isNetworkFailure(error)) return new ModelConnectionError(`${context.provider} connection broke for ${context.modelName}: ${(error as Error).message}`, base);
  const message = error instanceof Error ? error.message : String(error);
  return new ModelAPIError(`${context.provider} request for ${context.modelName} failed: ${message}`, { ...base, category: 'unknown' });
}
