/**
 * 'provider:model' strings -> what to build: which API, model name, system, base URL and key.
 * Pure: the environment comes in as a record. `inferModel` turns the target into a model.
 */
import { UserError } from '../../errors.js';
import { OPENAI_COMPATIBLE_PROVIDERS, UNSUPPORTED_PREFIXES } from '../openai-compatible/table.js';
import { readEnv, requireKey } from './env.js';
import { GATEWAY_UPSTREAMS, resolveGatewayTarget } from './gateway.js';
import type { ModelApi, ModelTarget, ResolveModelTargetOptions } from './types.js';

const FIRST_PARTY = {
  openai: { api: 'openai-chat', system: 'openai', baseUrl: 'https://api.openai.com/v1', baseUrlEnv: 'OPENAI_BASE_URL', apiKeyEnv: 'OPENAI_API_KEY' },
  'openai-chat': { api: 'openai-chat', system: 'openai', baseUrl: 'https://api.openai.com/v1', baseUrlEnv: 'OPENAI_BASE_URL', apiKeyEnv: 'OPENAI_API_KEY' },
  'openai-responses': { api: 'openai-responses', system: 'openai', baseUrl: 'https://api.openai.com/v1', baseUrlEnv: 'OPENAI_BASE_URL', apiKeyEnv: 'OPENAI_API_KEY' },
  anthropic: { api: 'anthropic', system: 'anthropic', baseUrl: 'https://api.anthropic.com', baseUrlEnv: 'ANTHROPIC_BASE_URL', apiKeyEnv: 'ANTHROPIC_API_KEY' },
} as const satisfies Record<string, { api: ModelApi; system: string; baseUrl: string; baseUrlEnv: string; apiKeyEnv: string }>;

/**
 * Every prefix `inferModel` builds a model for, sorted (gateway upstreams as `gateway/<upstream>`).
 * @example computeSupportedPrefixes().includes('groq') === true
 */
export function computeSupportedPrefixes(): string[] {
  return [...Object.keys(FIRST_PARTY), 'azure', ...Object.keys(OPENAI_COMPATIBLE_PROVIDERS), ...Object.keys(GATEWAY_UPSTREAMS).map((u) => `gateway/${u}`)].sort();
}

/**
 * Splits `provider:model` at the first colon (the model name keeps any later colons, e.g.
 * `ollama:llama3.2:3b`). A bare name is matched the way pydantic-ai does: `gpt-*` and `o<digit>*`
 * are OpenAI, `claude-*` Anthropic, `gemini-*` Google; anything else is a UserError.
 * @example parseModelString('anthropic:claude-sonnet-4-6') // { prefix: 'anthropic', modelName: 'claude-sonnet-4-6' }
 */
export function parseModelString(model: string): { prefix: string; modelName: string } {
  const trimmed = model.trim();
  const colon = trimmed.indexOf(':');
  if (colon > 0) {
    const modelName = trimmed.slice(colon + 1);
    if (modelName === '') throw new UserError(`Model string "${model}" has no model name after "${trimmed.slice(0, colon)}:"`);
    return { prefix: trimmed.slice(0, colon).toLowerCase(), modelName };
  }
  if (/^gpt/i.test(trimmed) || /^o\d/i.test(trimmed)) return { prefix: 'openai', modelName: trimmed };
  if (/^claude/i.test(trimmed)) return { prefix: 'anthropic', modelName: trimmed };
  if (/^gemini/i.test(trimmed)) return { prefix: 'google-gla', modelName: trimmed };
  throw new UserError(`Unknown model "${model}": use "provider:model", e.g. "openai:gpt-4o". Supported prefixes: ${computeSupportedPrefixes().join(', ')}`);
}

function resolveAzure(modelName: string, options: ResolveModelTargetOptions): ModelTarget {
  const endpoint = readEnv(options.env, ['AZURE_OPENAI_ENDPOINT']);
  if (options.baseUrl === undefined && endpoint === undefined) throw new UserError('Azure OpenAI needs an endpoint: set the AZURE_OPENAI_ENDPOINT environment variable or pass `baseUrl`');
  const azureApiVersion = readEnv(options.env, ['OPENAI_API_VERSION']);
  if (azureApiVersion === undefined) throw new UserError('Azure OpenAI needs an API version: set the OPENAI_API_VERSION environment variable (e.g. 2024-10-21)');
  const baseUrl = options.baseUrl ?? `${endpoint!.replace(/\/+$/, '')}/openai`;
  return { api: 'openai-chat', modelName, system: 'azure', baseUrl, apiKey: requireKey(options, ['AZURE_OPENAI_API_KEY'], 'Azure OpenAI'), azureApiVersion };
}

/**
 * What `inferModel` should build for a model string. Throws UserError for unsupported or unknown
 * prefixes (naming what is missing and the supported prefixes) and for missing keys (naming the
 * environment variable).
 * @example resolveModelTarget('groq:llama-3.3-70b-versatile', { env: { GROQ_API_KEY: 'k' } }).baseUrl === 'https://api.groq.com/openai/v1'
 */
export function resolveModelTarget(model: string, options: ResolveModelTargetOptions): ModelTarget {
  const { prefix, modelName } = parseModelString(model);
  if (prefix.startsWith('gateway/')) return resolveGatewayTarget(prefix.slice('gateway/'.length), modelName, options);
  if (prefix === 'azure') return resolveAzure(modelName, options);
  const firstParty = FIRST_PARTY[prefix as keyof typeof FIRST_PARTY];
  if (firstParty) {
    const baseUrl = options.baseUrl ?? readEnv(options.env, [firstParty.baseUrlEnv]) ?? firstParty.baseUrl;
    return { api: firstParty.api, modelName, system: firstParty.system, baseUrl, apiKey: requireKey(options, [firstParty.apiKeyEnv], prefix) };
  }
  const compatible = OPENAI_COMPATIBLE_PROVIDERS[prefix];
  if (compatible) {
    const envBase = compatible.baseUrlEnv !== undefined ? readEnv(options.env, [compatible.baseUrlEnv]) : undefined;
    const baseUrl = options.baseUrl ?? (envBase !== undefined && prefix === 'heroku' ? `${envBase.replace(/\/+$/, '')}/v1` : envBase) ?? compatible.baseUrl;
    const apiKey = compatible.placeholderKey !== undefined ? (options.apiKey ?? readEnv(options.env, compatible.apiKeyEnv) ?? compatible.placeholderKey) : requireKey(options, compatible.apiKeyEnv, prefix);
    return { api: 'openai-chat', modelName, system: compatible.system, baseUrl, apiKey, ...(compatible.deprecatedFor !== undefined ? { deprecation: `"${prefix}:" is deprecated, use "${compatible.deprecatedFor}:"` } : {}) };
  }
  const missing = UNSUPPORTED_PREFIXES[prefix];
  if (missing !== undefined) throw new UserError(`"${prefix}:" is not supported by Hopscope: ${missing}. Supported prefixes: ${computeSupportedPrefixes().join(', ')}`);
  throw new UserError(`Unknown provider prefix "${prefix}" in "${model}". Supported prefixes: ${computeSupportedPrefixes().join(', ')}`);
}
