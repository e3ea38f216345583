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
import { toOtelMessagesJsonWithCodeArgs } from './messages-json.js';
import { toJsonText } from './serialize.js';
import { writeUsageAttributes } from './usage.js';
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

/**
 * Writes the message attributes into `out`, or returns the v1 log records in `logs` mode.
 * Written field by field into one object: this runs on every chat span.
 */
function writeMessageAttributes(out: Attributes, o: ChatFinishInput): OtelLogRecordData[] {
  const { content } = o;
  if (FEATURES_BY_VERSION[content.version].messageFormat === 'events') {
    const options = { system: o.system, ...(o.parameters !== undefined ? { parameters: o.parameters } : {}) };
    const choice = toChoiceEvent(o.response, content, o.system);
    if (o.eventMode === 'logs') return toEventLogRecords([...toOtelEvents(o.inputMessages, content, options), choice]);
    out[A.ATTR_EVENTS] = toOtelEventsJson(o.inputMessages, content, options, [choice]);
    out[A.ATTR_LOGFIRE_JSON_SCHEMA] = toLogfireJsonSchema({ span: 'chat-events' });
    return [];
  }
  const instructions = computeInstructions(o.inputMessages, o.parameters);
  const codeArgs = toToolCodeArgs(o.parameters);
  out[A.ATTR_GEN_AI_INPUT_MESSAGES] = toOtelMessagesJsonWithCodeArgs(o.inputMessages, content, codeArgs);
  out[A.ATTR_GEN_AI_OUTPUT_MESSAGES] = toJsonText([toResponseMessage(o.response, content, codeArgs)]);
  const hasSystemInstructions = Boolean(instructions) && content.includeContent;
  if (hasSystemInstructions) out[A.ATTR_GEN_AI_SYSTEM_INSTRUCTIONS] = toSystemInstructionsJson(instructions!);
  out[A.ATTR_LOGFIRE_JSON_SCHEMA] = toLogfireJsonSchema({ span: 'chat-messages', hasSystemInstructions });
  return [];
}

/**
 * Everything set on a chat span when its response is known: message attributes (or v1 log records),
 * usage, `gen_ai.response.model` (always), `operation.cost`, `gen_ai.response.id`, `gen_ai.response.finish_reasons`.
 * @example toChatFinishAttributes({ response, inputMessages, parameters, requestModel: 'gpt-4o', system: 'openai', costUsd: undefined, content, eventMode: 'attributes' })
 */
export function toChatFinishAttributes(o: ChatFinishInput): { attributes: Attributes; logRecords: OtelLogRecordData[] } {
  const attributes: Attributes = {};
  const logRecords = writeMessageAttributes(attributes, o);
  const { response } = o;
  writeUsageAttributes(attributes, response.usage);
  attributes[A.ATTR_GEN_AI_RESPONSE_MODEL] = response.modelName || o.requestModel;
  if (o.costUsd !== undefined) attributes[A.ATTR_OPERATION_COST] = o.costUsd;
  if (response.providerResponseId !== undefined) attributes[A.ATTR_GEN_AI_RESPONSE_ID] = response.providerResponseId;
  if (response.finishReason !== undefined) attributes[A.ATTR_GEN_AI_RESPONSE_FINISH_REASONS] = [response.finishReason];
  return { attributes, logRecords };
}
