/**
 * A caller abort in the middle of a real SDK stream. Both SDKs end their event iterator quietly
 * when the signal fires, so without a check the cut-off answer would read as complete.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FallbackModel } from '../../fallback/index.js';
import type { HopRecord } from '../../hop.js';
import type { Model } from '../../model.js';
import type { StreamedResponse } from '../../stream.js';
import { startMockProvider, type MockProvider } from '../../testing/index.js';
import { AnthropicModel } from '../anthropic/anthropic-model.js';
import { OpenAIChatModel } from '../openai-chat/openai-chat-model.js';
import { OpenAIResponsesModel } from '../openai-responses/openai-responses-model.js';
import { TEXT_MESSAGES } from './provider-test-kit.js';

let mock: MockProvider;
beforeAll(async () => {
  mock = await startMockProvider();
});
afterAll(() => mock.close());
beforeEach(() => mock.reset());

const MODELS: [string, (mock: MockProvider) => Model][] = [
  ['OpenAIChatModel', (m) => new OpenAIChatModel('gpt-4o', { baseUrl: m.baseUrl('openai'), apiKey: 'k', retry: false })],
  ['OpenAIResponsesModel', (m) => new OpenAIResponsesModel('gpt-4o', { baseUrl: m.baseUrl('openai'), apiKey: 'k', retry: false })],
  ['AnthropicModel', (m) => new AnthropicModel('gpt-4o', { baseUrl: m.baseUrl('anthropic'), apiKey: 'k', retry: false })],
];

/** Reads the stream until its first text delta arrives, aborts, and returns what the rest of the iteration did. */
async function abortAfterFirstText(stream: StreamedResponse, controller: AbortController): Promise<{ error: unknown; kinds: string[] }> {
  const kinds: string[] = [];
  try {
    for await (const event of stream) {
      kinds.push(event.eventKind);
      if (event.eventKind === 'part-delta' && event.delta.partDeltaKind === 'text') controller.abort(new Error('user stopped'));
    }
  } catch (error) {
    return { error, kinds };
  }
  return { error: undefined, kinds };
}

describe('a caller abort mid-stream through the real SDKs', () => {
  it.each(MODELS)('%s: the stream rejects with the abort reason and is not complete', async (_name, create) => {
    mock.setReply('gpt-4o', { text: 'one two three four five six seven eight' });
    // Enough events for the first text delta of every API, then silence with the connection open.
    mock.script('gpt-4o', [{ stallMidStream: { afterChunks: 6 } }]);
    const controller = new AbortController();
    const stream = await create(mock).requestStream(TEXT_MESSAGES, undefined, undefined, { signal: controller.signal });
    const { error, kinds } = await abortAfterFirstText(stream, controller);
    expect(controller.signal.aborted).toBe(true);
    expect(error).toBe(controller.signal.reason);
    expect(kinds).not.toContain('final-response');
    expect(stream.isComplete).toBe(false);
    const text = stream.get().parts.find((part) => part.partKind === 'text');
    expect(text && 'content' in text ? text.content : '').toMatch(/^one/);
  });

  it('a FallbackModel records the winner cut off by the caller as an error hop and rethrows the reason', async () => {
    mock.setReply('gpt-4o', { text: 'one two three four five six seven eight' });
    mock.script('gpt-4o', [{ stallMidStream: { afterChunks: 6 } }]);
    const hops: HopRecord[] = [];
    const model = new FallbackModel(new OpenAIChatModel('gpt-4o', { baseUrl: mock.baseUrl('openai'), apiKey: 'k', retry: false }), new AnthropicModel('claude-sonnet-4-6', { baseUrl: mock.baseUrl('anthropic'), apiKey: 'k' }), {
      onHop: (hop) => hops.push(hop),
    });
    const controller = new AbortController();
    const stream = await model.requestStream(TEXT_MESSAGES, undefined, undefined, { signal: controller.signal });
    const { error } = await abortAfterFirstText(stream, controller);
    expect(error).toBe(controller.signal.reason);
    expect(hops).toHaveLength(1);
    expect(hops[0]).toMatchObject({ index: 0, outcome: 'error', error: controller.signal.reason });
    expect(mock.requests.map((request) => request.modelName)).toEqual(['gpt-4o']);
  });
});
