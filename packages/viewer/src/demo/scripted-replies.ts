/**
 * Canned provider answers for the demo: a tool call in the OpenAI Chat Completions wire format,
 * replayed by the loopback mock provider. Pure data builders.
 */
import type { RecordedExchange } from '@hopscope/models/testing';

/** A Chat Completions answer that calls one tool. */
export function toOpenAIToolCallExchange(options: { model: string; toolName: string; args: Record<string, unknown>; callId: string }): RecordedExchange {
  return {
    api: 'openai-chat',
    request: { body: { model: options.model } },
    response: {
      status: 200,
      body: {
        id: `chatcmpl-demo-${options.callId}`,
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: options.model,
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: null, tool_calls: [{ id: options.callId, type: 'function', function: { name: options.toolName, arguments: JSON.stringify(options.args) } }] },
            finish_reason: 'tool_calls',
          },
        ],
        usage: { prompt_tokens: 212, completion_tokens: 24, total_tokens: 236, prompt_tokens_details: { cached_tokens: 128 } },
      },
    },
  };
}
