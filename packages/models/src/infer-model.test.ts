import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from './errors.js';
import { installModelHooks } from './hooks.js';
import { inferModel } from './infer-model.js';
import { modelRequest, userPrompt } from './messages.js';
import { WrapperModel, type Model } from './model.js';
import { AnthropicModel } from './providers/anthropic/anthropic-model.js';
import { OpenAIChatModel } from './providers/openai-chat/openai-chat-model.js';
import { OpenAIResponsesModel } from './providers/openai-responses/openai-responses-model.js';
import { startMockProvider, TestModel, type MockProvider } from './testing/index.js';

let mock: MockProvider;
beforeAll(async () => {
  mock = await startMockProvider();
});
afterAll(() => mock.close());
afterEach(() => mock.reset());

describe('inferModel', () => {
  it('builds the model class of each API with its system and base URL', () => {
    const env = { OPENAI_API_KEY: 'o', ANTHROPIC_API_KEY: 'a', DEEPSEEK_API_KEY: 'd' };
    const chat = inferModel('openai:gpt-4o', { env });
    expect(chat).toBeInstanceOf(OpenAIChatModel);
    expect(chat).toMatchObject({ modelName: 'gpt-4o', system: 'openai', baseUrl: 'https://api.openai.com/v1' });
    expect(inferModel('openai-responses:gpt-5', { env })).toBeInstanceOf(OpenAIResponsesModel);
    expect(inferModel('anthropic:claude-sonnet-4-6', { env })).toMatchObject({ constructor: AnthropicModel, system: 'anthropic', baseUrl: 'https://api.anthropic.com' });
    expect(inferModel('deepseek:deepseek-chat', { env })).toMatchObject({ constructor: OpenAIChatModel, system: 'deepseek', baseUrl: 'https://api.deepseek.com' });
    expect(inferModel('claude-haiku-4-5', { env }).system).toBe('anthropic');
  });

  it('turns SDK retries off on the clients it builds', () => {
    const model = inferModel('groq:llama-3.3-70b', { env: { GROQ_API_KEY: 'g' } }) as OpenAIChatModel;
    expect(model.client.maxRetries).toBe(0);
    expect((inferModel('anthropic:claude-x', { env: { ANTHROPIC_API_KEY: 'a' } }) as AnthropicModel).client.maxRetries).toBe(0);
  });

  it('reaches an OpenAI-compatible provider at the given base URL', async () => {
    mock.setReply('llama-3.3-70b', { text: 'hola' });
    const model = inferModel('groq:llama-3.3-70b', { env: { GROQ_API_KEY: 'gsk-test' }, baseUrl: mock.baseUrl('openai') });
    const response = await model.request([modelRequest([userPrompt('hi')])]);
    expect(response).toMatchObject({ parts: [{ partKind: 'text', content: 'hola' }], providerName: 'groq', providerUrl: mock.baseUrl('openai') });
    expect(mock.requests[0]?.headers['authorization']).toBe('Bearer gsk-test');
  });

  it('reaches Anthropic through the gateway with a bearer token on the upstream route', async () => {
    const model = inferModel('gateway/anthropic:claude-haiku-4-5', { env: { PYDANTIC_AI_GATEWAY_API_KEY: 'pg-key', PYDANTIC_AI_GATEWAY_BASE_URL: `${mock.url}/proxy` } }) as AnthropicModel;
    expect(model.baseUrl).toBe(`${mock.url}/proxy/anthropic`);
    expect(model.system).toBe('anthropic');
    expect(model.client.maxRetries).toBe(0);
  });

  it('builds Azure on the AzureOpenAI client with the api version', () => {
    const model = inferModel('azure:gpt-4o', { env: { AZURE_OPENAI_ENDPOINT: 'https://res.openai.azure.com', OPENAI_API_VERSION: '2024-10-21', AZURE_OPENAI_API_KEY: 'az' } }) as OpenAIChatModel;
    expect(model).toMatchObject({ system: 'azure', baseUrl: 'https://res.openai.azure.com/openai' });
    expect((model.client as unknown as { apiVersion: string }).apiVersion).toBe('2024-10-21');
  });

  it('returns a model instance unchanged and refuses what is not a model', () => {
    const model = new TestModel();
    expect(inferModel(model)).toBe(model);
    expect(() => inferModel(42 as unknown as string)).toThrow(TypeError);
  });

  it('throws UserError for missing keys and unsupported prefixes', () => {
    expect(() => inferModel('mistral:mistral-large-latest', { env: {} })).toThrow(UserError);
    expect(() => inferModel('mistral:mistral-large-latest', { env: {} })).toThrow('MISTRAL_API_KEY');
    expect(() => inferModel('bedrock:anthropic.claude-v2', { env: {} })).toThrow(/Bedrock/);
  });

  it('applies the installed model wrapper to what it builds', () => {
    const uninstall = installModelHooks({ wrapModel: (m: Model) => new WrapperModel(m) });
    try {
      const model = inferModel('ollama:llama3.2', { env: {} });
      expect(model).toBeInstanceOf(WrapperModel);
      expect(model).toMatchObject({ system: 'ollama', baseUrl: 'http://localhost:11434/v1' });
    } finally {
      uninstall();
    }
  });
});
