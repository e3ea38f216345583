import type { LogRecordEntry, SpanEvent } from '../../../src/shared/api-types.js';
import type { Conversation } from './chat-types.js';
import {
  ATTR_EVENTS,
  ATTR_GEN_AI_COMPLETION,
  ATTR_GEN_AI_INPUT_MESSAGES,
  ATTR_GEN_AI_OUTPUT_MESSAGES,
  ATTR_GEN_AI_PROMPT,
  ATTR_GEN_AI_SYSTEM_INSTRUCTIONS,
} from './attribute-names.js';
import { parseLegacyPrompt } from './parse-legacy-prompt.js';
import { parseOtelMessages, parseSystemInstructions } from './parse-messages.js';
import { parseSpanEventRecords, parseV1Events, parseV1EventsAttribute, parseV1LogRecords, type EventSource, type V1EventRecord } from './parse-v1-events.js';

export interface ParseConversationOptions {
  readonly attributes: Record<string, unknown>;
  /** Log records joined to this span (v1 `event_mode: 'logs'`, other SDKs' events). */
  readonly logs?: readonly LogRecordEntry[];
  /** The span's own events (semconv GenAI events, deprecated `gen_ai.content.*` events). */
  readonly events?: readonly SpanEvent[];
}

function hasMessages(conversation: Conversation | null): conversation is Conversation {
  return conversation !== null && (conversation.systemInstructions.length > 0 || conversation.input.length > 0 || conversation.output.length > 0);
}

/** `gen_ai.input.messages` / `gen_ai.output.messages` / `gen_ai.system_instructions` of a span or an event; null when none is there. */
function parseMessageAttributes(attributes: Record<string, unknown>, source: Conversation['source']): Conversation | null {
  const input = parseOtelMessages(attributes[ATTR_GEN_AI_INPUT_MESSAGES]);
  const output = parseOtelMessages(attributes[ATTR_GEN_AI_OUTPUT_MESSAGES]);
  const instructions = parseSystemInstructions(attributes[ATTR_GEN_AI_SYSTEM_INSTRUCTIONS]);
  if (!input && !output && instructions.length === 0) return null;
  return { source, systemInstructions: instructions, input: input ?? [], output: output ?? [] };
}

/**
 * A list of GenAI events to a conversation: the last event carrying message attributes (semconv
 * `gen_ai.client.inference.operation.details`), else one event per message (v1, semconv 1.28+
 * `gen_ai.user.message` ... `gen_ai.choice`), else the deprecated `gen_ai.content.prompt` /
 * `gen_ai.content.completion`. Null when the events hold no message.
 */
function parseEventList(records: readonly V1EventRecord[], source: EventSource): Conversation | null {
  for (let i = records.length - 1; i >= 0; i -= 1) {
    const details = parseMessageAttributes(records[i]!, source);
    if (details) return details;
  }
  const perMessage = parseV1Events(records, source);
  if (hasMessages(perMessage)) return perMessage;
  const prompt = records.findLast((record) => record[ATTR_GEN_AI_PROMPT] !== undefined)?.[ATTR_GEN_AI_PROMPT];
  const completion = records.findLast((record) => record[ATTR_GEN_AI_COMPLETION] !== undefined)?.[ATTR_GEN_AI_COMPLETION];
  const legacy = parseLegacyPrompt({ [ATTR_GEN_AI_PROMPT]: prompt, [ATTR_GEN_AI_COMPLETION]: completion });
  return legacy ? { ...legacy, source } : null;
}

/**
 * The conversation of one chat span in whichever format it carries, tried in this order: v2-v5
 * message attributes, the v1 `events` attribute, GenAI events as log records, GenAI events on the
 * span, the deprecated `gen_ai.prompt` / `gen_ai.completion` attributes. A source that yields no
 * message never hides the next one. Null when the span carries no conversation.
 *
 * @example
 * parseSpanConversation({ attributes: span.attributes, logs: logsOfSpan, events: span.events });
 */
export function parseSpanConversation(options: ParseConversationOptions): Conversation | null {
  const { attributes } = options;
  const sources: Array<() => Conversation | null> = [
    () => parseMessageAttributes(attributes, 'messages'),
    () => (attributes[ATTR_EVENTS] === undefined ? null : parseEventList(parseV1EventsAttribute(attributes[ATTR_EVENTS]), 'v1-events')),
    () => parseEventList(parseV1LogRecords(options.logs ?? []), 'log-events'),
    () => parseEventList(parseSpanEventRecords(options.events ?? []), 'span-events'),
    () => parseLegacyPrompt(attributes),
  ];
  for (const source of sources) {
    const conversation = source();
    if (hasMessages(conversation)) return conversation;
  }
  return null;
}
