import { splitText } from './openai-chat-wire.js';
import type { MockWireAnswer, RecordedSseEvent, ResolvedMockReply } from './types.js';

type Item = Record<string, unknown> & { id: string; type: string };

function responsesUsage(reply: ResolvedMockReply) {
  const u = reply.usage;
  return {
    input_tokens: u.inputTokens,
    input_tokens_details: { cached_tokens: u.cacheReadTokens, cache_write_tokens: u.cacheWriteTokens },
    output_tokens: u.outputTokens,
    output_tokens_details: { reasoning_tokens: u.reasoningTokens },
    total_tokens: u.inputTokens + u.outputTokens,
  };
}

function outputItems(reply: ResolvedMockReply): Item[] {
  const items: Item[] = [];
  const n = reply.responseId.replace(/^resp_/, '');
  if (reply.thinking !== undefined) items.push({ id: `rs_${n}`, type: 'reasoning', summary: [{ type: 'summary_text', text: reply.thinking }] });
  if (reply.text !== undefined) {
    items.push({ id: `msg_${n}`, type: 'message', status: 'completed', role: 'assistant', content: [{ type: 'output_text', text: reply.text, annotations: [], logprobs: [] }] });
  }
  reply.toolCalls.forEach((c, i) => items.push({ id: `fc_${n}_${i}`, type: 'function_call', status: 'completed', call_id: c.id, name: c.name, arguments: JSON.stringify(c.args) }));
  return items;
}

function responseObject(reply: ResolvedMockReply, status: 'in_progress' | 'completed' | 'incomplete', output: Item[]) {
  const incomplete = reply.finishReason === 'length' ? 'max_output_tokens' : reply.finishReason === 'content_filter' ? 'content_filter' : undefined;
  return {
    id: reply.responseId,
    object: 'response',
    created_at: reply.created,
    status,
    error: null,
    incomplete_details: status === 'incomplete' && incomplete ? { reason: incomplete } : null,
    instructions: null,
    model: reply.model,
    output,
    parallel_tool_calls: true,
    tool_choice: 'auto',
    tools: [],
    usage: status === 'in_progress' ? null : responsesUsage(reply),
  };
}

/**
 * A Responses API answer: a `response` object, or the `response.*` event stream ending in
 * `response.completed` (or `response.incomplete` for length / content filter).
 * @example convertToOpenAIResponsesWire(reply, { stream: false })
 */
export function convertToOpenAIResponsesWire(reply: ResolvedMockReply, options: { stream: boolean }): MockWireAnswer {
  const items = outputItems(reply);
  const finalStatus = reply.finishReason === 'length' || reply.finishReason === 'content_filter' ? 'incomplete' : 'completed';
  if (!options.stream) return { kind: 'json', body: responseObject(reply, finalStatus, items) };
  const events: RecordedSseEvent[] = [];
  const emit = (type: string, fields: Record<string, unknown>) => events.push({ event: type, data: { type, sequence_number: events.length, ...fields } });
  emit('response.created', { response: responseObject(reply, 'in_progress', []) });
  emit('response.in_progress', { response: responseObject(reply, 'in_progress', []) });
  items.forEach((item, output_index) => {
    const item_id = item.id;
    if (item.type === 'reasoning') {
      const text = (item['summary'] as { text: string }[])[0]!.text;
      emit('response.output_item.added', { output_index, item: { ...item, summary: [] } });
      emit('response.reasoning_summary_part.added', { item_id, output_index, summary_index: 0, part: { type: 'summary_text', text: '' } });
      for (const delta of splitText(text)) emit('response.reasoning_summary_text.delta', { item_id, output_index, summary_index: 0, delta });
      emit('response.reasoning_summary_text.done', { item_id, output_index, summary_index: 0, text });
      emit('response.reasoning_summary_part.done', { item_id, output_index, summary_index: 0, part: { type: 'summary_text', text } });
    } else if (item.type === 'message') {
      const text = (item['content'] as { text: string }[])[0]!.text;
      emit('response.output_item.added', { output_index, item: { ...item, status: 'in_progress', content: [] } });
      emit('response.content_part.added', { item_id, output_index, content_index: 0, part: { type: 'output_text', text: '', annotations: [], logprobs: [] } });
      for (const delta of splitText(text)) emit('response.output_text.delta', { item_id, output_index, content_index: 0, delta, logprobs: [] });
      emit('response.output_text.done', { item_id, output_index, content_index: 0, text, logprobs: [] });
      emit('response.content_part.done', { item_id, output_index, content_index: 0, part: { type: 'output_text', text, annotations: [], logprobs: [] } });
    } else {
      const args = item['arguments'] as string;
      emit('response.output_item.added', { output_index, item: { ...item, status: 'in_progress', arguments: '' } });
      for (const delta of splitText(args)) emit('response.function_call_arguments.delta', { item_id, output_index, delta });
      emit('response.function_call_arguments.done', { item_id, output_index, name: item['name'], arguments: args });
    }
    emit('response.output_item.done', { output_index, item });
  });
  emit(finalStatus === 'completed' ? 'response.completed' : 'response.incomplete', { response: responseObject(reply, finalStatus, items) });
  return { kind: 'sse', events };
}
