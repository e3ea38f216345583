import type { LogRecordEntry } from '../../../src/shared/api-types.js';
import type { Conversation } from './chat-types.js';
import {
  ATTR_EVENTS,
  ATTR_GEN_AI_INPUT_MESSAGES,
  ATTR_GEN_AI_OUTPUT_MESSAGES,
  ATTR_GEN_AI_SYSTEM_INSTRUCTIONS,
} from './attribute-names.js';
import { parseLegacyPrompt } from './parse-legacy-prompt.js';
import { parseOtelMessages, parseSystemInstructions } from './parse-messages.js';
import { parseV1Events, parseV1EventsAttribute, parseV1LogRecords } from './parse-v1-events.js';

export interface ParseConversationOptions {
  readonly attributes: Record<string, unknown>;
  /** Log records joined to this span (v1 `event_mode: 'logs'`, other SDKs' events). */
  readonly logs?: readonly LogRecordEntry[];
}

/**
 * The conversation of one chat span in whichever format it carries, tried in this order:
 * v2-v5 message attributes, the v1 `events` attribute, v1 events as log records, the deprecated
 * `gen_ai.prompt` / `gen_ai.completion`. Null when the span carries no conversation.
 *
 * @example
 * parseSpanConversation({ attributes: span.attributes, logs: logsOfSpan });
 */
export function parseSpanConversation(options: ParseConversationOptions): Conversation | null {
  const { attributes } = options;
  const input = parseOtelMessages(attributes[ATTR_GEN_AI_INPUT_MESSAGES]);
  const output = parseOtelMessages(attributes[ATTR_GEN_AI_OUTPUT_MESSAGES]);
  const instructions = parseSystemInstructions(attributes[ATTR_GEN_AI_SYSTEM_INSTRUCTIONS]);
  if (input || output || instructions.length > 0) {
    return { source: 'messages', systemInstructions: instructions, input: input ?? [], output: output ?? [] };
  }
  if (attributes[ATTR_EVENTS] !== undefined) {
    const events = parseV1EventsAttribute(attributes[ATTR_EVENTS]);
    if (events.length > 0) return parseV1Events(events, 'v1-events');
  }
  const logEvents = parseV1LogRecords(options.logs ?? []);
  if (logEvents.length > 0) return parseV1Events(logEvents, 'v1-logs');
  return parseLegacyPrompt(attributes);
}
