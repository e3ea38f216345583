/**
 * GenAI attribute names the viewer derives trace summaries from. These OpenTelemetry GenAI
 * semantic conventions are still unstable, so the names are copied here (the OpenTelemetry
 * recommendation) rather than imported piecemeal; `hopscope.hop.*` are Hopscope's own hop spans.
 * Token usage spellings are in shared/usage-attributes.ts, one table with the UI.
 */
export const ATTR_GEN_AI_OPERATION_NAME = 'gen_ai.operation.name';
export const ATTR_GEN_AI_PROVIDER_NAME = 'gen_ai.provider.name';
export const ATTR_GEN_AI_SYSTEM = 'gen_ai.system';
export const ATTR_GEN_AI_REQUEST_MODEL = 'gen_ai.request.model';
export const ATTR_GEN_AI_RESPONSE_MODEL = 'gen_ai.response.model';
export const ATTR_OPERATION_COST = 'operation.cost';
export const ATTR_HOPSCOPE_HOP_INDEX = 'hopscope.hop.index';
export const ATTR_HOPSCOPE_HOP_OUTCOME = 'hopscope.hop.outcome';
export const ATTR_SERVICE_NAME = 'service.name';
/** Logfire's message: on a chat span, its name at start (`chat fallback:a,b` before a fallback renames it to the winner). */
export const ATTR_LOGFIRE_MSG = 'logfire.msg';

/** Attributes (on spans, span events and log records) whose text is message content, indexed for search. */
export const MESSAGE_CONTENT_ATTRIBUTES: readonly string[] = [
  'gen_ai.input.messages',
  'gen_ai.output.messages',
  'gen_ai.system_instructions',
  'events',
  'gen_ai.prompt',
  'gen_ai.completion',
  'all_messages_events',
  'pydantic_ai.all_messages',
  'final_result',
  'gen_ai.tool.call.arguments',
  'gen_ai.tool.call.result',
  'tool_arguments',
  'tool_response',
];
