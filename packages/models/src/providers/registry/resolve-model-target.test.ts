import { describe, expect, it } from 'vitest';
import { UserError } from '../../errors.js';
import { OPENAI_COMPATIBLE_PROVIDERS } from '../openai-compatible/table.js';
import { computeSupportedPrefixes, parseModelString, resolveModelTarget } from './resolve-model-target.js';

const EXPECTED: Record<string, { system: string; baseUrl: string; keyEnv: string | undefined }> = {
  deepseek: { system: 'deepseek', baseUrl: 'https://api.deepseek.com', keyEnv: 'DEEPSEEK_API_KEY' },
  openrouter: { system: 'openrouter', baseUrl: 'https://openrouter.ai/api/v1', keyEnv: 'OPENROUTER_API_KEY' },
  xai: { system: 'xai', baseUrl: 'https://api.x.ai/v1', keyEnv: 'XAI_API_KEY' },
  grok: { system: 'xai', baseUrl: 'https://api.x.ai/v1', keyEnv: 'XAI_API_KEY' },
  groq: { system: 'groq', baseUrl: 'https://api.groq.com/openai/v1', keyEnv: 'GROQ_API_KEY' },
  mistral: { system: 'mistral', baseUrl: 'https://api.mistral.ai/v1', keyEnv: 'MISTRAL_API_KEY' },
  cerebras: { system: 'cerebras', baseUrl: 'https://api.cerebras.ai/v1', keyEnv: 'CEREBRAS_API_KEY' },
  moonshotai: { system: 'moonshotai', baseUrl: 'https://api.moonshot.ai/v1', keyEnv: 'MOONSHOTAI_API_KEY' },
  fireworks: { system: 'fireworks', baseUrl: 'https://api.fireworks.ai/inference/v1', keyEnv: 'FIREWORKS_API_KEY' },
  together: { system: 'together', baseUrl: 'https://api.together.xyz/v1', keyEnv: 'TOGETHER_API_KEY' },
  heroku: { system: 'heroku', baseUrl: 'https://us.inference.heroku.com/v1', keyEnv: 'HEROKU_INFERENCE_KEY' },
  huggingface: { system: 'huggingface', baseUrl: 'https://router.huggingface.co/v1', keyEnv: 'HF_TOKEN' },
  github: { system: 'github', baseUrl: 'https://models.github.ai/inference', keyEnv: 'GITHUB_API_KEY' },
  litellm: { system: 'litellm', baseUrl: 'http://localhost:4000/v1', keyEnv: undefined },
  nebius: { system: 'nebius', baseUrl: 'https://api.studio.nebius.com/v1', keyEnv: 'NEBIUS_API_KEY' },
  ovhcloud: { system: 'ovhcloud', baseUrl: 'https://oai.endpoints.kepler.ai.cloud.ovh.net/v1', keyEnv: 'OVHCLOUD_API_KEY' },
  alibaba: { system: 'alibaba', baseUrl: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1', keyEnv: 'ALIBABA_API_KEY' },
  sambanova: { system: 'sambanova', baseUrl: 'https://api.sambanova.ai/v1', keyEnv: 'SAMBANOVA_API_KEY' },
  vercel: { system: 'vercel', baseUrl: 'https://ai-gateway.vercel.sh/v1', keyEnv: 'VERCEL_AI_GATEWAY_API_KEY' },
  ollama: { system: 'ollama', baseUrl: 'http://localhost:11434/v1', keyEnv: undefined },
  'google-gla': { system: 'google-gla', baseUrl: 'https://generativelanguage.googleapis.com/v1beta/openai', keyEnv: 'GEMINI_API_KEY' },
};

describe('resolveModelTarget: OpenAI-compatible providers', () => {
  it('covers exactly the table', () => {
    expect(Object.keys(OPENAI_COMPATIBLE_PROVIDERS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s: base URL, system and key variable', (prefix, expected) => {
    const env = expected.keyEnv ? { [expected.keyEnv]: `key-for-${prefix}` } : {};
    const target = resolveModelTarget(`${prefix}:some-model`, { env });
    expect(target).toMatchObject({ api: 'openai-chat', modelName: 'some-model', system: expected.system, baseUrl: expected.baseUrl });
    expect(target.apiKey).toBe(expected.keyEnv ? `key-for-${prefix}` : OPENAI_COMPATIBLE_PROVIDERS[prefix]?.placeholderKey);
    expect(target.apiKey).toBeTruthy();
    if (expected.keyEnv) expect(() => resolveModelTarget(`${prefix}:some-model`, { env: {} })).toThrow(expected.keyEnv);
  });

  it('marks grok as a deprecated alias of xai and accepts GROK_API_KEY', () => {
    expect(resolveModelTarget('grok:grok-4', { env: { GROK_API_KEY: 'g' } })).toMatchObject({ system: 'xai', apiKey: 'g', deprecation: expect.stringContaining('xai:') });
  });

  it('reads base URLs from the environment where the provider has one', () => {
    expect(resolveModelTarget('ollama:llama3.2:3b', { env: { OLLAMA_BASE_URL: 'http://gpu-box:11434/v1' } })).toMatchObject({ baseUrl: 'http://gpu-box:11434/v1', modelName: 'llama3.2:3b', apiKey: 'ollama' });
    expect(resolveModelTarget('heroku:claude-4-sonnet', { env: { HEROKU_INFERENCE_KEY: 'h', HEROKU_INFERENCE_URL: 'https://eu.inference.heroku.com/' } }).baseUrl).toBe('https://eu.inference.heroku.com/v1');
    expect(resolveModelTarget('google-gla:gemini-2.5-flash', { env: { GOOGLE_API_KEY: 'g' } }).apiKey).toBe('g');
  });

  it('lets options override the base URL and key', () => {
    expect(resolveModelTarget('groq:llama', { env: {}, baseUrl: 'http://127.0.0.1:9/v1', apiKey: 'explicit' })).toMatchObject({ baseUrl: 'http://127.0.0.1:9/v1', apiKey: 'explicit' });
  });
});

describe('resolveModelTarget: first-party, azure and gateway', () => {
  it('maps openai, openai-chat, openai-responses and anthropic', () => {
    const env = { OPENAI_API_KEY: 'o', ANTHROPIC_API_KEY: 'a' };
    expect(resolveModelTarget('openai:gpt-4o', { env })).toMatchObject({ api: 'openai-chat', system: 'openai', baseUrl: 'https://api.openai.com/v1', apiKey: 'o' });
    expect(resolveModelTarget('openai-chat:gpt-4o', { env }).api).toBe('openai-chat');
    expect(resolveModelTarget('openai-responses:gpt-5', { env }).api).toBe('openai-responses');
    expect(resolveModelTarget('anthropic:claude-sonnet-4-6', { env })).toMatchObject({ api: 'anthropic', system: 'anthropic', baseUrl: 'https://api.anthropic.com', apiKey: 'a' });
    expect(resolveModelTarget('openai:gpt-4o', { env: { ...env, OPENAI_BASE_URL: 'http://proxy/v1' } }).baseUrl).toBe('http://proxy/v1');
    expect(() => resolveModelTarget('anthropic:claude-x', { env: {} })).toThrow('ANTHROPIC_API_KEY');
  });

  it('builds azure from the endpoint and api version, naming what is missing', () => {
    const env = { AZURE_OPENAI_ENDPOINT: 'https://res.openai.azure.com/', OPENAI_API_VERSION: '2024-10-21', AZURE_OPENAI_API_KEY: 'az' };
    expect(resolveModelTarget('azure:gpt-4o', { env })).toEqual({ api: 'openai-chat', modelName: 'gpt-4o', system: 'azure', baseUrl: 'https://res.openai.azure.com/openai', apiKey: 'az', azureApiVersion: '2024-10-21' });
    expect(() => resolveModelTarget('azure:gpt-4o', { env: { ...env, AZURE_OPENAI_ENDPOINT: undefined } })).toThrow('AZURE_OPENAI_ENDPOINT');
    expect(() => resolveModelTarget('azure:gpt-4o', { env: { ...env, OPENAI_API_VERSION: undefined } })).toThrow('OPENAI_API_VERSION');
    expect(() => resolveModelTarget('azure:gpt-4o', { env: { ...env, AZURE_OPENAI_API_KEY: undefined } })).toThrow('AZURE_OPENAI_API_KEY');
  });

  it('routes gateway/<upstream> under the gateway base URL with the upstream API shape', () => {
    const env = { PYDANTIC_AI_GATEWAY_API_KEY: 'pg' };
    expect(resolveModelTarget('gateway/openai:gpt-5', { env })).toMatchObject({ api: 'openai-chat', system: 'openai', baseUrl: 'https://gateway.pydantic.dev/proxy/openai', apiKey: 'pg' });
    expect(resolveModelTarget('gateway/openai-responses:gpt-5', { env })).toMatchObject({ api: 'openai-responses', baseUrl: 'https://gateway.pydantic.dev/proxy/openai-responses' });
    expect(resolveModelTarget('gateway/anthropic:claude-sonnet-4-6', { env })).toMatchObject({ api: 'anthropic', bearerAuth: true, baseUrl: 'https://gateway.pydantic.dev/proxy/anthropic' });
    expect(resolveModelTarget('gateway/groq:llama', { env: { ...env, PYDANTIC_AI_GATEWAY_BASE_URL: 'http://127.0.0.1:8787/' } })).toMatchObject({ system: 'groq', baseUrl: 'http://127.0.0.1:8787/groq' });
    expect(() => resolveModelTarget('gateway/openai:gpt-5', { env: {} })).toThrow('PYDANTIC_AI_GATEWAY_API_KEY');
    expect(() => resolveModelTarget('gateway/bedrock:amazon.nova-pro', { env })).toThrow(/Bedrock Converse/);
    expect(() => resolveModelTarget('gateway/nope:x', { env })).toThrow(/Unknown gateway upstream/);
  });
});

describe('resolveModelTarget: refusals and bare names', () => {
  it.each(['bedrock', 'google-vertex', 'vertexai', 'cohere', 'outlines', 'sentence-transformers', 'voyageai'])('%s says what is missing and lists the supported prefixes', (prefix) => {
    expect(() => resolveModelTarget(`${prefix}:m`, { env: {} })).toThrow(UserError);
    expect(() => resolveModelTarget(`${prefix}:m`, { env: {} })).toThrow(/not supported by Hopscope: .+Supported prefixes: .*anthropic/);
  });

  it('refuses unknown prefixes and unknown bare names', () => {
    expect(() => resolveModelTarget('acme:m1', { env: {} })).toThrow(/Unknown provider prefix "acme"/);
    expect(() => parseModelString('llama-3')).toThrow(UserError);
    expect(() => parseModelString('openai:')).toThrow(/no model name/);
  });

  it('infers the provider of well-known bare names like pydantic-ai', () => {
    expect(parseModelString('gpt-4o')).toEqual({ prefix: 'openai', modelName: 'gpt-4o' });
    expect(parseModelString('o3-mini')).toEqual({ prefix: 'openai', modelName: 'o3-mini' });
    expect(parseModelString('claude-haiku-4-5')).toEqual({ prefix: 'anthropic', modelName: 'claude-haiku-4-5' });
    expect(parseModelString('gemini-2.5-pro')).toEqual({ prefix: 'google-gla', modelName: 'gemini-2.5-pro' });
  });

  it('passes unknown model names through with a known prefix', () => {
    expect(resolveModelTarget('openai:gpt-99-ultra', { env: { OPENAI_API_KEY: 'k' } }).modelName).toBe('gpt-99-ultra');
    expect(resolveModelTarget('openrouter:anthropic/claude-3.5:beta', { env: { OPENROUTER_API_KEY: 'k' } }).modelName).toBe('anthropic/claude-3.5:beta');
  });

  it('lists supported prefixes, gateway upstreams included', () => {
    expect(computeSupportedPrefixes()).toEqual(expect.arrayContaining(['openai', 'anthropic', 'azure', 'ollama', 'gateway/anthropic']));
    expect(computeSupportedPrefixes()).not.toContain('bedrock');
  });
});
