/**
 * Function tools: a JSON-schema parameter definition and a plain function.
 */
import type { ModelMessage } from '../messages.js';
import type { JsonSchema, ToolDefinition } from '../settings.js';
import type { RunUsage } from '../usage.js';
import { UserError } from '../errors.js';

/** What a tool function learns about the run and the call. */
export interface RunContext {
  readonly agentName: string;
  readonly runId: string;
  readonly conversationId: string;
  readonly toolName: string;
  readonly toolCallId: string;
  /** How many times in a row this tool has failed before this call (0 on the first try). */
  readonly retry: number;
  /** True when the caller approved this call (resuming with `approvals: { [id]: true }`). */
  readonly toolCallApproved: boolean;
  readonly usage: RunUsage;
  readonly messages: readonly ModelMessage[];
  readonly signal: AbortSignal | undefined;
  readonly metadata: Readonly<Record<string, unknown>> | undefined;
}

export type ToolExecute<A = Record<string, unknown>> = (args: A, ctx: RunContext) => unknown;

export interface ToolOptions<A = Record<string, unknown>> {
  readonly name: string;
  readonly description?: string;
  /** The JSON schema of the arguments object. */
  readonly parameters: JsonSchema;
  readonly execute: ToolExecute<A>;
  /** Retries after `ModelRetry` or invalid arguments; defaults to the agent's `retries`. */
  readonly retries?: number;
  readonly strict?: boolean;
  /** Every call needs approval first (it is deferred until the caller approves it). */
  readonly requiresApproval?: boolean;
  readonly metadata?: Readonly<Record<string, unknown>>;
}

/** A tool as the agent holds it. */
export interface Tool {
  readonly definition: ToolDefinition;
  readonly execute: ToolExecute;
  readonly retries: number | undefined;
  readonly requiresApproval: boolean;
}

const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

/**
 * Declares a function tool.
 * @example
 * const weather = tool({
 *   name: 'get_weather',
 *   parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
 *   execute: ({ city }) => ({ city, tempC: 21 }),
 * });
 */
export function tool<A = Record<string, unknown>>(options: ToolOptions<A>): Tool {
  if (!TOOL_NAME.test(options.name)) throw new UserError(`Tool name ${JSON.stringify(options.name)} must be 1-64 letters, digits, '_' or '-'`);
  if (typeof options.execute !== 'function') throw new UserError(`Tool '${options.name}' needs an execute function`);
  if (options.retries !== undefined && (!Number.isInteger(options.retries) || options.retries < 0)) throw new UserError(`Tool '${options.name}': retries must be a non-negative integer`);
  const definition: ToolDefinition = {
    name: options.name,
    parametersJsonSchema: options.parameters,
    kind: 'function',
    ...(options.description !== undefined ? { description: options.description } : {}),
    ...(options.strict !== undefined ? { strict: options.strict } : {}),
    ...(options.metadata !== undefined ? { metadata: options.metadata } : {}),
  };
  return { definition, execute: options.execute as ToolExecute, retries: options.retries, requiresApproval: options.requiresApproval ?? false };
}
