import type { ChatMessage, ChatPart } from './chat-types.js';
import {
  ATTR_ALL_MESSAGES_EVENTS,
  ATTR_FINAL_RESULT,
  ATTR_GEN_AI_SYSTEM_INSTRUCTIONS,
  ATTR_GEN_AI_TOOL_CALL_ARGUMENTS,
  ATTR_GEN_AI_TOOL_CALL_ID,
  ATTR_GEN_AI_TOOL_CALL_RESULT,
  ATTR_GEN_AI_TOOL_NAME,
  ATTR_PYDANTIC_AI_ALL_MESSAGES,
  ATTR_TOOL_ARGUMENTS,
  ATTR_TOOL_RESPONSE,
} from './attribute-names.js';
import { parseOtelMessages, parseSystemInstructions } from './parse-messages.js';
import { parseV1Events, parseV1EventsAttribute } from './parse-v1-events.js';
import { asString, parseJsonText } from './read-value.js';

export interface AgentRunView {
  readonly systemInstructions: readonly ChatPart[];
  readonly messages: readonly ChatMessage[];
  /** The run's output (parsed JSON when it was JSON), undefined when absent or not captured. */
  readonly finalResult: unknown;
}

/**
 * An agent-run span's messages: `pydantic_ai.all_messages` (v2+) or `all_messages_events` (v1),
 * plus `gen_ai.system_instructions` and `final_result`. Null when the span carries none of them.
 *
 * @example
 * parseAgentRun(span.attributes)?.messages.length;
 */
export function parseAgentRun(attributes: Record<string, unknown>): AgentRunView | null {
  const finalResult = parseJsonText(attributes[ATTR_FINAL_RESULT]);
  const systemInstructions = parseSystemInstructions(attributes[ATTR_GEN_AI_SYSTEM_INSTRUCTIONS]);
  const messages = parseOtelMessages(attributes[ATTR_PYDANTIC_AI_ALL_MESSAGES]);
  if (messages) return { systemInstructions, messages, finalResult };
  if (attributes[ATTR_ALL_MESSAGES_EVENTS] !== undefined) {
    const conversation = parseV1Events(parseV1EventsAttribute(attributes[ATTR_ALL_MESSAGES_EVENTS]), 'v1-events');
    return {
      systemInstructions: [...systemInstructions, ...conversation.systemInstructions],
      messages: [...conversation.input, ...conversation.output],
      finalResult,
    };
  }
  if (finalResult !== undefined || systemInstructions.length > 0) return { systemInstructions, messages: [], finalResult };
  return null;
}

export interface ToolCallView {
  readonly name: string;
  readonly callId: string | null;
  /** undefined when not captured. */
  readonly arguments: unknown;
  readonly result: unknown;
}

/**
 * A tool span's call: v3+ `gen_ai.tool.call.arguments` / `.result` or v1/v2 `tool_arguments` /
 * `tool_response`. Null when the span is not a tool call.
 *
 * @example
 * parseToolCall({ 'gen_ai.tool.name': 'weather', tool_arguments: '{"city":"Paris"}' })?.arguments; // { city: 'Paris' }
 */
export function parseToolCall(attributes: Record<string, unknown>): ToolCallView | null {
  const name = asString(attributes[ATTR_GEN_AI_TOOL_NAME]);
  if (name === undefined) return null;
  return {
    name,
    callId: asString(attributes[ATTR_GEN_AI_TOOL_CALL_ID]) ?? null,
    arguments: parseJsonText(attributes[ATTR_GEN_AI_TOOL_CALL_ARGUMENTS] ?? attributes[ATTR_TOOL_ARGUMENTS]),
    result: parseJsonText(attributes[ATTR_GEN_AI_TOOL_CALL_RESULT] ?? attributes[ATTR_TOOL_RESPONSE]),
  };
}
