/**
 * Attribute, span and event names Hopscope emits, as constants in the OpenTelemetry naming scheme.
 *
 * The GenAI semantic conventions are still "Development" (unstable). OpenTelemetry recommends that
 * instrumentations COPY unstable names into their own code instead of importing them from
 * `@opentelemetry/semantic-conventions/incubating`, so a renamed upstream constant never changes
 * what we emit. These names are copied on purpose, together with the pydantic-ai and Logfire names
 * that make Hopscope spans look exactly like pydantic-ai's. This file imports nothing.
 */

// Chat span: request side (spec section 2.1)
export const ATTR_GEN_AI_OPERATION_NAME = 'gen_ai.operation.name';
export const ATTR_GEN_AI_PROVIDER_NAME = 'gen_ai.provider.name';
/** Deprecated alias of `gen_ai.provider.name`, still emitted for backward compatibility. */
export const ATTR_GEN_AI_SYSTEM = 'gen_ai.system';
export const ATTR_GEN_AI_REQUEST_MODEL = 'gen_ai.request.model';
export const ATTR_SERVER_ADDRESS = 'server.address';
export const ATTR_SERVER_PORT = 'server.port';
export const ATTR_MODEL_REQUEST_PARAMETERS = 'model_request_parameters';
export const ATTR_GEN_AI_AGENT_NAME = 'gen_ai.agent.name';
export const ATTR_GEN_AI_AGENT_CALL_ID = 'gen_ai.agent.call.id';
export const ATTR_GEN_AI_CONVERSATION_ID = 'gen_ai.conversation.id';
export const ATTR_GEN_AI_TOOL_DEFINITIONS = 'gen_ai.tool.definitions';
export const ATTR_GEN_AI_REQUEST_MAX_TOKENS = 'gen_ai.request.max_tokens';
export const ATTR_GEN_AI_REQUEST_TOP_P = 'gen_ai.request.top_p';
export const ATTR_GEN_AI_REQUEST_SEED = 'gen_ai.request.seed';
export const ATTR_GEN_AI_REQUEST_TEMPERATURE = 'gen_ai.request.temperature';
export const ATTR_GEN_AI_REQUEST_PRESENCE_PENALTY = 'gen_ai.request.presence_penalty';
export const ATTR_GEN_AI_REQUEST_FREQUENCY_PENALTY = 'gen_ai.request.frequency_penalty';

// Chat span: response side (spec section 2.2)
export const ATTR_GEN_AI_RESPONSE_MODEL = 'gen_ai.response.model';
export const ATTR_GEN_AI_RESPONSE_ID = 'gen_ai.response.id';
export const ATTR_GEN_AI_RESPONSE_FINISH_REASONS = 'gen_ai.response.finish_reasons';
export const ATTR_OPERATION_COST = 'operation.cost';
export const ATTR_GEN_AI_INPUT_MESSAGES = 'gen_ai.input.messages';
export const ATTR_GEN_AI_OUTPUT_MESSAGES = 'gen_ai.output.messages';
export const ATTR_GEN_AI_SYSTEM_INSTRUCTIONS = 'gen_ai.system_instructions';
/** Version 1: the chat span's events as one JSON attribute. */
export const ATTR_EVENTS = 'events';

// Usage (spec section 6)
export const ATTR_GEN_AI_USAGE_INPUT_TOKENS = 'gen_ai.usage.input_tokens';
export const ATTR_GEN_AI_USAGE_OUTPUT_TOKENS = 'gen_ai.usage.output_tokens';
export const ATTR_GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS = 'gen_ai.usage.cache_creation.input_tokens';
export const ATTR_GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS = 'gen_ai.usage.cache_read.input_tokens';
/** Prefix of provider extras and back-compat copies: `gen_ai.usage.details.<key>`. */
export const GEN_AI_USAGE_DETAILS_PREFIX = 'gen_ai.usage.details.';
export const GEN_AI_USAGE_PREFIX = 'gen_ai.usage.';
export const GEN_AI_AGGREGATED_USAGE_PREFIX = 'gen_ai.aggregated_usage.';

