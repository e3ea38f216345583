/** Output-function span (spec section 10.2): every exception, deferrals included, is an error in every version. */
import type { Attributes } from '@opentelemetry/api';
import * as A from '../semconv/attributes.js';
import { FEATURES_BY_VERSION, formatSpanName } from '../semconv/versions.js';
import { toBaggageAttributes } from './chat-start.js';
import { toLogfireJsonSchema } from './json-schema.js';
import { toJsonText, toSerializableValue } from './serialize.js';
import type { BaggageIds, ContentOptions, InstrumentationVersion, ToolSpanOutcome } from './types.js';

/** @example toOutputFunctionSpanName('final_result', 3) === 'execute_tool final_result' */
export function toOutputFunctionSpanName(target: string, version: InstrumentationVersion): string {
  return formatSpanName(FEATURES_BY_VERSION[version].outputFunctionSpanName, target);
}

/**
 * Start attributes: `target` is the output tool name, else the function name, else `'output_function'`;
 * `output` is the validated value handed to the function (recorded only with content).
 * @example toOutputFunctionStartAttributes({ target: 'final_result', toolCallId: 'call_9', output: 'Mexico City', baggage: {}, content })
 */
export function toOutputFunctionStartAttributes(o: { target: string; toolCallId?: string; output: unknown; baggage: BaggageIds; content: ContentOptions }): Attributes {
  const { content } = o;
  const hasCallId = Boolean(o.toolCallId);
  return {
    [A.ATTR_GEN_AI_OPERATION_NAME]: A.GEN_AI_OPERATION_EXECUTE_TOOL,
    [A.ATTR_GEN_AI_TOOL_NAME]: o.target,
    ...toBaggageAttributes(o.baggage),
    [A.ATTR_LOGFIRE_MSG]: `running output function: ${o.target}`,
    ...(hasCallId ? { [A.ATTR_GEN_AI_TOOL_CALL_ID]: o.toolCallId } : {}),
    ...(content.includeContent
      ? { [FEATURES_BY_VERSION[content.version].toolArgumentsAttribute]: toJsonText(toSerializableValue(o.output ?? null, content)) }
      : {}),
    [A.ATTR_LOGFIRE_JSON_SCHEMA]: toLogfireJsonSchema({ span: 'tool', version: content.version, includeContent: content.includeContent, hasCallId }),
  };
}

/** Any exception on an output-function span: recorded, ERROR, no extra attributes. @example toOutputFunctionErrorOutcome().setError === true */
export function toOutputFunctionErrorOutcome(): ToolSpanOutcome {
  return { attributes: {}, recordException: true, setError: true };
}
