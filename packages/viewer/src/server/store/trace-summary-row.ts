import type { TraceSummary } from '../../shared/api-types.js';
import { computeDurationMs, mapStatusCode } from './stored-span.js';

/** A row of the `traces` summary table. */
export interface TraceRow {
  readonly trace_id: string;
  readonly root_span_id: string | null;
  readonly root_name: string | null;
  readonly status: number;
  readonly service: string;
  readonly start_ns: string;
  readonly end_ns: string;
  readonly span_count: number;
  readonly error_count: number;
  readonly fallback_count: number;
  readonly failed_hop_count: number;
  readonly skipped_hop_count: number;
  readonly input_tokens: number;
  readonly output_tokens: number;
  readonly cache_read_tokens: number;
  readonly cache_write_tokens: number;
  readonly reasoning_tokens: number;
  readonly cost_sum: number;
  readonly uncosted_count: number;
  readonly models: string;
  readonly providers: string;
  readonly operations: string;
}

/**
 * A summary row as the API's TraceSummary. The cost is null (unknown) as soon as one counted
 * LLM span had no price; `knownCostUsd` still carries what was priced.
 *
 * @example
 * toTraceSummary(row).usage.costUsd;
 */
export function toTraceSummary(row: TraceRow): TraceSummary {
  const costPartial = row.uncosted_count > 0;
  const costSum = Math.round(row.cost_sum * 1e12) / 1e12;
  return {
    traceId: row.trace_id,
    rootName: row.root_name ?? '',
    rootSpanId: row.root_span_id,
    serviceName: row.service,
    startTimeUnixNano: row.start_ns,
    durationMs: Math.max(0, computeDurationMs(row.start_ns, row.end_ns)),
    spanCount: row.span_count,
    errorCount: row.error_count,
    status: mapStatusCode(row.status),
    models: JSON.parse(row.models) as string[],
    providers: JSON.parse(row.providers) as string[],
    operations: JSON.parse(row.operations) as string[],
    hasFallback: row.fallback_count > 0,
    failedHopCount: row.failed_hop_count,
    skippedHopCount: row.skipped_hop_count,
    usage: {
      inputTokens: row.input_tokens,
      outputTokens: row.output_tokens,
      cacheReadTokens: row.cache_read_tokens,
      cacheWriteTokens: row.cache_write_tokens,
      reasoningTokens: row.reasoning_tokens,
      costUsd: costPartial ? null : costSum,
      costPartial,
      knownCostUsd: costSum,
    },
  };
}
