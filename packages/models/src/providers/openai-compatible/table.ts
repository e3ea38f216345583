/**
 * The providers Hopscope reaches through an OpenAI-compatible Chat Completions endpoint: default
 * base URL, API-key environment variables and the `system` name each reports. Data only.
 */

/** One row of the table. @example const { baseUrl, apiKeyEnv } = OPENAI_COMPATIBLE_PROVIDERS.mistral; */
export interface OpenAICompatibleProvider {
  /** The `system` the model reports (OpenTelemetry's provider name). */
  readonly system: string;
  readonly baseUrl: string;
  /** An environment variable that overrides the base URL. */
  readonly baseUrlEnv?: string;
  /** Environment variables holding the API key, the first set one wins; the first is named in errors. */
  readonly apiKeyEnv: readonly string[];
  /** Sent when no key is found, for servers that need none (Ollama, a local LiteLLM proxy). */
  readonly placeholderKey?: string;
  /** Set for a deprecated prefix: the prefix to use instead. */
  readonly deprecatedFor?: string;
}

/**
 * Every OpenAI-compatible prefix `inferModel` accepts.
 * @example OPENAI_COMPATIBLE_PROVIDERS.groq.baseUrl === 'https://api.groq.com/openai/v1'
 */
export const OPENAI_COMPATIBLE_PROVIDERS: Readonly<Record<string, OpenAICompatibleProvider>> = Object.freeze({
  deepseek: { system: 'deepseek', baseUrl: 'https://api.deepseek.com', apiKeyEnv: ['DEEPSEEK_API_KEY'] },
  openrouter: { system: 'openrouter', baseUrl: 'https://openrouter.ai/api/v1', apiKeyEnv: ['OPENROUTER_API_KEY'] },
  xai: { system: 'xai', baseUrl: 'https://api.x.ai/v1', apiKeyEnv: ['XAI_API_KEY'] },
  grok: { system: 'xai', baseUrl: 'https://api.x.ai/v1', apiKeyEnv: ['XAI_API_KEY', 'GROK_API_KEY'], deprecatedFor: 'xai' },
  groq: { system: 'groq', baseUrl: 'https://api.groq.com/openai/v1', apiKeyEnv: ['GROQ_API_KEY'] },
  mistral: { system: 'mistral', baseUrl: 'https://api.mistral.ai/v1', apiKeyEnv: ['MISTRAL_API_KEY'] },
  cerebras: { system: 'cerebras', baseUrl: 'https://api.cerebras.ai/v1', apiKeyEnv: ['CEREBRAS_API_KEY'] },
  moonshotai: { system: 'moonshotai', baseUrl: 'https://api.moonshot.ai/v1', apiKeyEnv: ['MOONSHOTAI_API_KEY'] },
  fireworks: { system: 'fireworks', baseUrl: 'https://api.fireworks.ai/inference/v1', apiKeyEnv: ['FIREWORKS_API_KEY'] },
  together: { system: 'together', baseUrl: 'https://api.together.xyz/v1', apiKeyEnv: ['TOGETHER_API_KEY'] },
  heroku: { system: 'heroku', baseUrl: 'https://us.inference.heroku.com/v1', baseUrlEnv: 'HEROKU_INFERENCE_URL', apiKeyEnv: ['HEROKU_INFERENCE_KEY'] },
  huggingface: { system: 'huggingface', baseUrl: 'https://router.huggingface.co/v1', apiKeyEnv: ['HF_TOKEN'] },
  github: { system: 'github', baseUrl: 'https://models.github.ai/inference', apiKeyEnv: ['GITHUB_API_KEY'] },
  litellm: { system: 'litellm', baseUrl: 'http://localhost:4000/v1', baseUrlEnv: 'LITELLM_BASE_URL', apiKeyEnv: ['LITELLM_API_KEY'], placeholderKey: 'litellm-placeholder' },
  nebius: { system: 'nebius', baseUrl: 'https://api.studio.nebius.com/v1', apiKeyEnv: ['NEBIUS_API_KEY'] },
  ovhcloud: { system: 'ovhcloud', baseUrl: 'https://oai.endpoints.kepler.ai.cloud.ovh.net/v1', apiKeyEnv: ['OVHCLOUD_API_KEY'] },
  alibaba: { system: 'alibaba', baseUrl: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1', apiKeyEnv: ['ALIBABA_API_KEY', 'DASHSCOPE_API_KEY'] },
  sambanova: { system: 'sambanova', baseUrl: 'https://api.sambanova.ai/v1', apiKeyEnv: ['SAMBANOVA_API_KEY'] },
  vercel: { system: 'vercel', baseUrl: 'https://ai-gateway.vercel.sh/v1', apiKeyEnv: ['VERCEL_AI_GATEWAY_API_KEY', 'VERCEL_OIDC_TOKEN'] },
  ollama: { system: 'ollama', baseUrl: 'http://localhost:11434/v1', baseUrlEnv: 'OLLAMA_BASE_URL', apiKeyEnv: ['OLLAMA_API_KEY'], placeholderKey: 'ollama' },
  'google-gla': { system: 'google-gla', baseUrl: 'https://generativelanguage.googleapis.com/v1beta/openai', apiKeyEnv: ['GEMINI_API_KEY', 'GOOGLE_API_KEY'] },
});

/**
 * Prefixes that need a client Hopscope does not ship, with what is missing. They fail loudly
 * instead of reaching a wrong endpoint.
 * @example UNSUPPORTED_PREFIXES.bedrock // 'AWS Bedrock needs SigV4-signed requests ...'
 */
export const UNSUPPORTED_PREFIXES: Readonly<Record<string, string>> = Object.freeze({
  bedrock: 'AWS Bedrock needs SigV4-signed requests and the Bedrock Converse API client',
  'google-vertex': 'Vertex AI needs Google Cloud credentials (ADC / service account) and the google-genai client',
  vertexai: 'Vertex AI needs Google Cloud credentials (ADC / service account) and the google-genai client',
  cohere: "Cohere's native API needs the Cohere client",
  outlines: 'Outlines runs models locally (Transformers, vLLM...) inside a Python process',
  'sentence-transformers': 'sentence-transformers is an embeddings-only, local Python provider',
  voyageai: 'Voyage AI is an embeddings-only provider',
});
