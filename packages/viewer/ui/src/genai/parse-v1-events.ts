import type { LogRecordEntry, SpanEvent } from '../../../src/shared/api-types.js';
import type { ChatMessage, ChatPart, Conversation, ConversationSource } from './chat-types.js';
import { ATTR_EVENT_NAME } from './attribute-names.js';
import { parseMessagePart } from './parse-part.js';
import { asArray, asNumber, asRecord, asString, compareDecimalStrings, parseJsonText } from './read-value.js';

/** A v1 event flattened the way the `events` attribute stores it: `{...body, ...attributes}`. */
export type V1EventRecord = Record<string, unknown>;

/** Where a list of GenAI events was read from. */
export type EventSource = Extract<ConversationSource, 'v1-events' | 'log-events' | 'span-events'>;

function contentParts(content: unknown): ChatPart[] {
  if (content === undefined) return [{ kind: 'text', content: null }];
  if (typeof content === 'string') return [{ kind: 'text', content }];
  if (Array.isArray(content)) return content.map(parseMessagePart);
  return [parseMessagePart(content)];
}

function assistantParts(body: Record<string, unknown>): ChatPart[] {
  const parts: ChatPart[] = 'content' in body ? contentParts(body['content']) : [];
  for (const call of asArray(body['tool_calls']) ?? []) {
    const callRecord = asRecord(call) ?? {};
    const fn = asRecord(callRecord['function']) ?? {};
    parts.push({
      kind: 'tool-call',
      id: asString(callRecord['id']) ?? null,
      name: asString(fn['name']) ?? '(unnamed tool)',
      arguments: parseJsonText(fn['arguments']),
      builtin: false,
    });
  }
  return parts;
}

function toMessage(event: V1EventRecord): { message: ChatMessage; index: number | undefined; output: boolean; instructions: boolean } | null {
  const name = asString(event[ATTR_EVENT_NAME]) ?? '';
  const index = asNumber(event['gen_ai.message.index']);
  switch (name) {
    case 'gen_ai.system.message':
      return { message: { role: 'system', parts: contentParts(event['content']) }, index, output: false, instructions: index === undefined };
    case 'gen_ai.user.message':
      return { message: { role: 'user', parts: contentParts(event['content']) }, index, output: false, instructions: false };
    case 'gen_ai.tool.message': {
      const part: ChatPart = {
        kind: 'tool-return',
        id: asString(event['id']) ?? null,
        name: asString(event['name']) ?? '(tool)',
        result: parseJsonText(event['content']),
        builtin: false,
      };
      return { message: { role: 'tool', parts: [part] }, index, output: false, instructions: false };
    }
    case 'gen_ai.assistant.message':
      return { message: { role: 'assistant', parts: assistantParts(event) }, index, output: false, instructions: false };
    case 'gen_ai.choice': {
      const body = asRecord(parseJsonText(event['message'])) ?? {};
      const finishReason = asString(event['finish_reason']);
      const message: ChatMessage = { role: 'assistant', parts: assistantParts(body), ...(finishReason ? { finishReason } : {}) };
      return { message, index, output: true, instructions: false };
    }
    default:
      return null;
  }
}

/**
 * The v1 event list (from the `events` span attribute, or from log records turned into the same
 * flattened records) to a conversation. Consecutive events of one message index and role merge.
 *
 * @example
 * parseV1Events([{ 'event.name': 'gen_ai.user.message', role: 'user', content: 'hi', 'gen_ai.message.index': 0 }], 'v1-events');
 */
export function parseV1Events(events: readonly V1EventRecord[], source: EventSource): Conversation {
  const systemInstructions: ChatPart[] = [];
  const input: ChatMessage[] = [];
  const output: ChatMessage[] = [];
  let lastIndex: number | undefined;
  for (const event of events) {
    const read = toMessage(event);
    if (!read) continue;
    if (read.instructions) {
      systemInstructions.push(...read.message.parts);
      continue;
    }
    const target = read.output ? output : input;
    const previous = target[target.length - 1];
    if (!read.output && previous && read.index !== undefined && read.index === lastIndex && previous.role === read.message.role) {
      target[target.length - 1] = { ...previous, parts: [...previous.parts, ...read.message.parts] };
    } else {
      target.push(read.message);
    }
    lastIndex = read.index;
  }
  return { source, systemInstructions, input, output };
}

/**
 * The `events` attribute (JSON text or structured list) to flattened event records.
 *
 * @example
 * parseV1EventsAttribute('[{"event.name":"gen_ai.user.message","content":"hi"}]').length; // 1
 */
export function parseV1EventsAttribute(value: unknown): V1EventRecord[] {
  return (asArray(value) ?? []).map((item) => asRecord(item) ?? {});
}

/** Time-ordered items to flattened event records, keeping the GenAI events only. */
function toGenAiEventRecords<T extends { readonly timeUnixNano: string }>(items: readonly T[], toRecord: (item: T) => V1EventRecord): V1EventRecord[] {
  return [...items]
    .sort((a, b) => compareDecimalStrings(a.timeUnixNano, b.timeUnixNano))
    .map(toRecord)
    .filter((record) => String(record[ATTR_EVENT_NAME]).startsWith('gen_ai.'));
}

/**
 * Log records of one span (v1 `event_mode: 'logs'`, other SDKs' GenAI events) to flattened event
 * records, in time order. Log records that are not GenAI events are left out.
 *
 * @example
 * parseV1LogRecords(detail.logs.filter((log) => log.spanId === span.spanId));
 */
export function parseV1LogRecords(logs: readonly LogRecordEntry[]): V1EventRecord[] {
  return toGenAiEventRecords(logs, (log) => {
    const body = parseJsonText(log.body);
    const record: V1EventRecord = { ...(asRecord(body) ?? (body === undefined || body === null ? {} : { content: body })), ...log.attributes };
    const name = asString(log.attributes[ATTR_EVENT_NAME]) ?? log.eventName;
    return { ...record, [ATTR_EVENT_NAME]: name };
  });
}

/**
 * A span's own events (semconv `gen_ai.user.message`, `gen_ai.choice`, ... and the deprecated
 * `gen_ai.content.prompt` / `gen_ai.content.completion`, their body fields as event attributes)
 * to flattened event records, in time order. Events that are not GenAI events are left out.
 *
 * @example
 * parseSpanEventRecords(span.events);
 */
export function parseSpanEventRecords(events: readonly SpanEvent[]): V1EventRecord[] {
  return toGenAiEventRecords(events, (event) => ({ ...event.attributes, [ATTR_EVENT_NAME]: event.name }));
}
