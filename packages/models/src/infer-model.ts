/**
 * inferModel: a model from a 'provider:model' string (or a model, returned unchanged). The pure
 * resolution lives in providers/registry; this file only builds the SDK client and the model.
 */
import Anthropic from '@anthropic-ai/sdk';
import { AzureOpenAI } from 'openai';
import { applyModelWrapper } from './hooks.js';
import type { Model } from './model.js';
import { isModel } from './model.js';
import { ANTHROPIC_SDK_TELEMETRY, AnthropicModel } from './providers/anthropic/anthropic-model.js';
import { OpenAIChatModel } from './providers/openai-chat/openai-chat-model.js';
import { OpenAIResponsesModel } from './providers/openai-responses/openai-responses-model.js';
import { resolveModelTarget } from './providers/registry/resolve-model-target.js';
import type { ModelTarget } from './providers/registry/types.js';

/** Overrides for inferModel. @example inferModel('groq:llama-3.3-70b', { baseUrl: mock.baseUrl('openai'), apiKey: 'test' }) */
export interface InferModelOptions {
  /** Overrides the provider's default base URL (for gateway/*, the gateway's base URL). */
  readonly baseUrl?: string;
  /** Overrides the API key from the environment. */
  readonly apiKey?: string;
  /** Where environment variables are read (default `process.env`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

function buildModel(target: ModelTarget): Model {
  const common = { system: target.system };
  switch (target.api) {
    case 'openai-chat':
      if (target.azureApiVersion !== undefined) {
        const client = new AzureOpenAI({ baseURL: target.baseUrl, apiKey: target.apiKey, apiVersion: target.azureApiVersion, maxRetries: 0 });
        return new OpenAIChatModel(target.modelName, { ...common, client });
      }
      return new OpenAIChatModel(target.modelName, { ...common, baseUrl: target.baseUrl, apiKey: target.apiKey });
    case 'openai-responses':
      return new OpenAIResponsesModel(target.modelName, { ...common, baseUrl: target.baseUrl, apiKey: target.apiKey });
    case 'anthropic':
      if (target.bearerAuth) return new AnthropicModel(target.modelName, { ...common, client: new Anthropic({ authToken: target.apiKey, apiKey: null, baseURL: target.baseUrl, maxRetries: 0, openTelemetry: ANTHROPIC_SDK_TELEMETRY }) });
      return new AnthropicModel(target.modelName, { ...common, baseUrl: target.baseUrl, apiKey: target.apiKey });
    default: {
      const _exhaustive: never = target.api;
      throw new Error(`unknown api ${String(_exhaustive)}`);
    }
  }
}

/**
 * A model for `provider:model` (every prefix of pydantic-ai's table that speaks OpenAI Chat,
 * OpenAI Responses or Anthropic Messages, and `gateway/<upstream>:model`), wrapped by the
 * installed model wrapper. A model instance is returned unchanged.
 * @example
 * const model = inferModel('anthropic:claude-sonnet-4-6');
 * const local = inferModel('ollama:llama3.2', { baseUrl: 'http://127.0.0.1:11434/v1' });
 */
export function inferModel(model: Model | string, options: InferModelOptions = {}): Model {
  if (typeof model !== 'string') {
    if (isModel(model)) return model;
    throw new TypeError(`inferModel expects a model or a "provider:model" string, got ${typeof model}`);
  }
  const target = resolveModelTarget(model, { env: options.env ?? process.env, baseUrl: options.baseUrl, apiKey: options.apiKey });
  if (target.deprecation !== undefined) process.emitWarning(target.deprecation, 'DeprecationWarning');
  return applyModelWrapper(buildModel(target));
}
