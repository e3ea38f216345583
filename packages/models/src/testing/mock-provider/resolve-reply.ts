import type { MockApi, MockReply, ResolvedMockReply } from './types.js';

const ID_PREFIX: Record<MockApi, string> = { 'openai-chat': 'chatcmpl-mock', 'openai-responses': 'resp_mock', anthropic: 'msg_mock' };
const TOOL_ID_PREFIX: Record<MockApi, string> = { 'openai-chat': 'call_mock', 'openai-responses': 'call_mock', anthropic: 'toolu_mock' };

/** The text an unscripted model answers. @example expect(response.parts[0]).toMatchObject({ content: DEFAULT_MOCK_TEXT }) */
export const DEFAULT_MOCK_TEXT = 'Hello from the Hopscope mock provider.';

/**
 * Applies defaults to a reply: default text when there is nothing else, input tokens estimated
 * from the request body (a token per 4 characters), output tokens from the answer, stable ids.
 * @example computeMockReply({ api: 'anthropic', reply: { text: 'hi' }, modelName: 'claude-x', body: {}, sequence: 1, now: 0 })
 */
export function computeMockReply(options: { api: MockApi; reply: MockReply | undefined; modelName: string; body: unknown; sequence: number; now: number }): ResolvedMockReply {
  const reply = options.reply ?? {};
  const toolCalls = (reply.toolCalls ?? []).map((call, i) => ({ name: call.name, args: call.args, id: call.id ?? `${TOOL_ID_PREFIX[options.api]}_${options.sequence}_${i}` }));
  const text = reply.text ?? (toolCalls.length === 0 ? DEFAULT_MOCK_TEXT : undefined);
  const answerChars = (text?.length ?? 0) + (reply.thinking?.length ?? 0) + toolCalls.reduce((n, c) => n + c.name.length + JSON.stringify(c.args).length, 0);
  const usage = reply.usage ?? { inputTokens: Math.max(1, Math.ceil(JSON.stringify(options.body ?? {}).length / 4)), outputTokens: Math.max(1, Math.ceil(answerChars / 4)) };
  return {
    text,
    toolCalls,
    thinking: reply.thinking,
    usage: {
      inputTokens: usage.inputTokens,
      outputTokens: usage.outputTokens,
      cacheReadTokens: usage.cacheReadTokens ?? 0,
      cacheWriteTokens: usage.cacheWriteTokens ?? 0,
      reasoningTokens: usage.reasoningTokens ?? 0,
    },
    finishReason: reply.finishReason ?? (toolCalls.length > 0 ? 'tool_call' : 'stop'),
    model: reply.model ?? options.modelName,
    responseId: `${ID_PREFIX[options.api]}_${String(options.sequence).padStart(4, '0')}`,
    created: Math.floor(options.now / 1000),
  };
}
