/** Running one provider call: SDK request options, error mapping, and Hopscope's own retries. */
import type { RequestOptions } from '../../model.js';
import { runWithRetry, type RetryPolicy } from '../../retry/index.js';
import type { ModelSettings } from '../../settings.js';

/** Per-request SDK options both SDKs understand. */
export interface SdkRequestOptions {
  signal?: AbortSignal;
  timeout?: number;
  headers?: Record<string, string>;
}

/**
 * The SDK request options for a call: the abort signal, `settings.timeout` (ms) and `extraHeaders`.
 * @example computeSdkRequestOptions({ timeout: 5000, extraHeaders: { 'x-a': '1' } }, signal)
 */
export function computeSdkRequestOptions(settings: ModelSettings | undefined, signal: AbortSignal | undefined): SdkRequestOptions {
  const out: SdkRequestOptions = {};
  if (signal) out.signal = signal;
  if (settings?.timeout !== undefined) out.timeout = settings.timeout;
  if (settings?.extraHeaders) out.headers = { ...settings.extraHeaders };
  return out;
}

/**
 * Runs `call`, mapping what it throws; retries by `policy` unless the request is a hop of a
 * fallback chain (`options.hop` set), where the FallbackModel decides what happens next.
 * @example await runProviderCall(() => client.chat.completions.create(body), { policy, options, mapError })
 */
export function runProviderCall<T>(call: () => Promise<T>, context: { policy: RetryPolicy; options: RequestOptions; mapError: (error: unknown) => unknown }): Promise<T> {
  const once = async (): Promise<T> => {
    try {
      return await call();
    } catch (error) {
      throw context.mapError(error);
    }
  };
  if (context.options.hop !== undefined) return once();
  return runWithRetry(once, context.policy, context.options.signal ? { signal: context.options.signal } : {});
}
