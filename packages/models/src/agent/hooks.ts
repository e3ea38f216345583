/**
 * Hook points of the agent run loop, for instrumentation to attach to without this package
 * importing OpenTelemetry. Installed process-wide through a `Symbol.for` slot on `globalThis`, so
 * duplicate copies of the package share them. Installing replaces what was installed; it never
 * stacks. Control-flow errors (`CallDeferred`, `ApprovalRequired`, `ModelRetry`) propagate through
 * `next()` unchanged, so a hook can tell a deferral from a failure.
 */
import type { ModelMessage } from '../messages.js';
import type { Model } from '../model.js';
import type { ModelRequestParameters, ModelSettings, ToolDefinition } from '../settings.js';
import type { RunUsage } from '../usage.js';
import { createGlobalSlot } from '../global-slot.js';

/** Where a run stands: running, finished with an output, ended with deferred calls, or failed. */
export type AgentRunStatus = 'running' | 'complete' | 'deferred' | 'error';

/** What a hook learns about a run. The getters are live: valid during and after the run. */
export interface AgentRunInfo {
  readonly agentName: string;
  readonly description: string | undefined;
  /** UUIDv7 of this run (`gen_ai.agent.call.id`). */
  readonly runId: string;
  /** UUIDv7 of the conversation (`gen_ai.conversation.id`), reused when a run continues one. */
  readonly conversationId: string;
  readonly model: Model;
  readonly metadata: Readonly<Record<string, unknown>> | undefined;
  /** How many messages the caller passed in as history. */
  readonly messageHistoryLength: number;
  usage(): RunUsage;
  /** History plus everything this run added so far. */
  allMessages(): readonly ModelMessage[];
  /** The parameters of the last request sent, or undefined before the first. */
  lastParameters(): ModelRequestParameters | undefined;
  /** The formatted instructions of each request sent, in order (undefined where there were none). */
  instructionsPerRequest(): readonly (string | undefined)[];
  status(): AgentRunStatus;
  /**
   * The output when the run finished successfully; when it ended with deferred calls, its
   * `DeferredToolRequests` (pydantic-ai's output in that case); undefined while running or on error.
   */
  result(): unknown;
}

/** One model request of a run. */
export interface AgentModelRequestInfo {
  readonly run: AgentRunInfo;
  readonly model: Model;
  readonly messages: readonly ModelMessage[];
  readonly settings: ModelSettings | undefined;
  readonly parameters: ModelRequestParameters;
  /** True when the request is streamed; `next()` then resolves once the stream is drained. */
  readonly stream: boolean;
}

/** One function tool execution. */
export interface ToolExecuteInfo {
  readonly run: AgentRunInfo;
  readonly runId: string;
  readonly toolName: string;
  readonly toolCallId: string;
  /** The arguments as the model sent them: a raw JSON text or an object. */
  readonly args: string | Readonly<Record<string, unknown>> | undefined;
  readonly tool: ToolDefinition;
}

/** The output tool's `process` function running on a validated value (the output-function span). */
export interface OutputProcessInfo {
  readonly run: AgentRunInfo;
  readonly runId: string;
  /** The output tool's name, e.g. `final_result`. */
  readonly targetName: string;
  readonly toolCallId: string | undefined;
  /** The validated value handed to the function. */
  readonly output: unknown;
}

/** Wrappers around the parts of a run; each must call `next()` once and return its result. */
export interface AgentHooks {
  wrapRun?<T>(run: AgentRunInfo, next: () => Promise<T>): Promise<T>;
  /** `next()` resolves with the `ModelResponse`. */
  wrapModelRequest?<T>(request: AgentModelRequestInfo, next: () => Promise<T>): Promise<T>;
  /** `next()` resolves with the tool's return value. */
  wrapToolExecute?<T>(call: ToolExecuteInfo, next: () => Promise<T>): Promise<T>;
  /** `next()` resolves with the processed output. */
  wrapOutputProcess?<T>(output: OutputProcessInfo, next: () => Promise<T>): Promise<T>;
}

const slot = createGlobalSlot<AgentHooks>('hopscope.agent.hooks');

/**
 * Installs agent hooks process-wide, replacing any installed before. Returns the uninstaller.
 * @example
 * const uninstall = installAgentHooks({ wrapRun: async (run, next) => { console.log(run.runId); return next(); } });
 */
export function installAgentHooks(hooks: AgentHooks): () => void {
  return slot.install(hooks);
}

/**
 * The agent hooks in force, if any.
 * @example const hooks = getAgentHooks();
 */
export function getAgentHooks(): AgentHooks | undefined {
  return slot.get();
}

/**
 * Where a model keeps agent hooks of its own: an instrumented model given to an Agent carries the
 * hooks of its settings, so the run, tool and output-function spans follow that model (pydantic-ai
 * unwraps an InstrumentedModel passed to an Agent into the agent's instrumentation).
 */
export const MODEL_AGENT_HOOKS = Symbol.for('hopscope.agent.model-hooks');

/** A model that brings its own agent hooks. */
export interface ModelWithAgentHooks {
  readonly [MODEL_AGENT_HOOKS]: AgentHooks;
}

/**
 * The hooks a run on `model` uses: the model's own when it brings them (they replace the installed
 * ones for that run, so nothing is instrumented twice), else those installed.
 * @example const hooks = resolveAgentHooks(model);
 */
export function resolveAgentHooks(model: Model): AgentHooks | undefined {
  return (model as Partial<ModelWithAgentHooks>)[MODEL_AGENT_HOOKS] ?? slot.get();
}
