import type { MockWireAnswer, RecordedSseEvent, ResolvedMockReply } from './types.js';

const FINISH: Record<ResolvedMockReply['finishReason'], string> = { stop: 'stop', length: 'length', tool_call: 'tool_calls', content_filter: 'content_filter' };

function chatUsage(reply: ResolvedMockReply) {
  const u = reply.usage;
  return {
    prompt_tokens: u.inputTokens,
    completion_tokens: u.outputTokens,
    total_tokens: u.inputTokens + u.outputTokens,
    prompt_tokens_details: { cached_tokens: u.cacheReadTokens, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: u.reasoningTokens, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
  };
}

/**
 * A Chat Completions answer in OpenAI's wire format: a `chat.completion` object, or
 * `chat.completion.chunk` events ending in `[DONE]` (plus a usage chunk when asked for).
 * @example convertToOpenAIChatWire(reply, { stream: true, includeUsage: true })
 */
export function convertToOpenAIChatWire(reply: ResolvedMockReply, options: { stream: boolean; includeUsage: boolean }): MockWireAnswer {
  const toolCalls = reply.toolCalls.map((c) => ({ id: c.id, type: 'function', function: { name: c.name, arguments: JSON.stringify(c.args) } }));
  if (!options.stream) {
    const message: Record<string, unknown> = { role: 'assistant', content: reply.text ?? null, refusal: null, annotations: [] };
    if (reply.thinking !== undefined) message['reasoning_content'] = reply.thinking;
    if (toolCalls.length > 0) message['tool_calls'] = toolCalls;
    return {
      kind: 'json',
      body: {
        id: reply.responseId,
        object: 'chat.completion',
        created: reply.created,
        model: reply.model,
        choices: [{ index: 0, message, logprobs: null, finish_reason: FINISH[reply.finishReason] }],
        usage: chatUsage(reply),
        service_tier: 'default',
        system_fingerprint: 'fp_mock',
      },
    };
  }
  const chunk = (delta: Record<string, unknown>, finish: string | null = null): RecordedSseEvent => ({
    data: { id: reply.responseId, object: 'chat.completion.chunk', created: reply.created, model: reply.model, system_fingerprint: 'fp_mock', choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] },
  });
  const events: RecordedSseEvent[] = [chunk({ role: 'assistant', content: '', refusal: null })];
  if (reply.thinking !== undefined) for (const piece of splitText(reply.thinking)) events.push(chunk({ reasoning_content: piece }));
  if (reply.text !== undefined) for (const piece of splitText(reply.text)) events.push(chunk({ content: piece }));
  toolCalls.forEach((call, index) => {
    events.push(chunk({ tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.function.name, arguments: '' } }] }));
    for (const piece of splitText(call.function.arguments)) events.push(chunk({ tool_calls: [{ index, function: { arguments: piece } }] }));
  });
  events.push(chunk({}, FINISH[reply.finishReason]));
  if (options.includeUsage) {
    events.push({ data: { id: reply.responseId, object: 'chat.completion.chunk', created: reply.created, model: reply.model, system_fingerprint: 'fp_mock', choices: [], usage: chatUsage(reply) } });
  }
  events.push({ data: '[DONE]' });
  return { kind: 'sse', events };
}

/** Splits a text into word-sized deltas, the way providers stream it. */
export function splitText(text: string): string[] {
  const pieces = text.match(/\S*\s*/g)?.filter((p) => p !== '') ?? [];
  return pieces.length > 0 ? pieces : [text];
}
