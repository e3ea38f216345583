// @hopscope/instrumentation public API. Explicit export list: add new exports here by name.
// The pure mapper lives in ./mapper (re-exported below); attribute names and the version table in
// the dependency-free `@hopscope/instrumentation/semconv` subpath; test helpers in `/testing`.
export const PACKAGE_NAME = '@hopscope/instrumentation';
export { INSTRUMENTATION_SCOPE_NAME, INSTRUMENTATION_SCOPE_VERSION } from './scope.js';
export type { InstrumentationOptions } from './settings.js';
export { InstrumentationSettings } from './settings.js';
export type { EventMode, InstrumentationFormatOptions, InstrumentationVersion, ResolvedFormatOptions } from './settings-options.js';
export { EVENT_MODES, InstrumentationOptionError, parseInstrumentationOptions } from './settings-options.js';
export { InstrumentedModel, instrumentModel, isInstrumentedModel } from './instrumented-model.js';
export type { InstrumentAllOptions, UninstallInstrumentation } from './instrument-all.js';
export { instrumentAll } from './instrument-all.js';
export type { ConfigureTelemetryOptions, TelemetryHandle } from './configure-telemetry.js';
export { configureTelemetry } from './configure-telemetry.js';
export type { OtlpEndpoints } from './otlp-endpoints.js';
export { computeOtlpEndpoints, DEFAULT_OTLP_ENDPOINT } from './otlp-endpoints.js';
export type { OtlpProtocol, OtlpProtocols } from './otlp-protocol.js';
export { DEFAULT_OTLP_PROTOCOL, OTLP_PROTOCOLS, parseOtlpProtocols, TelemetryOptionError } from './otlp-protocol.js';
export type { TelemetryResourceAttributes } from './telemetry-resource.js';
export { computeResourceAttributes, parseResourceAttributes, UNKNOWN_SERVICE_NAME } from './telemetry-resource.js';
export type { PricedResponse } from './cost.js';
export { computeCostSum, computeResponseCost } from './cost.js';
export type { ChatInstruments, ChatMeasurement } from './metrics.js';
export { createChatInstruments, DURATION_BUCKETS, recordChatMetrics, TOKEN_USAGE_BUCKETS, toChatMetricAttributes } from './metrics.js';
export { toHopSpanAttributes, toHopSpanName, toHopUsage } from './hop-attributes.js';
export { toConcurrencyWaitAttributes, toConcurrencyWaitSpanName } from './concurrency-span.js';
export { readBaggageIds, withBaggageIds } from './baggage.js';
export type {
  AgentRunEndInput,
  BaggageIds,
  ChatFinishInput,
  ContentOptions,
  LogfireJsonSchemaSpec,
  ModelIdentity,
  OtelEvent,
  OtelLogRecordData,
  ToolDeferralName,
  ToolSpanOutcome,
} from './mapper/index.js';
export {
  computeInstructions,
  toAgentRunEndAttributes,
  toAgentRunSpanName,
  toAgentRunStartAttributes,
  toChatFinishAttributes,
  toChatSpanName,
  toChatStartAttributes,
  toCompactJson,
  toFallbackWinnerAttributes,
  toLogfireJsonSchema,
  toModelIdentityAttributes,
  toModelRequestParametersJson,
  toOtelEvents,
  toOtelMessages,
  toOutputFunctionSpanName,
  toOutputFunctionStartAttributes,
  toSerializableValue,
  toToolDeferralOutcome,
  toToolDefinitionsJson,
  toToolResultAttributes,
  toToolSpanName,
  toToolStartAttributes,
  toUsageAttributes,
} from './mapper/index.js';
