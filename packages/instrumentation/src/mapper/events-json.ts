/** The v1 event list as compact JSON (`event_to_dict` of each event), built from per-message fragments cached by message identity. */
import type { ModelMessage, ModelRequestParameters } from '@hopscope/models';
import { toEventDict, toInstructionsEvents, toMessageOtelEvents } from './events.js';
import { computeInstructions } from './instructions.js';
import { toContentKey, toCachedMessageJson, toJsonArrayFromFragments } from './message-json-cache.js';
import { toJsonText } from './serialize.js';
import type { ContentOptions, OtelEvent } from './types.js';

function toEventsJson(events: readonly OtelEvent[]): string {
  return events.map((event) => toJsonText(toEventDict(event))).join(',');
}

/**
 * `toJsonText([...toOtelEvents(messages, content, o), ...trailing].map(toEventDict))`, the same
 * text, but each message's events are rendered once and reused while the message is unchanged.
 * The cache key holds the message's index and `system`, which the events carry.
 * @example toOtelEventsJson([modelRequest([userPrompt('hi')])], { version: 1, includeContent: true, includeBinaryContent: true })
 * // '[{"content":"hi","role":"user","gen_ai.message.index":0,"event.name":"gen_ai.user.message"}]'
 */
export function toOtelEventsJson(
  messages: readonly ModelMessage[],
  content: ContentOptions,
  o: { parameters?: ModelRequestParameters; system?: string } = {},
  trailing: readonly OtelEvent[] = [],
): string {
  const key = `events|${toContentKey(content)}|${o.system === undefined ? '-' : `=${o.system}`}|`;
  const instructions = toEventsJson(toInstructionsEvents(computeInstructions(messages, o.parameters), content, o.system));
  const fragments = messages.map((message, index) => toCachedMessageJson(message, key + index, (m) => toEventsJson(toMessageOtelEvents(m, index, content, o.system)), undefined));
  return toJsonArrayFromFragments([instructions, ...fragments, toEventsJson(trailing)]);
}
