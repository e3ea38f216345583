import OpenAI from 'openai';
import { UserError } from '../../errors.js';
import type { SdkErrorClasses } from './map-error.js';
import type { ProviderModelOptions } from './model-options.js';

/** The openai SDK's error classes; its APIError keeps only the inner `error` object, so it is re-wrapped. */
export const OPENAI_ERROR_CLASSES: SdkErrorClasses = {
  APIError: OpenAI.APIError,
  APIConnectionError: OpenAI.APIConnectionError,
  APIConnectionTimeoutError: OpenAI.APIConnectionTimeoutError,
  APIUserAbortError: OpenAI.APIUserAbortError,
  bodyOf: (error) => (error.error === undefined ? undefined : { error: error.error }),
};

/**
 * An OpenAI client as Hopscope builds it: SDK retries off (Hopscope retries, and a fallback chain
 * must see a 429 at once). The key comes from the options or OPENAI_API_KEY.
 * @example createOpenAIClient({ apiKey: 'sk-test', baseUrl: 'http://127.0.0.1:8080/v1' })
 */
export function createOpenAIClient(options: Pick<ProviderModelOptions<OpenAI>, 'apiKey' | 'baseUrl'>): OpenAI {
  const apiKey = options.apiKey ?? process.env['OPENAI_API_KEY'];
  if (apiKey === undefined || apiKey === '') throw new UserError('No OpenAI API key: pass `apiKey` or set the OPENAI_API_KEY environment variable');
  return new OpenAI({ apiKey, maxRetries: 0, ...(options.baseUrl !== undefined ? { baseURL: options.baseUrl } : {}) });
}
