/** Function-tool span (spec section 10.1): name, start attributes and result attributes. */
import type { Attributes } from '@opentelemetry/api';
import type { ToolCallPart } from '@hopscope/models';
import * as A from '../semconv/attributes.js';
import { FEATURES_BY_VERSION, formatSpanName } from '../semconv/versions.js';
import { toBaggageAttributes } from './chat-start.js';
import { toLogfireJsonSchema } from './json-schema.js';
import { toToolCallArguments } from './response-parts.js';
import { toJsonText, toSerializableValue } from './serialize.js';
import type { BaggageIds, ContentOptions, InstrumentationVersion } from './types.js';

/** @example toToolSpanName('get_weather', 2) === 'running tool' */
export function toToolSpanName(toolName: string, version: InstrumentationVersion): string {
  return formatSpanName(FEATURES_BY_VERSION[version].toolSpanName, toolName);
}

/** `args_as_json_str`: `'{}'` when empty, the model's raw string verbatim, else compact JSON. @example toToolArgumentsText({ city: 'Paris' }, content) === '{"city":"Paris"}' */
export function toToolArgumentsText(args: ToolCallPart['args'], content: ContentOptions): string {
  if (args === undefined || args === '') return '{}';
  return typeof args === 'string' ? args : toJsonText(toToolCallArguments(args, content));
}

/**
 * Start attributes of a tool span; the arguments only with content.
 * @example toToolStartAttributes({ call: toolCallPart('get_weather', { city: 'Paris' }, 'call_1'), baggage: {}, content })
 */
export function toToolStartAttributes(o: { call: Pick<ToolCallPart, 'toolName' | 'toolCallId' | 'args'>; baggage: BaggageIds; content: ContentOptions }): Attributes {
  const { content } = o;
  const row = FEATURES_BY_VERSION[content.version];
  return {
    [A.ATTR_GEN_AI_OPERATION_NAME]: A.GEN_AI_OPERATION_EXECUTE_TOOL,
    [A.ATTR_GEN_AI_TOOL_NAME]: o.call.toolName,
    [A.ATTR_GEN_AI_TOOL_CALL_ID]: o.call.toolCallId,
    ...(content.includeContent ? { [row.toolArgumentsAttribute]: toToolArgumentsText(o.call.args, content) } : {}),
    ...toBaggageAttributes(o.baggage),
    [A.ATTR_LOGFIRE_MSG]: `running tool: ${o.call.toolName}`,
    [A.ATTR_LOGFIRE_JSON_SCHEMA]: toLogfireJsonSchema({ span: 'tool', version: content.version, includeContent: content.includeContent }),
  };
}

/** A tool or output-function result: a string as is, anything else as compact JSON (binary per options). @example toToolResultText([1], content) === '[1]' */
export function toToolResultText(result: unknown, content: ContentOptions): string {
  return typeof result === 'string' ? result : toJsonText(toSerializableValue(result ?? null, content));
}

/**
 * The result attribute of a successful tool call (only with content).
 * @example toToolResultAttributes({ tempC: 21 }, { version: 5, includeContent: true, includeBinaryContent: true })
 * // { 'gen_ai.tool.call.result': '{"tempC":21}' }
 */
export function toToolResultAttributes(result: unknown, content: ContentOptions): Attributes {
  if (!content.includeContent) return {};
  return { [FEATURES_BY_VERSION[content.version].toolResultAttribute]: toToolResultText(result, content) };
}

/**
 * The result attribute when the tool asked the model to retry: the retry prompt text (only with content).
 * @example toToolRetryAttributes('Tool error\n\nFix the errors and try again.', content)
 */
export function toToolRetryAttributes(retryPromptText: string, content: ContentOptions): Attributes {
  return content.includeContent ? { [FEATURES_BY_VERSION[content.version].toolResultAttribute]: retryPromptText } : {};
}
