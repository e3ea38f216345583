/**
 * Function-tool and output-function spans (spec section 10). Tool spans record deferrals per
 * version (v5: UNSET, no event), retries with the retry prompt as the result, other errors as
 * ERROR; output-function spans treat every exception as an error in every version.
 */
import { context, trace, type Span } from '@opentelemetry/api';
import { ModelRetry, retryPromptText, toToolRetryPrompt, type OutputProcessInfo, type ToolExecuteInfo } from '@hopscope/models';
import {
  toOutputFunctionErrorOutcome,
  toOutputFunctionSpanName,
  toOutputFunctionStartAttributes,
  toToolDeferralOutcome,
  toToolResultAttributes,
  toToolRetryAttributes,
  toToolSpanName,
  toToolStartAttributes,
  type ToolSpanOutcome,
} from '../mapper/index.js';
import { readBaggageIds } from '../baggage.js';
import { recordSpanError } from '../record-error.js';
import { guard } from '../report-failure.js';
import type { InstrumentationSettings } from '../settings.js';

/**
 * Sets the outcome's attributes and records the error. A retry's message is its retry prompt,
 * tool-result content, so without content its exception event carries the type and stack only.
 */
function applyOutcome(settings: InstrumentationSettings, span: Span, error: unknown, outcome: ToolSpanOutcome): void {
  span.setAttributes(outcome.attributes);
  const withMessage = settings.content.includeContent || !(error instanceof ModelRetry);
  recordSpanError(span, error, { escaped: true, describe: false, recordException: outcome.recordException, setError: outcome.setError, withMessage });
}

function toToolErrorOutcome(settings: InstrumentationSettings, call: ToolExecuteInfo, error: unknown): ToolSpanOutcome {
  const deferral = toToolDeferralOutcome(error, settings.content);
  if (deferral) return deferral;
  if (error instanceof ModelRetry) {
    const text = retryPromptText(toToolRetryPrompt(error, { toolName: call.toolName, toolCallId: call.toolCallId }));
    return { attributes: toToolRetryAttributes(text, settings.content), recordException: true, setError: true };
  }
  return { attributes: {}, recordException: true, setError: true };
}

async function runInSpan<T>(o: { start: () => Span; next: () => Promise<T>; onResult: (span: Span, result: T) => void; onError: (span: Span, error: unknown) => void }): Promise<T> {
  const parent = context.active();
  const span = guard('tool span start', o.start, undefined);
  if (!span) return o.next();
  try {
    const result = await context.with(trace.setSpan(parent, span), o.next);
    guard('tool result attributes', () => o.onResult(span, result), undefined);
    return result;
  } catch (error) {
    guard('tool error attributes', () => o.onError(span, error), undefined);
    throw error;
  } finally {
    guard('tool span end', () => span.end(), undefined);
  }
}

/**
 * Runs a function tool inside its span.
 * @example installAgentHooks({ wrapToolExecute: (call, next) => runInToolSpan(settings, call, next) });
 */
export function runInToolSpan<T>(settings: InstrumentationSettings, call: ToolExecuteInfo, next: () => Promise<T>): Promise<T> {
  return runInSpan({
    start: () => {
      const attributes = toToolStartAttributes({ call: { toolName: call.toolName, toolCallId: call.toolCallId, args: call.args }, baggage: readBaggageIds(context.active()), content: settings.content });
      return settings.tracer.startSpan(toToolSpanName(call.toolName, settings.version), { attributes });
    },
    next,
    onResult: (span, result) => span.setAttributes(toToolResultAttributes(result, settings.content)),
    onError: (span, error) => applyOutcome(settings, span, error, toToolErrorOutcome(settings, call, error)),
  });
}

/**
 * Runs an output function inside its span.
 * @example installAgentHooks({ wrapOutputProcess: (output, next) => runInOutputFunctionSpan(settings, output, next) });
 */
export function runInOutputFunctionSpan<T>(settings: InstrumentationSettings, output: OutputProcessInfo, next: () => Promise<T>): Promise<T> {
  return runInSpan({
    start: () => {
      const attributes = toOutputFunctionStartAttributes({
        target: output.targetName,
        ...(output.toolCallId !== undefined ? { toolCallId: output.toolCallId } : {}),
        output: output.output,
        baggage: readBaggageIds(context.active()),
        content: settings.content,
      });
      return settings.tracer.startSpan(toOutputFunctionSpanName(output.targetName, settings.version), { attributes });
    },
    next,
    onResult: (span, result) => span.setAttributes(toToolResultAttributes(result, settings.content)),
    onError: (span, error) => applyOutcome(settings, span, error, toOutputFunctionErrorOutcome()),
  });
}
