/**
 * Control-flow errors a tool (or an output tool's `process`) throws to steer the run, and the
 * typed error a run stops with when it exceeds a usage limit. `instanceof` works across package
 * copies through the `Symbol.for` markers of `HopscopeError`.
 */
import { HopscopeError } from '../errors.js';
import { retryPromptText, type RetryPromptPart } from '../messages.js';

/**
 * Asks the model to try the call again; the message is sent back as a retry prompt.
 * @example throw new ModelRetry('No city called "Pariss"; did you mean "Paris"?');
 */
export class ModelRetry extends HopscopeError {
  static override readonly errorName: string = 'ModelRetry';
}

const RETRY_ADVICE = '\n\nFix the errors and try again.';

/**
 * A tool call that must be retried, with the retry prompt the model will get: thrown inside
 * `wrapToolExecute` when the arguments do not validate (pydantic-ai's ToolRetryError). It is a
 * `ModelRetry`, so one `instanceof ModelRetry` check covers both kinds of retry.
 * @example if (error instanceof ToolRetryError) span.setAttribute('result', retryPromptText(error.retryPrompt));
 */
export class ToolRetryError extends ModelRetry {
  static override readonly errorName: string = 'ToolRetryError';
  readonly retryPrompt: RetryPromptPart;
  constructor(retryPrompt: RetryPromptPart) {
    // The message is the prompt without its closing advice, as a ModelRetry message would be, so
    // `retryPromptText({ content: error.message, toolName, ... })` gives the same text either way.
    const text = retryPromptText(retryPrompt);
    super(text.endsWith(RETRY_ADVICE) ? text.slice(0, -RETRY_ADVICE.length) : text);
    this.retryPrompt = retryPrompt;
  }
}

/**
 * The retry prompt a `ModelRetry` (or `ToolRetryError`) from a tool call turns into.
 * @example retryPromptText(toToolRetryPrompt(error, { toolName: 'get_weather', toolCallId: 'c1' }))
 */
export function toToolRetryPrompt(error: ModelRetry, call: { readonly toolName: string; readonly toolCallId: string }): RetryPromptPart {
  if (error instanceof ToolRetryError) return error.retryPrompt;
  return { partKind: 'retry-prompt', content: error.message, toolName: call.toolName, toolCallId: call.toolCallId, timestamp: new Date() };
}

/** Base of the two ways a tool call ends without failing: it waits for the caller. */
abstract class ToolCallDeferral extends HopscopeError {
  static override readonly errorName: string = 'ToolCallDeferral';
  /** Carried to `deferredToolRequests.metadata[toolCallId]`. */
  readonly metadata: Readonly<Record<string, unknown>> | undefined;
  constructor(message: string, metadata: Readonly<Record<string, unknown>> | undefined) {
    super(message);
    this.metadata = metadata;
  }
}

/**
 * Ends the run with this call listed in `deferredToolRequests.calls`, for the caller to run elsewhere.
 * @example throw new CallDeferred({ queue: 'batch-jobs' });
 */
export class CallDeferred extends ToolCallDeferral {
  static override readonly errorName: string = 'CallDeferred';
  constructor(metadata?: Readonly<Record<string, unknown>>) {
    super('The tool call was deferred', metadata);
  }
}

/**
 * Ends the run with this call listed in `deferredToolRequests.approvals`, for a person to approve.
 * @example if (!ctx.toolCallApproved) throw new ApprovalRequired({ reason: 'deletes files' });
 */
export class ApprovalRequired extends ToolCallDeferral {
  static override readonly errorName: string = 'ApprovalRequired';
  constructor(metadata?: Readonly<Record<string, unknown>>) {
    super('The tool call requires approval', metadata);
  }
}

/** The limit names of `UsageLimits`. */
export type UsageLimitName = 'requestLimit' | 'inputTokensLimit' | 'outputTokensLimit' | 'totalTokensLimit' | 'toolCallsLimit';

/**
 * A run went (or would go) over one of its usage limits.
 * @example if (error instanceof UsageLimitExceeded && error.limitName === 'requestLimit') retryLater();
 */
export class UsageLimitExceeded extends HopscopeError {
  static override readonly errorName: string = 'UsageLimitExceeded';
  readonly limitName: UsageLimitName;
  /** The configured maximum. */
  readonly limit: number;
  /** The count that broke it (for requests and tool calls: the count the next step would reach). */
  readonly value: number;
  constructor(message: string, options: { limitName: UsageLimitName; limit: number; value: number }) {
    super(message);
    this.limitName = options.limitName;
    this.limit = options.limit;
    this.value = options.value;
  }
}

/**
 * True for the errors that end a tool call without failing it (v5 leaves such spans UNSET).
 * @example if (isDeferral(error)) span.end();
 */
export function isDeferral(error: unknown): error is CallDeferred | ApprovalRequired {
  return error instanceof ToolCallDeferral;
}
