/**
 * Fallback scenarios through the real `openai` and `@anthropic-ai/sdk` clients against the
 * loopback mock provider, scripted to fail per model.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ModelAuthError, ModelRateLimitError, ModelServerError, ModelTimeoutError } from '../errors.js';
import { installModelHooks } from '../hooks.js';
import type { HopRecord } from '../hop.js';
import { WrapperModel } from '../model.js';
import { AnthropicModel } from '../providers/anthropic/anthropic-model.js';
import { OpenAIChatModel } from '../providers/openai-chat/openai-chat-model.js';
import { startMockProvider, type MockProvider, type MockStep } from '../testing/index.js';
import { limitModelConcurrency } from '../concurrency/limited-model.js';
import { ConcurrencyLimitExceededError } from '../concurrency/errors.js';
import { TRANSIENT_CATEGORIES, isCategory } from './categories.js';
import { FallbackStreamError } from './errors.js';
import { FallbackModel } from './fallback-model.js';
import { onResponse } from './fallback-on.js';
import type { FallbackModelOptions } from './options.js';
import { messages } from './test-support.js';

let mock: MockProvider;
beforeAll(async () => {
  mock = await startMockProvider();
});
afterAll(() => mock.close());
beforeEach(() => mock.reset());
afterEach(() => vi.unstubAllEnvs());

const openai = (name: string) => new OpenAIChatModel(name, { baseUrl: mock.baseUrl('openai'), apiKey: 'test-key' });
const anthropic = (name: string) => new AnthropicModel(name, { baseUrl: mock.baseUrl('anthropic'), apiKey: 'test-key' });
const requestsFor = (name: string) => mock.requests.filter((r) => r.modelName === name).length;

function chain(primary: MockStep[], options: FallbackModelOptions = {}) {
  mock.script('gpt-4o', primary);
  mock.setReply('claude-sonnet-4-6', { text: 'Four.', usage: { inputTokens: 12, outputTokens: 3 } });
  const records: HopRecord[] = [];
  const model = new FallbackModel(openai('gpt-4o'), anthropic('claude-sonnet-4-6'), { onHop: (r) => records.push(r), ...options });
  return { model, records };
}

describe('FallbackModel over the real SDKs', () => {
  it.each([
    ['429 with retry-after 60', { fail: { status: 429, headers: { 'retry-after': '60' } } }, ModelRateLimitError],
    ['500', { fail: { status: 500 } }, ModelServerError],
    ['503', { fail: { status: 503 } }, ModelServerError],
    ['401', { fail: { status: 401 } }, ModelAuthError],
  ] as const)('falls back at once on %s, with exactly one request to the primary', async (_name, step, errorClass) => {
    const { model, records } = chain([step as MockStep]);
    const response = await model.request(messages);
    expect(response.parts).toEqual([{ partKind: 'text', content: 'Four.' }]);
    expect(response.providerName).toBe('anthropic');
    expect(requestsFor('gpt-4o')).toBe(1);
    expect(requestsFor('claude-sonnet-4-6')).toBe(1);
    expect(records[0]!.error).toBeInstanceOf(errorClass);
    expect(records.map((r) => [r.provider, r.outcome, r.baseUrl])).toEqual([
      ['openai', 'error', mock.baseUrl('openai')],
      ['anthropic', 'ok', mock.baseUrl('anthropic')],
    ]);
  });

  it('falls back from an overloaded (529) Anthropic primary to OpenAI', async () => {
    mock.script('claude-sonnet-4-6', [{ fail: { status: 529 } }]);
    const model = new FallbackModel(anthropic('claude-sonnet-4-6'), openai('gpt-4o'));
    expect((await model.request(messages)).providerName).toBe('openai');
    expect(requestsFor('claude-sonnet-4-6')).toBe(1);
  });

  it('lets a 401 propagate when only transient categories are named', async () => {
    const { model } = chain([{ fail: { status: 401 } }], { fallbackOn: isCategory(...TRANSIENT_CATEGORIES) });
    await expect(model.request(messages)).rejects.toBeInstanceOf(ModelAuthError);
    expect(requestsFor('claude-sonnet-4-6')).toBe(0);
  });

  it('moves on when the primary hangs past the per-hop deadline', async () => {
    const { model, records } = chain([{ hang: true }], { hopTimeoutMs: 100 });
    expect((await model.request(messages)).providerName).toBe('anthropic');
    expect(records[0]!.error).toBeInstanceOf(ModelTimeoutError);
  });

  it('skips the cooling primary without sending it a request, then probes it after its Retry-After', async () => {
    let now = 1_000_000;
    const { model, records } = chain([{ fail: { status: 429, headers: { 'retry-after': '30' } } }], { clock: () => now });
    await model.request(messages);
    await model.request(messages);
    expect(requestsFor('gpt-4o')).toBe(1);
    expect(records[2]).toMatchObject({ modelName: 'gpt-4o', outcome: 'skipped' });
    now += 30_000;
    const probed = await model.request(messages);
    expect(probed.providerName).toBe('openai');
    expect(requestsFor('gpt-4o')).toBe(2);
  });

  it('retries the last member by its Retry-After when no other hop is left', async () => {
    mock.script('claude-sonnet-4-6', [{ fail: { status: 503, headers: { 'retry-after-ms': '5' } } }]);
    const { model } = chain([{ fail: { status: 500 } }], { cooldown: false });
    expect((await model.request(messages)).providerName).toBe('anthropic');
    expect(requestsFor('claude-sonnet-4-6')).toBe(2);
  });

  it('never switches after output started: a reset mid-stream surfaces FallbackStreamError naming the hop', async () => {
    const { model } = chain([{ resetMidStream: { afterChunks: 2 } }]);
    const stream = await model.requestStream(messages);
    const failure = await stream.finalResponse().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(FallbackStreamError);
    expect((failure as FallbackStreamError).hop).toMatchObject({ modelName: 'gpt-4o', index: 0, outcome: 'error' });
    expect(requestsFor('claude-sonnet-4-6')).toBe(0);
  });

  it('charges every hop that consumed tokens: a rejected answer plus the winner', async () => {
    mock.setReply('gpt-4o', { text: '', usage: { inputTokens: 40, outputTokens: 0 } });
    const { model, records } = chain([], { fallbackOn: onResponse((r) => !r.parts.some((p) => p.partKind === 'text' && p.content !== '')) });
    const response = await model.request(messages);
    expect(response.usage).toMatchObject({ inputTokens: 52, outputTokens: 3 });
    expect(records.map((r) => [r.outcome, r.usage?.inputTokens])).toEqual([
      ['rejected', 40],
      ['ok', 12],
    ]);
  });

  it('falls back when a stream fails before its first event', async () => {
    const { model, records } = chain([{ fail: { status: 429, headers: { 'retry-after': '60' } } }]);
    const response = await (await model.requestStream(messages)).finalResponse();
    expect(response.parts).toEqual([{ partKind: 'text', content: 'Four.' }]);
    expect(response.usage).toMatchObject({ inputTokens: 12, outputTokens: 3 });
    expect(records.map((r) => [r.modelName, r.outcome, r.winner])).toEqual([
      ['gpt-4o', 'error', false],
      ['claude-sonnet-4-6', 'ok', true],
    ]);
  });

  it('moves on when a member limited to one request in flight is busy', async () => {
    mock.setLatency('gpt-4o', 100);
    const limited = limitModelConcurrency(openai('gpt-4o'), { maxRunning: 1, maxQueued: 0 });
    const records: HopRecord[] = [];
    const model = new FallbackModel(limited, anthropic('claude-sonnet-4-6'), { onHop: (r) => records.push(r) });
    const [first, second] = await Promise.all([model.request(messages), model.request(messages)]);
    expect([first.providerName, second.providerName].sort()).toEqual(['anthropic', 'openai']);
    expect(records.some((r) => r.error instanceof ConcurrencyLimitExceededError)).toBe(true);
    expect(requestsFor('gpt-4o')).toBe(1);
  });

  it("resolves 'provider:model' members with inferModel, each wrapped once by the installed model wrapper", async () => {
    vi.stubEnv('OPENAI_API_KEY', 'test-key');
    vi.stubEnv('OPENAI_BASE_URL', mock.baseUrl('openai'));
    vi.stubEnv('ANTHROPIC_API_KEY', 'test-key');
    vi.stubEnv('ANTHROPIC_BASE_URL', mock.baseUrl('anthropic'));
    class Tagged extends WrapperModel {}
    const uninstall = installModelHooks({ wrapModel: (m) => new Tagged(m) });
    try {
      mock.script('gpt-4o', [{ fail: { status: 503 } }]);
      const model = new FallbackModel('openai:gpt-4o', 'anthropic:claude-sonnet-4-6');
      expect(model.modelName).toBe('fallback:gpt-4o,claude-sonnet-4-6');
      expect(model.system).toBe('fallback:openai,anthropic');
      expect(model.baseUrl).toBe(mock.baseUrl('openai'));
      for (const member of model.models) {
        expect(member).toBeInstanceOf(Tagged);
        expect((member as Tagged).wrapped).not.toBeInstanceOf(Tagged);
      }
      expect((await model.request(messages)).providerName).toBe('anthropic');
    } finally {
      uninstall();
    }
  });
});
