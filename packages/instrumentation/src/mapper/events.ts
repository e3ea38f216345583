/** `messages_to_otel_events` (spec section 5): the version 1 event list, as an attribute or as log records. */
import type { Attributes } from '@opentelemetry/api';
import type { ModelMessage, ModelRequestParameters, ModelResponse } from '@hopscope/models';
import * as A from '../semconv/attributes.js';
import { toAssistantEventBody, toRequestPartEvent } from './event-bodies.js';
import { computeInstructions } from './instructions.js';
import { toSerializableValue } from './serialize.js';
import type { ContentOptions, OtelEvent, OtelLogRecordData } from './types.js';

function toEvent(name: string, body: Record<string, unknown>, content: ContentOptions, index: number | undefined, system: string | undefined): OtelEvent {
  const attributes: Attributes = {
    ...(system !== undefined ? { [A.ATTR_GEN_AI_SYSTEM]: system } : {}),
    ...(index !== undefined ? { [A.ATTR_GEN_AI_MESSAGE_INDEX]: index } : {}),
    [A.ATTR_EVENT_NAME]: name,
  };
  return { name, attributes, body: toSerializableValue(body, content) as Record<string, unknown> };
}

/**
 * A conversation as v1 events: the instructions event (no index) first, then one event per request
 * part and one assistant event per response, each with `gen_ai.message.index`. `system` prepends
 * `gen_ai.system` to every event (chat spans; not the agent-run span).
 * @example toOtelEvents([modelRequest([userPrompt('hi')])], { version: 1, includeContent: true, includeBinaryContent: true })
 * // [{ name: 'gen_ai.user.message', attributes: { 'gen_ai.message.index': 0, 'event.name': 'gen_ai.user.message' }, body: { content: 'hi', role: 'user' } }]
 */
export function toOtelEvents(messages: readonly ModelMessage[], content: ContentOptions, o: { parameters?: ModelRequestParameters; system?: string } = {}): OtelEvent[] {
  const instructions = toInstructionsEvents(computeInstructions(messages, o.parameters), content, o.system);
  return [...instructions, ...messages.flatMap((message, index) => toMessageOtelEvents(message, index, content, o.system))];
}

/** The instructions event (no message index), or none without instructions. @example toInstructionsEvents('Be brief.', content, undefined)[0].name === 'gen_ai.system.message' */
export function toInstructionsEvents(instructions: string | undefined, content: ContentOptions, system: string | undefined): OtelEvent[] {
  if (instructions === undefined) return [];
  const body = { ...(content.includeContent ? { content: instructions } : {}), role: 'system' };
  return [toEvent(A.EVENT_GEN_AI_SYSTEM_MESSAGE, body, content, undefined, system)];
}

/** The events of the message at `index`: one per request part, one assistant event for a response. @example toMessageOtelEvents(modelRequest([userPrompt('hi')]), 0, content, undefined)[0].name === 'gen_ai.user.message' */
export function toMessageOtelEvents(message: ModelMessage, index: number, content: ContentOptions, system: string | undefined): OtelEvent[] {
  if (message.kind === 'response') return [toEvent(A.EVENT_GEN_AI_ASSISTANT_MESSAGE, { ...toAssistantEventBody(message, content) }, content, index, system)];
  return message.parts.map((part) => {
    const { name, body } = toRequestPartEvent(part, content);
    return toEvent(name, body, content, index, system);
  });
}

/** The `gen_ai.choice` event of a response: `{index: 0, message}`, no message index. @example toChoiceEvent(response, content, 'openai').body // { index: 0, message: { role: 'assistant', content: 'Paris' } } */
export function toChoiceEvent(response: ModelResponse, content: ContentOptions, system: string | undefined): OtelEvent {
  return toEvent(A.EVENT_GEN_AI_CHOICE, { index: 0, message: toAssistantEventBody(response, content) }, content, undefined, system);
}

/** `event_to_dict`: body keys, then attribute keys. @example toEventDict(event) // { content: 'hi', role: 'user', 'event.name': 'gen_ai.user.message' } */
export function toEventDict(event: OtelEvent): Record<string, unknown> {
  return { ...event.body, ...event.attributes };
}

/** Events as log records for `eventMode: 'logs'` (body and attributes kept apart). @example toEventLogRecords(events)[0].eventName === 'gen_ai.user.message' */
export function toEventLogRecords(events: readonly OtelEvent[]): OtelLogRecordData[] {
  return events.map((event) => ({ eventName: event.name, body: event.body, attributes: event.attributes }));
}
