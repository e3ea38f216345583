/** Agent-run span (spec section 9): name, start attributes and end attributes. */
import type { Attributes } from '@opentelemetry/api';
import type { ModelMessage, ModelRequestParameters, RunUsage } from '@hopscope/models';
import * as A from '../semconv/attributes.js';
import { FEATURES_BY_VERSION, formatSpanName } from '../semconv/versions.js';
import { toSystemInstructionsAttributes } from './chat-finish.js';
import { toOtelEventsJson } from './events-json.js';
import { toLogfireJsonSchema } from './json-schema.js';
import { toOtelMessagesJson } from './messages-json.js';
import { toJsonText, toSerializableValue } from './serialize.js';
import { toUsageAttributes } from './usage.js';
import type { ContentOptions, InstrumentationVersion } from './types.js';

/** @example toAgentRunSpanName('support', 3) === 'invoke_agent support' */
export function toAgentRunSpanName(agentName: string, version: InstrumentationVersion): string {
  return formatSpanName(FEATURES_BY_VERSION[version].agentRunSpanName, agentName);
}

/**
 * Start attributes of the agent-run span; missing ids are `''` and a missing model is `'no-model'`.
 * @example toAgentRunStartAttributes({ agentName: 'agent', modelName: 'gpt-4o', agentCallId: 'run-1', conversationId: 'conv-1' })
 */
export function toAgentRunStartAttributes(o: { agentName: string; modelName?: string; agentCallId?: string; conversationId?: string; description?: string }): Attributes {
  return {
    [A.ATTR_MODEL_NAME]: o.modelName ?? 'no-model',
    [A.ATTR_AGENT_NAME]: o.agentName,
    [A.ATTR_GEN_AI_AGENT_NAME]: o.agentName,
    [A.ATTR_GEN_AI_AGENT_CALL_ID]: o.agentCallId ?? '',
    [A.ATTR_GEN_AI_CONVERSATION_ID]: o.conversationId ?? '',
    [A.ATTR_GEN_AI_OPERATION_NAME]: A.GEN_AI_OPERATION_INVOKE_AGENT,
    [A.ATTR_LOGFIRE_MSG]: `${o.agentName} run`,
    ...(o.description ? { [A.ATTR_GEN_AI_AGENT_DESCRIPTION]: o.description } : {}),
  };
}

/** `final_result`: a string as is, anything else as compact JSON; only with content. @example toFinalResultAttributes({ a: 1 }, content) // { final_result: '{"a":1}' } */
export function toFinalResultAttributes(finalResult: unknown, content: ContentOptions): Attributes {
  if (!content.includeContent || finalResult === undefined) return {};
  const value = typeof finalResult === 'string' ? finalResult : toJsonText(toSerializableValue(finalResult, content));
  return { [A.ATTR_FINAL_RESULT]: value };
}

export interface AgentRunEndInput {
  readonly usage: RunUsage;
  readonly allMessages: readonly ModelMessage[];
  /** The output; set only when the run succeeded. */
  readonly finalResult?: unknown;
  readonly succeeded: boolean;
  readonly metadata?: unknown;
  readonly newMessageIndex: number;
  /** Instructions of the last request, computed with its prepared parameters. */
  readonly instructions: string | undefined;
  readonly variableInstructions: boolean;
  readonly aggregatedUsage: boolean;
  readonly content: ContentOptions;
  /** The last request's prepared parameters: their tools' code-argument hints go on the conversation's tool calls, as on the chat span. */
  readonly parameters?: ModelRequestParameters | undefined;
}

function toRunMessageAttributes(o: AgentRunEndInput): Attributes {
  const { content } = o;
  const row = FEATURES_BY_VERSION[content.version];
  const attributes: Attributes =
    row.messageFormat === 'events'
      ? { [row.agentMessagesAttribute]: toOtelEventsJson(o.allMessages, content) }
      : {
          [row.agentMessagesAttribute]: toOtelMessagesJson(o.allMessages, content, o.parameters === undefined ? {} : { parameters: o.parameters }),
          ...toSystemInstructionsAttributes(o.instructions, content),
          ...(o.newMessageIndex > 0 ? { [A.ATTR_PYDANTIC_AI_NEW_MESSAGE_INDEX]: o.newMessageIndex } : {}),
          ...(o.variableInstructions ? { [A.ATTR_PYDANTIC_AI_VARIABLE_INSTRUCTIONS]: true } : {}),
        };
  if (o.metadata !== undefined && o.metadata !== null) attributes[A.ATTR_METADATA] = toJsonText(toSerializableValue(o.metadata, content));
  return attributes;
}

/**
 * End attributes of the agent-run span (also on failure): `final_result` (success only), usage
 * (optionally aggregated names), the conversation, metadata, and `logfire.json_schema`.
 * @example toAgentRunEndAttributes({ usage, allMessages, finalResult: 'Paris', succeeded: true, newMessageIndex: 0, instructions: undefined, variableInstructions: false, aggregatedUsage: false, content })
 */
export function toAgentRunEndAttributes(o: AgentRunEndInput): Attributes {
  const messages = toRunMessageAttributes(o);
  return {
    ...(o.succeeded ? toFinalResultAttributes(o.finalResult, o.content) : {}),
    ...toUsageAttributes(o.usage, { aggregated: o.aggregatedUsage }),
    ...messages,
    [A.ATTR_LOGFIRE_JSON_SCHEMA]: toLogfireJsonSchema({ span: 'agent-run', attributes: messages }),
  };
}
