/**
 * The agent-run span (spec section 9): `agent run` / `invoke_agent {name}`, the run's ids as
 * baggage for every child, and the end attributes set also when the run fails.
 */
import { context, trace, type Span } from '@opentelemetry/api';
import type { AgentRunInfo } from '@hopscope/models';
import { computeInstructions, toAgentRunEndAttributes, toAgentRunSpanName, toAgentRunStartAttributes } from '../mapper/index.js';
import { withBaggageIds } from '../baggage.js';
import { recordSpanError } from '../record-error.js';
import { guard } from '../report-failure.js';
import type { InstrumentationSettings } from '../settings.js';

/** True when the formatted instructions differed between the run's requests. */
export function computeVariableInstructions(perRequest: readonly (string | undefined)[]): boolean {
  return new Set(perRequest).size > 1;
}

function setEndAttributes(settings: InstrumentationSettings, span: Span, run: AgentRunInfo): void {
  const status = run.status();
  const lastParameters = run.lastParameters();
  const prepared = lastParameters === undefined ? undefined : guard('prepareRequest', () => run.model.prepareRequest(undefined, lastParameters)[1], lastParameters);
  const allMessages = run.allMessages();
  span.setAttributes(
    toAgentRunEndAttributes({
      usage: run.usage(),
      allMessages,
      finalResult: run.result(),
      succeeded: status === 'complete' || status === 'deferred',
      metadata: run.metadata,
      newMessageIndex: run.messageHistoryLength,
      instructions: computeInstructions(allMessages, prepared),
      variableInstructions: computeVariableInstructions(run.instructionsPerRequest()),
      aggregatedUsage: settings.useAggregatedUsageAttributeNames,
      content: settings.content,
      parameters: prepared,
    }),
  );
}

/**
 * Runs an agent run inside its span.
 * @example installAgentHooks({ wrapRun: (run, next) => runInAgentRunSpan(settings, run, next) });
 */
export async function runInAgentRunSpan<T>(settings: InstrumentationSettings, run: AgentRunInfo, next: () => Promise<T>): Promise<T> {
  const parent = context.active();
  const started = guard(
    'agent run span start',
    () => {
      const attributes = toAgentRunStartAttributes({ agentName: run.agentName, modelName: run.model.modelName, agentCallId: run.runId, conversationId: run.conversationId, description: run.description });
      const span = settings.tracer.startSpan(toAgentRunSpanName(run.agentName, settings.version), { attributes }, parent);
      const ctx = withBaggageIds(trace.setSpan(parent, span), { agentName: run.agentName, agentCallId: run.runId, conversationId: run.conversationId });
      return { span, ctx };
    },
    undefined,
  );
  if (!started) return next();
  try {
    return await context.with(started.ctx, next);
  } catch (error) {
    guard('agent run error', () => recordSpanError(started.span, error, { escaped: false, describe: true }), undefined);
    throw error;
  } finally {
    guard('agent run end attributes', () => setEndAttributes(settings, started.span, run), undefined);
    guard('agent run span end', () => started.span.end(), undefined);
  }
}
