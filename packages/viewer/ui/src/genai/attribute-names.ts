/**
 * The GenAI attribute names the viewer reads. Unstable semconv names live here in one place, to be
 * swapped for `@hopscope/instrumentation/semconv` once that dependency-free subpath exists.
 *
 * @example
 * const model = span.attributes[ATTR_GEN_AI_REQUEST_MODEL];
 */
export const ATTR_GEN_AI_OPERATION_NAME = 'gen_ai.operation.name';
export const ATTR_GEN_AI_PROVIDER_NAME = 'gen_ai.provider.name';
export const ATTR_GEN_AI_SYSTEM = 'gen_ai.system';
export const ATTR_GEN_AI_REQUEST_MODEL = 'gen_ai.request.model';
export const ATTR_GEN_AI_RESPONSE_MODEL = 'gen_ai.response.model';
export const ATTR_GEN_AI_RESPONSE_FINISH_REASONS = 'gen_ai.response.finish_reasons';
export const ATTR_GEN_AI_INPUT_MESSAGES = 'gen_ai.input.messages';
export const ATTR_GEN_AI_OUTPUT_MESSAGES = 'gen_ai.output.messages';
export const ATTR_GEN_AI_SYSTEM_INSTRUCTIONS = 'gen_ai.system_instructions';
export const ATTR_GEN_AI_PROMPT = 'gen_ai.prompt';
export const ATTR_GEN_AI_COMPLETION = 'gen_ai.completion';
export const ATTR_GEN_AI_TOOL_NAME = 'gen_ai.tool.name';
export const ATTR_GEN_AI_TOOL_CALL_ID = 'gen_ai.tool.call.id';
export const ATTR_GEN_AI_TOOL_CALL_ARGUMENTS = 'gen_ai.tool.call.arguments';
export const ATTR_GEN_AI_TOOL_CALL_RESULT = 'gen_ai.tool.call.result';
export const ATTR_GEN_AI_AGENT_NAME = 'gen_ai.agent.name';
// Token usage spellings: src/shared/usage-attributes.ts (shared with the server's totals).
export const ATTR_OPERATION_COST = 'operation.cost';
export const ATTR_SERVICE_NAME = 'service.name';
/** Logfire's message template: on a chat span, the name it had at its start (`chat fallback:a,b` before a fallback renames it). */
export const ATTR_LOGFIRE_MSG = 'logfire.msg';
/** pydantic-ai v1 chat span: the event list as one JSON attribute. */
export const ATTR_EVENTS = 'events';
/** pydantic-ai v1/v2 tool spans. */
export const ATTR_TOOL_ARGUMENTS = 'tool_arguments';
export const ATTR_TOOL_RESPONSE = 'tool_response';
/** pydantic-ai agent-run span. */
export const ATTR_PYDANTIC_AI_ALL_MESSAGES = 'pydantic_ai.all_messages';
export const ATTR_ALL_MESSAGES_EVENTS = 'all_messages_events';
export const ATTR_FINAL_RESULT = 'final_result';
/** Hopscope's one extension: a child span per fallback hop. */
export const ATTR_HOPSCOPE_HOP_INDEX = 'hopscope.hop.index';
export const ATTR_HOPSCOPE_HOP_COUNT = 'hopscope.hop.count';
export const ATTR_HOPSCOPE_HOP_OUTCOME = 'hopscope.hop.outcome';
export const ATTR_HOPSCOPE_HOP_WINNER = 'hopscope.hop.winner';
/** From 2 on: which attempt at the member a hop is (a retried member has one hop span per attempt). */
export const ATTR_HOPSCOPE_HOP_ATTEMPT = 'hopscope.hop.attempt';
export const ATTR_EXCEPTION_TYPE = 'exception.type';
export const ATTR_EXCEPTION_MESSAGE = 'exception.message';
export const ATTR_EVENT_NAME = 'event.name';
export const FALLBACK_PREFIX = 'fallback:';
