/** Chat span finish attributes (spec sections 2.2, 3 and 5.2): message attributes, then response attributes. */
import type { Attributes } from '@opentelemetry/api';
import type { ModelMessage, ModelRequestParameters, ModelResponse } from '@hopscope/models';
import * as A from '../semconv/attributes.js';
import { FEATURES_BY_VERSION } from '../semconv/versions.js';
import { toChoiceEvent, toEventLogRecords, toOtelEvents } from './events.js';
import { toOtelEventsJson } from './events-json.js';
import { computeInstructions } from './instructions.js';
import { toLogfireJsonSchema } from './json-schema.js';
import { toResponseMessage, toToolCodeArgs } from './messages.js';
import { toOtelMessagesJson } from './messages-json.js';
import { toJsonText } from './serialize.js';
import { toUsageAttributes } from './usage.js';
import type { ContentOptions, OtelLogRecordData } from './types.js';

export interface ChatFinishInput {
  readonly response: ModelResponse;
  readonly inputMessages: readonly ModelMessage[];
  readonly parameters: ModelRequestParameters | undefined;
  /** `gen_ai.request.model` as the span holds it (after a fallback's override). */
  readonly requestModel: string;
  /** `gen_ai.system` as the span holds it. */
  readonly system: string;
  readonly costUsd: number | undefined;
  readonly content: ContentOptions;
  readonly eventMode: 'attributes' | 'logs';
}

/** `gen_ai.system_instructions` when there are instructions and content may be recorded. @example toSystemInstructionsAttributes('Be brief.', content) // { 'gen_ai.system_instructions': '[{"type":"text","content":"Be brief."}]' } */
export function toSystemInstructionsAttributes(instructions: string | undefined, content: ContentOptions): Attributes {
  if (!instructions || !content.includeContent) return {};
  return { [A.ATTR_GEN_AI_SYSTEM_INSTRUCTIONS]: toSystemInstructionsJson(instructions) };
}

/** The last instructions and their JSON: an agent sends the same instructions with every request. */
let lastInstructions: { readonly text: string; readonly json: string } | undefined;

function toSystemInstructionsJson(instructions: string): string {
  if (lastInstructions?.text !== instructions) lastInstructions = { text: instructions, json: toJsonText([{ type: 'text', content: instructions }]) };
  return lastInstructions.json;
}

function toMessageAttributes(o: ChatFinishInput): { attributes: Attributes; logRecords: OtelLogRecordData[] } {
  const { content } = o;
  if (FEATURES_BY_VERSION[content.version].messageFormat === 'events') {
    const options = { system: o.system, ...(o.parameters !== undefined ? { parameters: o.parameters } : {}) };
    const choice = toChoiceEvent(o.response, content, o.system);
    if (o.eventMode === 'logs') return { attributes: {}, logRecords: toEventLogRecords([...toOtelEvents(o.inputMessages, content, options), choice]) };
    const attributes = { [A.ATTR_EVENTS]: toOtelEventsJson(o.inputMessages, content, options, [choice]), [A.ATTR_LOGFIRE_JSON_SCHEMA]: toLogfireJsonSchema({ span: 'chat-events' }) };
    return { attributes, logRecords: [] };
  }
  const instructions = toSystemInstructionsAttributes(computeInstructions(o.inputMessages, o.parameters), content);
  const attributes = {
    [A.ATTR_GEN_AI_INPUT_MESSAGES]: toOtelMessagesJson(o.inputMessages, content, o.parameters !== undefined ? { parameters: o.parameters } : {}),
    [A.ATTR_GEN_AI_OUTPUT_MESSAGES]: toJsonText([toResponseMessage(o.response, content, toToolCodeArgs(o.parameters))]),
    ...instructions,
    [A.ATTR_LOGFIRE_JSON_SCHEMA]: toLogfireJsonSchema({ span: 'chat-messages', hasSystemInstructions: Object.keys(instructions).length > 0 }),
  };
  return { attributes, logRecords: [] };
}

/**
 * Everything set on a chat span when its response is known: message attributes (or v1 log records),
 * usage, `gen_ai.response.model` (always), `operation.cost`, `gen_ai.response.id`, `gen_ai.response.finish_reasons`.
 * @example toChatFinishAttributes({ response, inputMessages, parameters, requestModel: 'gpt-4o', system: 'openai', costUsd: undefined, content, eventMode: 'attributes' })
 */
export function toChatFinishAttributes(o: ChatFinishInput): { attributes: Attributes; logRecords: OtelLogRecordData[] } {
  const messages = toMessageAttributes(o);
  const { response } = o;
  const attributes: Attributes = {
    ...messages.attributes,
    ...toUsageAttributes(response.usage),
    [A.ATTR_GEN_AI_RESPONSE_MODEL]: response.modelName || o.requestModel,
    ...(o.costUsd !== undefined ? { [A.ATTR_OPERATION_COST]: o.costUsd } : {}),
    ...(response.providerResponseId !== undefined ? { [A.ATTR_GEN_AI_RESPONSE_ID]: response.providerResponseId } : {}),
    ...(response.finishReason !== undefined ? { [A.ATTR_GEN_AI_RESPONSE_FINISH_REASONS]: [response.finishReason] } : {}),
  };
  return { attributes, logRecords: messages.logRecords };
}
