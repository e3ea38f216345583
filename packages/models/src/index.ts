// @hopscope/models public API. Explicit export list: add new exports here by name.
export type {
  AudioUrl,
  BinaryContent,
  BuiltinToolCallPart,
  BuiltinToolReturnPart,
  DocumentUrl,
  FilePart,
  FileUrl,
  FileUrlKind,
  FinishReason,
  ImageUrl,
  ModelMessage,
  ModelRequest,
  ModelRequestPart,
  ModelResponse,
  ModelResponsePart,
  RetryPromptPart,
  SystemPromptPart,
  TextPart,
  ThinkingPart,
  ToolCallPart,
  ToolReturnPart,
  UploadedFile,
  UserContent,
  UserPromptPart,
  ValidationErrorDetail,
  VideoUrl,
} from './messages.js';
export {
  audioUrl,
  binaryBase64,
  binaryContent,
  documentUrl,
  imageUrl,
  isBinaryContent,
  modelRequest,
  retryPromptText,
  systemPrompt,
  textPart,
  toolCallArgsAsJson,
  toolCallArgsAsObject,
  toolCallPart,
  toolReturnPart,
  userPrompt,
  videoUrl,
} from './messages.js';
export type { RequestUsage, RunUsage } from './usage.js';
export { computeRunUsageAdd, computeTotalTokens, computeUsageSum, isZeroUsage, requestUsage, runUsage } from './usage.js';
export type { InstructionPart, JsonSchema, ModelRequestParameters, ModelSettings, OutputMode, ThinkingSetting, ToolDefinition, ToolKind } from './settings.js';
export { mergeModelSettings, modelRequestParameters } from './settings.js';
export type { ModelAPIErrorOptions, ModelErrorCategory, ModelHTTPErrorOptions } from './errors.js';
export {
  ContentPolicyError,
  ContextWindowExceededError,
  createModelHTTPError,
  HopscopeError,
  mapStatusToCategory,
  ModelAPIError,
  ModelAuthError,
  ModelConnectionError,
  ModelHTTPError,
  ModelRateLimitError,
  ModelServerError,
  ModelTimeoutError,
  parseRetryAfterMs,
  UnexpectedModelBehavior,
  UserError,
} from './errors.js';
export type { FinalResponseEvent, ModelResponseStreamEvent, PartDelta, PartDeltaEvent, PartStartEvent } from './stream.js';
export { EventListStreamedResponse, ModelResponsePartsManager, StreamedResponse } from './stream.js';
export type { Model, RequestOptions } from './model.js';
export { isModel, ModelBase, unwrapModel, WrapperModel } from './model.js';
export type { InterceptedRequest, ModelHooks, RequestInterceptor } from './hooks.js';
export { applyModelWrapper, getModelHooks, installModelHooks, interceptRequest } from './hooks.js';
export type { HopInfo, HopOutcome, HopRecord } from './hop.js';
export type { TestModelOptions } from './testing/test-model.js';
export { TestModel } from './testing/test-model.js';
export type { AnswerFunction, FunctionAnswer, FunctionCallInfo, FunctionModelOptions, FunctionStreamChunk, StreamAnswerFunction } from './testing/function-model.js';
export { FunctionModel } from './testing/function-model.js';
export { computeEstimatedUsage } from './testing/estimate-usage.js';
export { computeArgsFromSchema } from './testing/schema-args.js';
export type { RetryAttemptInfo, RetryPolicy } from './retry/index.js';
export { computeRetryDelayMs, DEFAULT_RETRY_POLICY, NO_RETRY, parseRetryPolicy, runWithRetry, sleep } from './retry/index.js';
export type { ConcurrencyWaitInfo } from './hooks.js';
export type { AgentHooks, AgentModelRequestInfo, AgentRunInfo, AgentRunStatus, ModelWithAgentHooks, OutputProcessInfo, ToolExecuteInfo } from './agent/hooks.js';
export { getAgentHooks, installAgentHooks, MODEL_AGENT_HOOKS, resolveAgentHooks } from './agent/hooks.js';
export type { UsageLimitName } from './agent/errors.js';
export { ApprovalRequired, CallDeferred, isDeferral, ModelRetry, toToolRetryPrompt, ToolRetryError, UsageLimitExceeded } from './agent/errors.js';
export type { AgentOverride, AgentStreamRun } from './agent/agent.js';
export { Agent } from './agent/agent.js';
export type { RunContext, Tool, ToolExecute, ToolOptions } from './agent/tool.js';
export { tool } from './agent/tool.js';
export type { AgentOptions, AgentRunResult, CompletedAgentRun, DeferredAgentRun, DeferredToolRequests, DeferredToolResults, OutputContext, OutputToolOptions, RunOptions, UsageLimits } from './agent/types.js';
export { computeUuidV7, newUuidV7 } from './agent/uuid-v7.js';
export type { ProviderModelOptions } from './providers/shared/model-options.js';
export type { OpenAIChatModelOptions } from './providers/openai-chat/openai-chat-model.js';
export { OpenAIChatModel } from './providers/openai-chat/openai-chat-model.js';
export type { OpenAIResponsesModelOptions } from './providers/openai-responses/openai-responses-model.js';
export { OpenAIResponsesModel } from './providers/openai-responses/openai-responses-model.js';
export type { AnthropicModelOptions } from './providers/anthropic/anthropic-model.js';
export { AnthropicModel } from './providers/anthropic/anthropic-model.js';
export type { OpenAICompatibleProvider } from './providers/openai-compatible/table.js';
export { OPENAI_COMPATIBLE_PROVIDERS, UNSUPPORTED_PREFIXES } from './providers/openai-compatible/table.js';
export type { ModelApi, ModelTarget, ResolveModelTargetOptions } from './providers/registry/types.js';
export { computeSupportedPrefixes, parseModelString, resolveModelTarget } from './providers/registry/resolve-model-target.js';
export type { InferModelOptions } from './infer-model.js';
export { inferModel } from './infer-model.js';
export type { ErrorClass, ErrorCondition, ErrorPredicate, FallbackCondition, FallbackEvent, FallbackMember, FallbackModelOptions, FallbackOn, FallbackPolicy, MemberHealth, MemberState, ResponseCondition, ResponsePredicate } from './fallback/index.js';
export {
  computeChainUsage,
  computeCooldownMs,
  FallbackExceptionGroup,
  FallbackModel,
  FallbackResponseRejectedError,
  FallbackStreamError,
  ForwardingStreamedResponse,
  HedgeLostError,
  isCategory,
  onError,
  onResponse,
  parseFallbackOn,
  TRANSIENT_CATEGORIES,
} from './fallback/index.js';
export type { ConcurrencyLimitOptions } from './concurrency/index.js';
export { ConcurrencyLimitedModel, ConcurrencyLimiter, ConcurrencyLimitError, ConcurrencyLimitExceededError, ConcurrencyQueueTimeoutError, limitModelConcurrency } from './concurrency/index.js';
