import { compareNanos } from '../otlp/wire-read.js';
import type { SpanFacts, SpanUsage } from './span-facts.js';

/** The kinds of values a trace lists, for the list filters and facets. */
export type TraceValueKind = 'model' | 'provider' | 'operation' | 'service';

/** What one ingest batch adds to (or, for usage moving down the tree, takes from) a trace summary. */
export interface TraceDelta {
  traceId: string;
  rootSpanId: string | null;
  rootName: string | null;
  rootStatus: number | null;
  service: string;
  startUs: number;
  startNs: string;
  endUs: number;
  endNs: string;
  spanCount: number;
  errorCount: number;
  /** Spans with status ERROR that are not failed fallback hops (see toTraceStatus). */
  unrecoveredErrorCount: number;
  fallbackCount: number;
  failedHopCount: number;
  skippedHopCount: number;
  usageSpanCount: number;
  usage: { inputTokens: number; outputTokens: number; cacheReadTokens: number; cacheWriteTokens: number; reasoningTokens: number };
  costSum: number;
  uncostedCount: number;
  bytes: number;
  values: Record<TraceValueKind, Set<string>>;
  searchText: string[];
  newSpans: { spanId: string; parentSpanId: string | null; usage: SpanUsage | null; costUsd: number | null }[];
}

/** A span as the delta needs it. */
export interface DeltaSpan {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string | null;
  readonly name: string;
  readonly statusCode: number;
  readonly startUs: number;
  readonly startNs: string;
  readonly endUs: number;
  readonly endNs: string;
  readonly bytes: number;
}

/** An empty delta for a trace. */
export const toEmptyTraceDelta = (traceId: string): TraceDelta => ({
  traceId,
  rootSpanId: null,
  rootName: null,
  rootStatus: null,
  service: '',
  startUs: Number.MAX_SAFE_INTEGER,
  startNs: '0',
  endUs: 0,
  endNs: '0',
  spanCount: 0,
  errorCount: 0,
  unrecoveredErrorCount: 0,
  fallbackCount: 0,
  failedHopCount: 0,
  skippedHopCount: 0,
  usageSpanCount: 0,
  usage: { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 },
  costSum: 0,
  uncostedCount: 0,
  bytes: 0,
  values: { model: new Set(), provider: new Set(), operation: new Set(), service: new Set() },
  searchText: [],
  newSpans: [],
});

/**
 * A trace's status (OTLP StatusCode number), the rule the list shows and filters by: the root's
 * status when the root says OK or ERROR (an explicit OK means the application handled what went
 * wrong below it); otherwise (root UNSET, or not arrived yet) ERROR when any span is ERROR
 * except a fallback hop that failed over to the next one (`hopscope.hop.outcome` error or
 * rejected: the call recovered; failedHopCount shows it), else UNSET. The trace upsert applies
 * the same rule in SQL.
 *
 * @example
 * toTraceStatus(0, 1); // 2: an UNSET root with an ERROR tool span below it
 * toTraceStatus(0, 0); // 0: an UNSET root whose only ERROR spans are failed hops
 */
export const toTraceStatus = (rootStatus: number | null, unrecoveredErrorCount: number): number =>
  rootStatus === 1 || rootStatus === 2 ? rootStatus : unrecoveredErrorCount > 0 ? 2 : 0;

/**
 * Adds one newly stored span to its trace's delta (usage is added later, once the batch knows
 * which spans have usage below them).
 *
 * @example
 * computeSpanIntoDelta(delta, span, computeSpanFacts(normalized));
 */
export function computeSpanIntoDelta(delta: TraceDelta, span: DeltaSpan, facts: SpanFacts): void {
  delta.spanCount += 1;
  delta.bytes += span.bytes;
  if (facts.isError) {
    delta.errorCount += 1;
    if (!facts.isFailedHop) delta.unrecoveredErrorCount += 1;
  }
  if (facts.isFallback) delta.fallbackCount += 1;
  if (facts.isFailedHop) delta.failedHopCount += 1;
  if (facts.isSkippedHop) delta.skippedHopCount += 1;
  if (facts.usage) delta.usageSpanCount += 1;
  // Microseconds first (numbers); the exact nanoseconds only when those tie.
  const first = delta.spanCount === 1;
  if (first || span.startUs < delta.startUs || (span.startUs === delta.startUs && compareNanos(span.startNs, delta.startNs) < 0)) {
    delta.startUs = span.startUs;
    delta.startNs = span.startNs;
  }
  if (first || span.endUs > delta.endUs || (span.endUs === delta.endUs && compareNanos(span.endNs, delta.endNs) > 0)) {
    delta.endUs = span.endUs;
    delta.endNs = span.endNs;
  }
  if (span.parentSpanId === null) {
    delta.rootSpanId = span.spanId;
    delta.rootName = span.name;
    delta.rootStatus = span.statusCode;
    delta.service = facts.serviceName;
  } else if (delta.service === '') delta.service = facts.serviceName;
  const { values } = delta;
  for (const model of facts.models) values.model.add(model);
  for (const provider of facts.providers) values.provider.add(provider);
  for (const operation of facts.operations) values.operation.add(operation);
  if (facts.serviceName !== '') values.service.add(facts.serviceName);
  delta.searchText.push(span.name);
  if (facts.searchText !== '') delta.searchText.push(facts.searchText);
  delta.newSpans.push({ spanId: span.spanId, parentSpanId: span.parentSpanId, usage: facts.usage, costUsd: facts.costUsd });
}

/**
 * Adds (sign 1) or removes (sign -1) one counted span's usage and cost.
 *
 * @example
 * computeUsageIntoDelta(delta, usage, 0.002, 1);
 */
export function computeUsageIntoDelta(delta: TraceDelta, usage: SpanUsage, costUsd: number | null, sign: 1 | -1): void {
  delta.usage.inputTokens += sign * usage.inputTokens;
  delta.usage.outputTokens += sign * usage.outputTokens;
  delta.usage.cacheReadTokens += sign * usage.cacheReadTokens;
  delta.usage.cacheWriteTokens += sign * usage.cacheWriteTokens;
  delta.usage.reasoningTokens += sign * usage.reasoningTokens;
  if (costUsd === null) delta.uncostedCount += sign;
  else delta.costSum += sign * costUsd;
}
