/**
 * The shapes of an agent's options, a run's options and a run's result.
 */
import type { ModelMessage, ToolCallPart } from '../messages.js';
import type { JsonSchema, ModelSettings } from '../settings.js';
import type { RunUsage } from '../usage.js';
import type { Tool } from './tool.js';

/** Limits that stop a run with `UsageLimitExceeded`. Unset limits do not apply (requests default to 50). */
export interface UsageLimits {
  readonly requestLimit?: number;
  readonly inputTokensLimit?: number;
  readonly outputTokensLimit?: number;
  readonly totalTokensLimit?: number;
  readonly toolCallsLimit?: number;
}

/** A structured output: the model must call this tool to finish the run. */
export interface OutputToolOptions<TOutput = unknown> {
  /** Defaults to `final_result`. */
  readonly name?: string;
  readonly description?: string;
  readonly parameters: JsonSchema;
  /**
   * Turns the validated arguments into the run's output (the output-function span). May throw
   * `ModelRetry` (the model is asked again), `CallDeferred` or `ApprovalRequired` (the run ends deferred).
   */
  readonly process?: (value: Record<string, unknown>, ctx: OutputContext) => TOutput | Promise<TOutput>;
  /** Also accept a plain text answer as the output. */
  readonly allowText?: boolean;
  readonly strict?: boolean;
}

/** What an output tool's `process` learns about the call. */
export interface OutputContext {
  readonly runId: string;
  readonly conversationId: string;
  readonly toolCallId: string;
  /** True when the caller approved this call on resume. */
  readonly toolCallApproved: boolean;
  /** Output retries spent so far in this run. */
  readonly retry: number;
}

export interface AgentOptions<TOutput = string> {
  /** `gen_ai.agent.name`; defaults to `agent`. */
  readonly name?: string;
  readonly description?: string;
  /** Sent with every request (`ModelRequest.instructions`); a function is evaluated per request. */
  readonly instructions?: string | (() => string | undefined);
  /** Becomes a system prompt part in the first request of a conversation. */
  readonly systemPrompt?: string;
  readonly tools?: readonly Tool[];
  readonly outputTool?: OutputToolOptions<TOutput>;
  readonly modelSettings?: ModelSettings;
  readonly metadata?: Readonly<Record<string, unknown>>;
  /** Default retries per tool and for the output; defaults to 1. */
  readonly retries?: number;
  readonly usageLimits?: UsageLimits;
}

/** Results for deferred calls and decisions on approvals, by tool call id. */
export interface DeferredToolResults {
  /** A deferred call's return value (a `ModelRetry` instance sends a retry prompt instead). */
  readonly calls?: Readonly<Record<string, unknown>>;
  /** `true` runs the call; `false` or `{ denied }` tells the model it was denied. */
  readonly approvals?: Readonly<Record<string, boolean | { readonly denied: string }>>;
}

export interface RunOptions {
  readonly messageHistory?: readonly ModelMessage[];
  readonly signal?: AbortSignal;
  readonly usageLimits?: UsageLimits;
  readonly deferredToolResults?: DeferredToolResults;
  /** Merged over the agent's metadata. */
  readonly metadata?: Readonly<Record<string, unknown>>;
  readonly modelSettings?: ModelSettings;
  /** Continue this conversation; by default it is taken from a message history this package produced. */
  readonly conversationId?: string;
}

/** Calls the run stopped at: some to run elsewhere, some waiting for approval. */
export interface DeferredToolRequests {
  readonly calls: readonly ToolCallPart[];
  readonly approvals: readonly ToolCallPart[];
  /** Metadata the tool attached to its `CallDeferred` / `ApprovalRequired`, by tool call id. */
  readonly metadata: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

interface AgentRunResultBase {
  readonly runId: string;
  readonly conversationId: string;
  readonly usage: RunUsage;
  allMessages(): ModelMessage[];
  /** The messages this run added (a request it merged deferred results into counts as new). */
  newMessages(): ModelMessage[];
}

export interface CompletedAgentRun<TOutput> extends AgentRunResultBase {
  readonly status: 'complete';
  readonly output: TOutput;
  readonly deferredToolRequests?: undefined;
}

export interface DeferredAgentRun extends AgentRunResultBase {
  readonly status: 'deferred';
  readonly output?: undefined;
  readonly deferredToolRequests: DeferredToolRequests;
}

/** A finished run: narrow on `status` (or `deferredToolRequests`) to read `output`. */
export type AgentRunResult<TOutput> = CompletedAgentRun<TOutput> | DeferredAgentRun;
