/** `gateway/<upstream>:model`: the Pydantic AI Gateway, one route per upstream, the upstream's API shape. */
import { UserError } from '../../errors.js';
import { readEnv } from './env.js';
import type { ModelApi, ModelTarget, ResolveModelTargetOptions } from './types.js';

/** The Pydantic AI Gateway's default base URL (each upstream is a route under it). */
export const GATEWAY_DEFAULT_BASE_URL = 'https://gateway.pydantic.dev/proxy';

export const GATEWAY_UPSTREAMS: Readonly<Record<string, { api: ModelApi; route: string; system: string }>> = {
  openai: { api: 'openai-chat', route: 'openai', system: 'openai' },
  'openai-chat': { api: 'openai-chat', route: 'openai', system: 'openai' },
  chat: { api: 'openai-chat', route: 'openai', system: 'openai' },
  'openai-responses': { api: 'openai-responses', route: 'openai-responses', system: 'openai' },
  responses: { api: 'openai-responses', route: 'openai-responses', system: 'openai' },
  anthropic: { api: 'anthropic', route: 'anthropic', system: 'anthropic' },
  groq: { api: 'openai-chat', route: 'groq', system: 'groq' },
};
const GATEWAY_UNSUPPORTED = new Set(['bedrock', 'converse', 'google-vertex', 'gemini']);

export function resolveGatewayTarget(upstream: string, modelName: string, options: ResolveModelTargetOptions): ModelTarget {
  if (GATEWAY_UNSUPPORTED.has(upstream)) throw new UserError(`gateway/${upstream} needs a client Hopscope does not ship (${upstream === 'bedrock' || upstream === 'converse' ? 'Bedrock Converse' : 'google-genai'}); supported gateway upstreams: ${Object.keys(GATEWAY_UPSTREAMS).join(', ')}`);
  const route = GATEWAY_UPSTREAMS[upstream];
  if (!route) throw new UserError(`Unknown gateway upstream "${upstream}"; supported: ${Object.keys(GATEWAY_UPSTREAMS).join(', ')}`);
  const apiKey = options.apiKey ?? readEnv(options.env, ['PYDANTIC_AI_GATEWAY_API_KEY', 'PAIG_API_KEY']);
  if (apiKey === undefined) throw new UserError('No API key for the Pydantic AI Gateway: set the PYDANTIC_AI_GATEWAY_API_KEY environment variable or pass `apiKey`');
  const base = options.baseUrl ?? readEnv(options.env, ['PYDANTIC_AI_GATEWAY_BASE_URL', 'PAIG_BASE_URL']) ?? GATEWAY_DEFAULT_BASE_URL;
  return { api: route.api, modelName, system: route.system, baseUrl: `${base.replace(/\/+$/, '')}/${route.route}`, apiKey, ...(route.api === 'anthropic' ? { bearerAuth: true } : {}) };
}