// Events (spec section 5, version 1)
export const ATTR_EVENT_NAME = 'event.name';
export const ATTR_GEN_AI_MESSAGE_INDEX = 'gen_ai.message.index';
export const EVENT_GEN_AI_SYSTEM_MESSAGE = 'gen_ai.system.message';
export const EVENT_GEN_AI_USER_MESSAGE = 'gen_ai.user.message';
export const EVENT_GEN_AI_TOOL_MESSAGE = 'gen_ai.tool.message';
export const EVENT_GEN_AI_ASSISTANT_MESSAGE = 'gen_ai.assistant.message';
export const EVENT_GEN_AI_CHOICE = 'gen_ai.choice';

// Agent run span (spec section 9)
export const ATTR_MODEL_NAME = 'model_name';
export const ATTR_AGENT_NAME = 'agent_name';
export const ATTR_GEN_AI_AGENT_DESCRIPTION = 'gen_ai.agent.description';
export const ATTR_FINAL_RESULT = 'final_result';
export const ATTR_ALL_MESSAGES_EVENTS = 'all_messages_events';
export const ATTR_PYDANTIC_AI_ALL_MESSAGES = 'pydantic_ai.all_messages';
export const ATTR_PYDANTIC_AI_NEW_MESSAGE_INDEX = 'pydantic_ai.new_message_index';
export const ATTR_PYDANTIC_AI_VARIABLE_INSTRUCTIONS = 'pydantic_ai.variable_instructions';
export const ATTR_METADATA = 'metadata';

// Tool and output-function spans (spec section 10)
export const ATTR_GEN_AI_TOOL_NAME = 'gen_ai.tool.name';
export const ATTR_GEN_AI_TOOL_CALL_ID = 'gen_ai.tool.call.id';
export const ATTR_GEN_AI_TOOL_CALL_ARGUMENTS = 'gen_ai.tool.call.arguments';
export const ATTR_GEN_AI_TOOL_CALL_RESULT = 'gen_ai.tool.call.result';
/** Versions 1-2 name for the tool arguments. */
export const ATTR_TOOL_ARGUMENTS = 'tool_arguments';
/** Versions 1-2 name for the tool result. */
export const ATTR_TOOL_RESPONSE = 'tool_response';
export const ATTR_PYDANTIC_AI_TOOL_DEFERRAL_NAME = 'pydantic_ai.tool.deferral.name';
export const ATTR_PYDANTIC_AI_TOOL_DEFERRAL_METADATA = 'pydantic_ai.tool.deferral.metadata';

// Logfire rendering hints (Hopscope decision 4)
export const ATTR_LOGFIRE_JSON_SCHEMA = 'logfire.json_schema';
export const ATTR_LOGFIRE_MSG = 'logfire.msg';

// Operation names and instrumentation scope
export const GEN_AI_OPERATION_CHAT = 'chat';
export const GEN_AI_OPERATION_INVOKE_AGENT = 'invoke_agent';
export const GEN_AI_OPERATION_EXECUTE_TOOL = 'execute_tool';

// Metrics (spec section 8) and Hopscope's fallback-hop extension (decision 7)
export const METRIC_GEN_AI_CLIENT_TOKEN_USAGE = 'gen_ai.client.token.usage';
export const METRIC_GEN_AI_CLIENT_OPERATION_DURATION = 'gen_ai.client.operation.duration';
export const METRIC_GEN_AI_CLIENT_OPERATION_TIME_TO_FIRST_CHUNK = 'gen_ai.client.operation.time_to_first_chunk';
export const METRIC_OPERATION_COST = 'operation.cost';
export const ATTR_GEN_AI_TOKEN_TYPE = 'gen_ai.token.type';
export const ATTR_HOPSCOPE_HOP_INDEX = 'hopscope.hop.index';
export const ATTR_HOPSCOPE_HOP_COUNT = 'hopscope.hop.count';
export const ATTR_HOPSCOPE_HOP_OUTCOME = 'hopscope.hop.outcome';
/** True on the hop whose response was returned to the caller. */
export const ATTR_HOPSCOPE_HOP_WINNER = 'hopscope.hop.winner';
/** True when the hop was started by hedging while an earlier hop was still running. */
export const ATTR_HOPSCOPE_HOP_HEDGED = 'hopscope.hop.hedged';
/** Which attempt at the member the hop is, from 1; set from 2 on (a retried member has one hop per attempt). */
export const ATTR_HOPSCOPE_HOP_ATTEMPT = 'hopscope.hop.attempt';
