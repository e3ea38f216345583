/** Responses API `response` objects -> our ModelResponse. Pure. */
import type { Response as OpenAIResponse, ResponseOutputItem, ResponseUsage } from 'openai/resources/responses/responses';
import type { FinishReason, ModelResponse, ModelResponsePart } from '../../messages.js';
import { requestUsage, type RequestUsage } from '../../usage.js';
import { isJsonObject, toInvalidResponseError, toModelResponse, type ResponseContext } from '../shared/response-context.js';

/**
 * The Responses status (or the incomplete reason) -> our finish reason; a completed response
 * that asks for tools finishes with `tool_call`.
 * @example mapOpenAIResponsesFinishReason({ status: 'incomplete', incompleteReason: 'max_output_tokens', hasToolCalls: false }) === 'length'
 */
export function mapOpenAIResponsesFinishReason(input: { status: string | undefined; incompleteReason?: string | undefined; hasToolCalls: boolean }): FinishReason | undefined {
  if (input.status === 'incomplete') {
    if (input.incompleteReason === 'max_output_tokens') return 'length';
    if (input.incompleteReason === 'content_filter') return 'content_filter';
    return undefined;
  }
  if (input.status === 'completed') return input.hasToolCalls ? 'tool_call' : 'stop';
  if (input.status === 'failed' || input.status === 'cancelled') return 'error';
  return undefined;
}

/**
 * Responses usage -> ours: cached input tokens are cache reads, cache writes where reported,
 * reasoning tokens in `details`.
 * @example parseOpenAIResponsesUsage(response.usage).details.reasoning_tokens
 */
export function parseOpenAIResponsesUsage(usage: ResponseUsage | null | undefined): RequestUsage {
  if (!usage) return requestUsage();
  const reasoning = usage.output_tokens_details?.reasoning_tokens ?? 0;
  return requestUsage({
    inputTokens: usage.input_tokens ?? 0,
    outputTokens: usage.output_tokens ?? 0,
    cacheReadTokens: usage.input_tokens_details?.cached_tokens ?? 0,
    cacheWriteTokens: usage.input_tokens_details?.cache_write_tokens ?? 0,
    details: reasoning > 0 ? { reasoning_tokens: reasoning } : {},
  });
}

/** One output item as our parts (reasoning keeps its id and encrypted content for the next turn). */
export function parseOpenAIResponsesOutputItem(item: ResponseOutputItem, providerName: string): ModelResponsePart[] {
  switch (item.type) {
    case 'reasoning': {
      const text = [...item.summary.map((s) => s.text), ...(item.content ?? []).map((c) => c.text)].join('\n\n');
      return [{ partKind: 'thinking', content: text, id: item.id, providerName, ...(item.encrypted_content ? { signature: item.encrypted_content } : {}) }];
    }
    case 'message':
      return item.content.flatMap((c): ModelResponsePart[] => (c.type === 'output_text' ? [{ partKind: 'text', content: c.text, ...(item.id ? { id: item.id } : {}) }] : []));
    case 'function_call':
      return [{ partKind: 'tool-call', toolName: item.name, args: item.arguments, toolCallId: item.call_id }];
    default:
      return [];
  }
}

/** The finish reason and the raw provider details of a response object. */
export function parseOpenAIResponsesFinish(response: Pick<OpenAIResponse, 'status' | 'incomplete_details' | 'output'>): { finishReason: FinishReason | undefined; raw: string | undefined } {
  const incompleteReason = response.incomplete_details?.reason;
  const finishReason = mapOpenAIResponsesFinishReason({ status: response.status, incompleteReason, hasToolCalls: (response.output ?? []).some((i) => i.type === 'function_call') });
  return { finishReason, raw: incompleteReason ?? response.status };
}

/**
 * A `response` object as our response; throws `ModelAPIError` (invalid_response) when the body is not one.
 * @example parseOpenAIResponsesResponse(body, { modelName: 'gpt-5', providerName: 'openai', providerUrl })
 */
export function parseOpenAIResponsesResponse(body: unknown, context: ResponseContext): ModelResponse {
  if (!isJsonObject(body) || !Array.isArray(body['output'])) throw toInvalidResponseError(context, body, 'expected a response object');
  const response = body as unknown as OpenAIResponse;
  const { finishReason, raw } = parseOpenAIResponsesFinish(response);
  return toModelResponse(context, {
    parts: response.output.flatMap((item) => parseOpenAIResponsesOutputItem(item, context.providerName)),
    usage: parseOpenAIResponsesUsage(response.usage),
    modelName: response.model,
    id: response.id,
    finishReason,
    rawFinishReason: raw,
    timestamp: typeof response.created_at === 'number' ? new Date(response.created_at * 1000) : new Date(),
  });
}
