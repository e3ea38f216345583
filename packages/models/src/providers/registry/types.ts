/** What the model-string resolution produces. */

/** The wire API a target speaks. */
export type ModelApi = 'openai-chat' | 'openai-responses' | 'anthropic';

/** Everything needed to build a model for a model string. */
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

export interface ResolveModelTargetOptions {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly baseUrl?: string | undefined;
  readonly apiKey?: string | undefined;
}
