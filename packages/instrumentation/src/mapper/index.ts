// The pure GenAI semconv mapper (spec sections 2-10). No tracer, meter or I/O. Explicit export list.
export type { BaggageIds, ContentOptions, InstrumentationVersion, ModelIdentity, OtelEvent, OtelLogRecordData, ToolSpanOutcome } from './types.js';
export { toAgentRunEndAttributes, toAgentRunSpanName, toAgentRunStartAttributes, toFinalResultAttributes } from './agent-run.js';
export type { AgentRunEndInput } from './agent-run.js';
export { toChatFinishAttributes, toSystemInstructionsAttributes } from './chat-finish.js';
export type { ChatFinishInput } from './chat-finish.js';
export {
  toBaggageAttributes,
  toChatSpanName,
  toChatStartAttributes,
  toFallbackWinnerAttributes,
  toModelIdentityAttributes,
  toRequestSettingsAttributes,
  toServerAttributes,
} from './chat-start.js';
export { toChoiceEvent, toEventDict, toEventLogRecords, toOtelEvents } from './events.js';
export { computeInstructions } from './instructions.js';
export { toLogfireJsonSchema } from './json-schema.js';
export type { LogfireJsonSchemaSpec } from './json-schema.js';
export { guessMediaTypeFromUrl, mapMediaTypeToFileModality, mapMediaTypeToModality, mapUrlKindToModality } from './media-type.js';
export { toOtelMessages, toResponseMessage } from './messages.js';
export { toOutputFunctionErrorOutcome, toOutputFunctionSpanName, toOutputFunctionStartAttributes } from './output-function.js';
export { computeBinaryIdentifier, toCompactJson, toJsonText, toSerializableValue, toUrlSafeBase64 } from './serialize.js';
export { toModelRequestParametersJson, toToolDefinitionsJson } from './tool-definitions.js';
export { parseToolDeferral, toToolDeferralOutcome } from './tool-deferral.js';
export type { ToolDeferralName } from './tool-deferral.js';
export { toToolArgumentsText, toToolResultAttributes, toToolResultText, toToolRetryAttributes, toToolSpanName, toToolStartAttributes } from './tool-span.js';
export { toUsageAttributes } from './usage.js';
