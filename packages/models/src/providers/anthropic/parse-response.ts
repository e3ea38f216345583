/** Anthropic `message` objects -> our ModelResponse. Pure. */
import type { ContentBlock, Message, StopReason } from '@anthropic-ai/sdk/resources/messages';
import type { FinishReason, ModelResponse, ModelResponsePart } from '../../messages.js';
import { requestUsage, type RequestUsage } from '../../usage.js';
import { isJsonObject, toInvalidResponseError, toModelResponse, type ResponseContext } from '../shared/response-context.js';

/**
 * Anthropic's `stop_reason` -> ours (undefined for values we do not know; the raw one is kept).
 * @example mapAnthropicStopReason('tool_use') === 'tool_call'
 */
export function mapAnthropicStopReason(raw: StopReason | string | null | undefined): FinishReason | undefined {
  switch (raw) {
    case 'end_turn':
    case 'stop_sequence':
    case 'pause_turn':
      return 'stop';
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length';
    case 'tool_use':
      return 'tool_call';
    case 'refusal':
      return 'content_filter';
    default:
      return undefined;
  }
}

/** The usage fields we read; message_start and message_delta each carry some of them. */
export interface AnthropicUsageFields {
  readonly input_tokens?: number | null;
  readonly output_tokens?: number | null;
  readonly cache_creation_input_tokens?: number | null;
  readonly cache_read_input_tokens?: number | null;
  readonly output_tokens_details?: { readonly thinking_tokens?: number | null } | null;
}

/**
 * Anthropic usage -> ours. Anthropic's `input_tokens` leaves cached tokens out, so input is the sum
 * of input, cache creation (= cache writes) and cache reads; thinking tokens are `reasoning_tokens`.
 * @example parseAnthropicUsage({ input_tokens: 10, cache_read_input_tokens: 90, output_tokens: 5 }).inputTokens === 100
 */
export function parseAnthropicUsage(usage: AnthropicUsageFields | null | undefined): RequestUsage {
  if (!usage) return requestUsage();
  const cacheWrite = usage.cache_creation_input_tokens ?? 0;
  const cacheRead = usage.cache_read_input_tokens ?? 0;
  const thinking = usage.output_tokens_details?.thinking_tokens ?? 0;
  return requestUsage({
    inputTokens: (usage.input_tokens ?? 0) + cacheWrite + cacheRead,
    outputTokens: usage.output_tokens ?? 0,
    cacheWriteTokens: cacheWrite,
    cacheReadTokens: cacheRead,
    details: thinking > 0 ? { reasoning_tokens: thinking } : {},
  });
}

/**
 * Merges a later usage block over an earlier one, field by field, skipping nulls (message_delta
 * repeats only what changed).
 * @example computeAnthropicUsageMerge(start.usage, delta.usage)
 */
export function computeAnthropicUsageMerge(base: AnthropicUsageFields, update: AnthropicUsageFields): AnthropicUsageFields {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(update)) if (value !== null && value !== undefined) merged[key] = value;
  return merged as AnthropicUsageFields;
}

/** One content block as our part. */
export function parseAnthropicContentBlock(block: ContentBlock): ModelResponsePart | undefined {
  switch (block.type) {
    case 'text':
      return { partKind: 'text', content: block.text };
    case 'thinking':
      return { partKind: 'thinking', content: block.thinking, signature: block.signature, providerName: 'anthropic' };
    case 'redacted_thinking':
      return { partKind: 'thinking', content: '', signature: block.data, id: 'redacted_thinking', providerName: 'anthropic' };
    case 'tool_use':
      return { partKind: 'tool-call', toolName: block.name, args: block.input as Record<string, unknown>, toolCallId: block.id };
    default:
      return undefined;
  }
}

/**
 * A `message` object as our response; throws `ModelAPIError` (invalid_response) when the body is not one.
 * @example parseAnthropicResponse(message, { modelName: 'claude-sonnet-4-6', providerName: 'anthropic', providerUrl: 'https://api.anthropic.com' })
 */
export function parseAnthropicResponse(body: unknown, context: ResponseContext): ModelResponse {
  if (!isJsonObject(body) || !Array.isArray(body['content'])) throw toInvalidResponseError(context, body, 'expected a message object');
  const message = body as unknown as Message;
  const finishReason = mapAnthropicStopReason(message.stop_reason);
  return toModelResponse(context, {
    parts: message.content.map(parseAnthropicContentBlock).filter((p): p is ModelResponsePart => p !== undefined),
    usage: parseAnthropicUsage(message.usage),
    modelName: message.model,
    id: message.id,
    finishReason,
    rawFinishReason: message.stop_reason,
  });
}
