/** Chat Completions responses -> our ModelResponse. Pure. */
import type { ChatCompletion, ChatCompletionMessage } from 'openai/resources/chat/completions';
import type { CompletionUsage } from 'openai/resources/completions';
import type { FinishReason, ModelResponse, ModelResponsePart } from '../../messages.js';
import { requestUsage, type RequestUsage } from '../../usage.js';
import { isJsonObject, toInvalidResponseError, toModelResponse, type ResponseContext } from '../shared/response-context.js';

/**
 * OpenAI's `finish_reason` -> ours (undefined for values we do not know; the raw one is kept).
 * @example mapOpenAIChatFinishReason('tool_calls') === 'tool_call'
 */
export function mapOpenAIChatFinishReason(raw: string | null | undefined): FinishReason | undefined {
  switch (raw) {
    case 'stop':
      return 'stop';
    case 'length':
      return 'length';
    case 'tool_calls':
    case 'function_call':
      return 'tool_call';
    case 'content_filter':
      return 'content_filter';
    default:
      return undefined;
  }
}

/**
 * Chat Completions usage -> ours: cached prompt tokens are cache reads, reasoning and prediction
 * counts go to `details`, audio tokens to the audio fields.
 * @example parseOpenAIChatUsage({ prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 }).inputTokens === 10
 */
export function parseOpenAIChatUsage(usage: CompletionUsage | null | undefined): RequestUsage {
  if (!usage) return requestUsage();
  const details: Record<string, number> = {};
  for (const [key, value] of Object.entries(usage.completion_tokens_details ?? {})) if (typeof value === 'number' && value > 0) details[key] = value;
  return requestUsage({
    inputTokens: usage.prompt_tokens ?? 0,
    outputTokens: usage.completion_tokens ?? 0,
    cacheReadTokens: usage.prompt_tokens_details?.cached_tokens ?? 0,
    inputAudioTokens: usage.prompt_tokens_details?.audio_tokens ?? 0,
    outputAudioTokens: usage.completion_tokens_details?.audio_tokens ?? 0,
    details,
  });
}

/** Reasoning text that OpenAI-compatible servers put beside the content (DeepSeek, OpenRouter...). */
export function parseOpenAIChatReasoning(message: object): string | undefined {
  const m = message as { reasoning_content?: unknown; reasoning?: unknown };
  if (typeof m.reasoning_content === 'string' && m.reasoning_content !== '') return m.reasoning_content;
  if (typeof m.reasoning === 'string' && m.reasoning !== '') return m.reasoning;
  return undefined;
}

function parseParts(message: ChatCompletionMessage, providerName: string): ModelResponsePart[] {
  const parts: ModelResponsePart[] = [];
  const reasoning = parseOpenAIChatReasoning(message);
  if (reasoning !== undefined) parts.push({ partKind: 'thinking', content: reasoning, providerName });
  if (typeof message.content === 'string' && message.content !== '') parts.push({ partKind: 'text', content: message.content });
  for (const call of message.tool_calls ?? []) {
    if (call.type === 'function') parts.push({ partKind: 'tool-call', toolName: call.function.name, args: call.function.arguments, toolCallId: call.id });
  }
  return parts;
}

/**
 * A `chat.completion` object as our response; throws `ModelAPIError` (invalid_response) when the
 * body is not one.
 * @example parseOpenAIChatResponse(completion, { modelName: 'gpt-4o', providerName: 'openai', providerUrl: 'https://api.openai.com/v1' })
 */
export function parseOpenAIChatResponse(body: unknown, context: ResponseContext): ModelResponse {
  if (!isJsonObject(body) || !Array.isArray(body['choices'])) throw toInvalidResponseError(context, body, 'expected a chat.completion object');
  const completion = body as unknown as ChatCompletion;
  const choice = completion.choices[0];
  const raw = choice?.finish_reason;
  const finishReason = mapOpenAIChatFinishReason(raw);
  return toModelResponse(context, {
    parts: choice ? parseParts(choice.message, context.providerName) : [],
    usage: parseOpenAIChatUsage(completion.usage),
    modelName: completion.model,
    id: completion.id,
    finishReason,
    rawFinishReason: raw,
    timestamp: typeof completion.created === 'number' ? new Date(completion.created * 1000) : new Date(),
  });
}
