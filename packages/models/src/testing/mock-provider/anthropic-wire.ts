import { splitText } from './openai-chat-wire.js';
import type { MockWireAnswer, RecordedSseEvent, ResolvedMockReply } from './types.js';

const STOP: Record<ResolvedMockReply['finishReason'], string> = { stop: 'end_turn', length: 'max_tokens', tool_call: 'tool_use', content_filter: 'refusal' };

type Block = { type: 'thinking'; thinking: string; signature: string } | { type: 'text'; text: string } | { type: 'tool_use'; id: string; name: string; input: Readonly<Record<string, unknown>> };

function blocks(reply: ResolvedMockReply): Block[] {
  const out: Block[] = [];
  if (reply.thinking !== undefined) out.push({ type: 'thinking', thinking: reply.thinking, signature: `sig_${reply.responseId}` });
  if (reply.text !== undefined) out.push({ type: 'text', text: reply.text });
  for (const c of reply.toolCalls) out.push({ type: 'tool_use', id: c.id, name: c.name, input: c.args });
  return out;
}

/** The reply's `inputTokens` is the whole prompt; Anthropic's `input_tokens` leaves the cached part out. */
function usage(reply: ResolvedMockReply, outputTokens: number) {
  const u = reply.usage;
  return {
    input_tokens: Math.max(0, u.inputTokens - u.cacheWriteTokens - u.cacheReadTokens),
    cache_creation_input_tokens: u.cacheWriteTokens,
    cache_read_input_tokens: u.cacheReadTokens,
    output_tokens: outputTokens,
    ...(u.reasoningTokens > 0 ? { output_tokens_details: { thinking_tokens: u.reasoningTokens } } : {}),
    service_tier: 'standard',
  };
}

/**
 * An Anthropic Messages answer: a `message` object, or the event stream message_start ...
 * content_block_* ... message_delta (stop reason + output usage) ... message_stop.
 * @example convertToAnthropicWire(reply, { stream: true })
 */
export function convertToAnthropicWire(reply: ResolvedMockReply, options: { stream: boolean }): MockWireAnswer {
  const content = blocks(reply);
  const message = { id: reply.responseId, type: 'message', role: 'assistant', model: reply.model, content, stop_reason: STOP[reply.finishReason], stop_sequence: null, usage: usage(reply, reply.usage.outputTokens) };
  if (!options.stream) return { kind: 'json', body: message };
  const events: RecordedSseEvent[] = [];
  const emit = (type: string, fields: Record<string, unknown>) => events.push({ event: type, data: { type, ...fields } });
  emit('message_start', { message: { ...message, content: [], stop_reason: null, usage: usage(reply, 1) } });
  content.forEach((block, index) => {
    if (block.type === 'thinking') {
      emit('content_block_start', { index, content_block: { type: 'thinking', thinking: '', signature: '' } });
      for (const thinking of splitText(block.thinking)) emit('content_block_delta', { index, delta: { type: 'thinking_delta', thinking } });
      emit('content_block_delta', { index, delta: { type: 'signature_delta', signature: block.signature } });
    } else if (block.type === 'text') {
      emit('content_block_start', { index, content_block: { type: 'text', text: '' } });
      if (index === 0) emit('ping', {});
      for (const text of splitText(block.text)) emit('content_block_delta', { index, delta: { type: 'text_delta', text } });
    } else {
      emit('content_block_start', { index, content_block: { type: 'tool_use', id: block.id, name: block.name, input: {} } });
      for (const partial_json of splitText(JSON.stringify(block.input))) emit('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json } });
    }
    emit('content_block_stop', { index });
  });
  emit('message_delta', { delta: { stop_reason: STOP[reply.finishReason], stop_sequence: null }, usage: { output_tokens: reply.usage.outputTokens, ...(reply.usage.reasoningTokens > 0 ? { output_tokens_details: { thinking_tokens: reply.usage.reasoningTokens } } : {}) } });
  emit('message_stop', {});
  return { kind: 'sse', events };
}
