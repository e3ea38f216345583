/** What the model-string resolution produces. */

/** The wire API a target speaks. @example const api: ModelApi = 'openai-responses'; */
export type ModelApi = 'openai-chat' | 'openai-responses' | 'anthropic';

/** Everything needed to build a model for a model string. @example resolveModelTarget('groq:llama', { env }).baseUrl */
export interface ModelTarget {
  readonly api: ModelApi;
  readonly modelName: string;
  readonly system: string;
  readonly baseUrl: string;
  readonly apiKey: string;
  /** Anthropic behind the Pydantic AI Gateway authenticates with a bearer token, not x-api-key. */
  readonly bearerAuth?: boolean;
  /** Azure OpenAI's `api-version` query parameter. */
  readonly azureApiVersion?: string;
  /** Set when the prefix is deprecated: what to use instead. */
  readonly deprecation?: string;
}

/** Where keys and URLs come from. @example resolveModelTarget('xai:grok-4', { env: process.env, apiKey: 'xai-...' }) */
export interface ResolveModelTargetOptions {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly baseUrl?: string | undefined;
  readonly apiKey?: string | undefined;
}
