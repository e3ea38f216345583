/**
 * One row per instrumentation version: everything that differs between versions 1-5 (spec
 * section 12). Mappers read a row; they never test `version >= n`. Imports nothing.
 */

export type InstrumentationVersion = 1 | 2 | 3 | 4 | 5;

export const INSTRUMENTATION_VERSIONS: readonly InstrumentationVersion[] = [1, 2, 3, 4, 5];
export const DEFAULT_INSTRUMENTATION_VERSION: InstrumentationVersion = 5;

export interface VersionFeatures {
  /** `events`: v1 event list (attribute or log records); `messages`: gen_ai.input/output.messages. */
  readonly messageFormat: 'events' | 'messages';
  /** How media by URL is shaped: v2/v3 `{type:'image-url', url}`, v4+ `{type:'uri', modality, mime_type, uri}`. */
  readonly urlPart: 'kind-url' | 'uri';
  /** How inline bytes are shaped: v2/v3 `{type:'binary', media_type}`, v4+ `{type:'blob', mime_type, modality}`. */
  readonly binaryPart: 'binary' | 'blob';
  /** Span name templates; `{name}` is replaced by the agent, tool or output target name. */
  readonly agentRunSpanName: string;
  readonly toolSpanName: string;
  readonly outputFunctionSpanName: string;
  readonly toolArgumentsAttribute: 'tool_arguments' | 'gen_ai.tool.call.arguments';
  readonly toolResultAttribute: 'tool_response' | 'gen_ai.tool.call.result';
  /** Agent-run span attribute that carries the whole conversation. */
  readonly agentMessagesAttribute: 'all_messages_events' | 'pydantic_ai.all_messages';
  /** What CallDeferred / ApprovalRequired do to a function-tool span. */
  readonly toolDeferralStatus: 'error' | 'unset';
}

const V1: VersionFeatures = {
  messageFormat: 'events',
  urlPart: 'kind-url',
  binaryPart: 'binary',
  agentRunSpanName: 'agent run',
  toolSpanName: 'running tool',
  outputFunctionSpanName: 'running output function',
  toolArgumentsAttribute: 'tool_arguments',
  toolResultAttribute: 'tool_response',
  agentMessagesAttribute: 'all_messages_events',
  toolDeferralStatus: 'error',
};
const V2: VersionFeatures = { ...V1, messageFormat: 'messages', agentMessagesAttribute: 'pydantic_ai.all_messages' };
const V3: VersionFeatures = {
  ...V2,
  agentRunSpanName: 'invoke_agent {name}',
  toolSpanName: 'execute_tool {name}',
  outputFunctionSpanName: 'execute_tool {name}',
  toolArgumentsAttribute: 'gen_ai.tool.call.arguments',
  toolResultAttribute: 'gen_ai.tool.call.result',
};
const V4: VersionFeatures = { ...V3, urlPart: 'uri', binaryPart: 'blob' };
const V5: VersionFeatures = { ...V4, toolDeferralStatus: 'unset' };

/**
 * The version table.
 * @example FEATURES_BY_VERSION[4].urlPart === 'uri'
 */
export const FEATURES_BY_VERSION: Readonly<Record<InstrumentationVersion, VersionFeatures>> = Object.freeze({
  1: Object.freeze(V1),
  2: Object.freeze(V2),
  3: Object.freeze(V3),
  4: Object.freeze(V4),
  5: Object.freeze(V5),
});

/**
 * Fills a span-name template of the table.
 * @example formatSpanName(FEATURES_BY_VERSION[3].toolSpanName, 'get_weather') === 'execute_tool get_weather'
 */
export function formatSpanName(template: string, name: string): string {
  return template.replace('{name}', () => name);
}

/** True for a value in 1-5. @example isInstrumentationVersion(3) === true */
export function isInstrumentationVersion(value: unknown): value is InstrumentationVersion {
  return value === 1 || value === 2 || value === 3 || value === 4 || value === 5;
}
