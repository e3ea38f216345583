/**
 * Cross-package: the real `openai` and `@anthropic-ai/sdk` clients against the loopback mock
 * provider, through @hopscope/models (inferModel, FallbackModel, limitModelConcurrency), into
 * @hopscope/instrumentation's spans and metrics.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { AnthropicModel, FallbackModel, inferModel, limitModelConcurrency, modelRequest, OpenAIChatModel, userPrompt } from '@hopscope/models';
import { startMockProvider, type MockProvider } from '@hopscope/models/testing';
import { instrumentAll, InstrumentedModel, type UninstallInstrumentation } from '@hopscope/instrumentation';
import { createTestTelemetry } from '@hopscope/instrumentation/testing';

let mock: MockProvider;
let uninstall: UninstallInstrumentation | undefined;
beforeAll(async () => {
  mock = await startMockProvider();
});
afterAll(() => mock.close());
beforeEach(() => mock.reset());
afterEach(() => {
  uninstall?.();
  uninstall = undefined;
  vi.unstubAllEnvs();
});

const messages = [modelRequest([userPrompt('What is 2 + 2?')])];
const openai = (name: string) => new OpenAIChatModel(name, { baseUrl: mock.baseUrl('openai'), apiKey: 'test-key' });
const anthropic = (name: string) => new AnthropicModel(name, { baseUrl: mock.baseUrl('anthropic'), apiKey: 'test-key' });
const port = () => Number(new URL(mock.baseUrl('openai')).port);

describe('provider SDK -> model -> instrumentation', () => {
  it('instruments a model from inferModel, with server address and port from its base URL', async () => {
    vi.stubEnv('OPENAI_BASE_URL', mock.baseUrl('openai'));
    vi.stubEnv('OPENAI_API_KEY', 'test-key');
    const telemetry = createTestTelemetry();
    mock.setReply('gpt-4o', { text: 'Four.', usage: { inputTokens: 12, outputTokens: 3 }, model: 'gpt-4o-2024-11-20' });
    await new InstrumentedModel('openai:gpt-4o', telemetry.settings()).request(messages);
    const [span] = telemetry.projectSpans();
    expect(span?.name).toBe('chat gpt-4o');
    expect(span?.attributes).toMatchObject({ 'server.address': '127.0.0.1', 'server.port': port(), 'gen_ai.response.model': 'gpt-4o-2024-11-20', 'gen_ai.usage.input_tokens': 12 });
    expect(span?.attributes['gen_ai.output.messages']).toEqual([{ role: 'assistant', parts: [{ type: 'text', content: 'Four.' }], finish_reason: 'stop' }]);
  });

  it('gives a FallbackModel one chat span named after the winner and one child span per hop', async () => {
    const telemetry = createTestTelemetry();
    uninstall = instrumentAll(telemetry.settings());
    mock.script('gpt-4o', [{ fail: { status: 503 } }]);
    mock.setReply('claude-sonnet-4-5', { text: 'Four.', usage: { inputTokens: 12, outputTokens: 3 } });
    const model = new FallbackModel(openai('gpt-4o'), anthropic('claude-sonnet-4-5'), { memberRetry: false, retry: false });
    await model.request(messages);
    const spans = telemetry.projectSpans();
    expect(spans.map((s) => [s.name, s.parent, s.attributes['hopscope.hop.outcome'] ?? null, s.status.code])).toEqual([
      ['chat claude-sonnet-4-5', null, null, 'UNSET'],
      ['chat gpt-4o', 'chat claude-sonnet-4-5', 'error', 'ERROR'],
      ['chat claude-sonnet-4-5', 'chat claude-sonnet-4-5', 'ok', 'UNSET'],
    ]);
    expect(spans[0]?.attributes).toMatchObject({ 'gen_ai.provider.name': 'anthropic', 'gen_ai.usage.input_tokens': 12 });
    expect(spans[1]?.events[0]?.attributes['exception.type']).toBe('ModelServerError');
  });

  it('streams through a FallbackModel: hop spans arrive when the winning stream ends', async () => {
    const telemetry = createTestTelemetry();
    uninstall = instrumentAll(telemetry.settings());
    mock.script('gpt-4o', [{ fail: { status: 429 } }]);
    mock.setReply('claude-sonnet-4-5', { text: 'Four, streamed.', usage: { inputTokens: 10, outputTokens: 4 } });
    const stream = await new FallbackModel(openai('gpt-4o'), anthropic('claude-sonnet-4-5'), { memberRetry: false, retry: false }).requestStream(messages);
    const response = await stream.finalResponse();
    expect(response.parts).toEqual([{ partKind: 'text', content: 'Four, streamed.' }]);
    const spans = telemetry.projectSpans();
    expect(spans.map((s) => s.name)).toEqual(['chat claude-sonnet-4-5', 'chat gpt-4o', 'chat claude-sonnet-4-5']);
    expect(spans[0]?.attributes['gen_ai.output.messages']).toEqual([{ role: 'assistant', parts: [{ type: 'text', content: 'Four, streamed.' }], finish_reason: 'stop' }]);
    expect(typeof spans[0]?.attributes['gen_ai.client.operation.time_to_first_chunk']).toBe('number');
    const ttft = (await telemetry.collectMetrics()).find((m) => m.name === 'gen_ai.client.operation.time_to_first_chunk');
    expect(ttft?.points[0]?.count).toBe(1);
  });

  it('opens the waiting span when limitModelConcurrency makes a request wait', async () => {
    const telemetry = createTestTelemetry();
    uninstall = instrumentAll(telemetry.settings());
    mock.setReply('gpt-4o', { text: 'ok' });
    const limited = limitModelConcurrency(openai('gpt-4o'), { maxRunning: 1, name: 'openai-pool' });
    await Promise.all([limited.request(messages), limited.request(messages)]);
    const waiting = telemetry.projectSpans().filter((s) => s.name.startsWith('waiting for'));
    expect(waiting.map((s) => [s.name, s.attributes])).toEqual([['waiting for openai-pool concurrency', { source: 'model:gpt-4o', waiting_count: 1, max_running: 1, limiter_name: 'openai-pool' }]]);
    expect(telemetry.projectSpans().filter((s) => s.name === 'chat gpt-4o')).toHaveLength(2);
  });

  it('instruments FallbackModel members built by inferModel without a second chat span', async () => {
    vi.stubEnv('OPENAI_BASE_URL', mock.baseUrl('openai'));
    vi.stubEnv('OPENAI_API_KEY', 'test-key');
    const telemetry = createTestTelemetry();
    uninstall = instrumentAll(telemetry.settings());
    mock.setReply('gpt-4o-mini', { text: 'ok' });
    await new FallbackModel(inferModel('openai:gpt-4o-mini'), inferModel('openai:gpt-4o')).request(messages);
    expect(telemetry.projectSpans().map((s) => [s.name, s.parent])).toEqual([
      ['chat gpt-4o-mini', null],
      ['chat gpt-4o-mini', 'chat gpt-4o-mini'],
    ]);
  });
});
