import { convertToAnthropicWire } from './anthropic-wire.js';
import { convertToOpenAIChatWire } from './openai-chat-wire.js';
import { convertToOpenAIResponsesWire } from './openai-responses-wire.js';
import type { MockApi, MockWireAnswer, ResolvedMockReply } from './types.js';

/** Which API a request path belongs to (undefined for paths the mock does not serve). */
export function mapPathToMockApi(path: string): MockApi | undefined {
  const bare = path.split('?')[0];
  if (bare === '/v1/chat/completions') return 'openai-chat';
  if (bare === '/v1/responses') return 'openai-responses';
  if (bare === '/v1/messages') return 'anthropic';
  return undefined;
}

/**
 * A reply in the wire format of the API it was asked through.
 * @example convertToMockWireAnswer('openai-chat', reply, { stream: false, includeUsage: false })
 */
export function convertToMockWireAnswer(api: MockApi, reply: ResolvedMockReply, options: { stream: boolean; includeUsage: boolean }): MockWireAnswer {
  switch (api) {
    case 'openai-chat':
      return convertToOpenAIChatWire(reply, options);
    case 'openai-responses':
      return convertToOpenAIResponsesWire(reply, options);
    case 'anthropic':
      return convertToAnthropicWire(reply, options);
    default: {
      const _exhaustive: never = api;
      throw new Error(`unknown mock api ${String(_exhaustive)}`);
    }
  }
}
