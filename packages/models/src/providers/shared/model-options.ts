import type { RetryPolicy } from '../../retry/index.js';
import type { ModelSettings } from '../../settings.js';

/**
 * What every provider model's constructor takes besides the model name.
 * @example new OpenAIChatModel('gpt-4o', { apiKey: 'sk-...', settings: { temperature: 0 }, retry: false })
 */
export interface ProviderModelOptions<Client> {
  /** The API base URL (ignored when `client` is given: the client's own URL is used). */
  readonly baseUrl?: string;
  readonly apiKey?: string;
  /** A pre-built SDK client; it keeps its own settings (retries included). */
  readonly client?: Client;
  /** Default settings merged under every request's settings. */
  readonly settings?: ModelSettings;
  /** The provider name reported as `system` (OpenAI-compatible providers report their own). */
  readonly system?: string;
  /** Hopscope's retry policy for requests outside a fallback chain; `false` disables retries. */
  readonly retry?: Partial<RetryPolicy> | false;
}
