import type { TraceSummary, UsageTotals } from '../../../src/shared/api-types.js';
import type { ListFilters } from './parse-list-filters.js';

function tokensOf(usage: UsageTotals): number {
  return usage.inputTokens + usage.outputTokens;
}

/**
 * Whether a summary passes the structured list filters. Content search (`q`) cannot be decided
 * client-side: it returns 'unknown' then, and the caller refetches from the server.
 *
 * @example
 * matchesListFilters(summary, { hasFallback: true }); // true | false | 'unknown'
 */
export function matchesListFilters(summary: TraceSummary, filters: ListFilters): boolean | 'unknown' {
  if (filters.service !== undefined && summary.serviceName !== filters.service) return false;
  if (filters.model !== undefined && !summary.models.includes(filters.model)) return false;
  if (filters.provider !== undefined && !summary.providers.includes(filters.provider)) return false;
  if (filters.operation !== undefined && !summary.operations.includes(filters.operation)) return false;
  if (filters.status !== undefined && summary.status !== filters.status) return false;
  if (filters.hasFallback !== undefined && summary.hasFallback !== filters.hasFallback) return false;
  const cost = summary.usage.costUsd;
  if (filters.minCostUsd !== undefined && (cost === null || cost < filters.minCostUsd)) return false;
  if (filters.maxCostUsd !== undefined && (cost === null || cost > filters.maxCostUsd)) return false;
  if (filters.minTokens !== undefined && tokensOf(summary.usage) < filters.minTokens) return false;
  if (filters.maxTokens !== undefined && tokensOf(summary.usage) > filters.maxTokens) return false;
  return filters.q ? 'unknown' : true;
}

/**
 * Merges live updates into the shown first page: changed traces are replaced in place, new matching
 * traces go on top (newest first). No row is cut from the bottom: the page's next cursor points after
 * the last row it fetched, so a cut row would be skipped by the next page. The caller bounds the page
 * by fetching it again once it has grown too long.
 *
 * @example
 * computeLiveList({ current: rows, updates: update.traces, filters: {} });
 */
export function computeLiveList(options: {
  readonly current: readonly TraceSummary[];
  readonly updates: readonly TraceSummary[];
  readonly filters: ListFilters;
}): TraceSummary[] {
  const updated = new Map(options.updates.map((u) => [u.traceId, u]));
  const kept = options.current.map((row) => updated.get(row.traceId) ?? row).filter((row) => matchesListFilters(row, options.filters) !== false);
  const shown = new Set(options.current.map((row) => row.traceId));
  const added = options.updates.filter((u) => !shown.has(u.traceId) && matchesListFilters(u, options.filters) === true);
  added.sort((a, b) => (a.startTimeUnixNano < b.startTimeUnixNano ? 1 : a.startTimeUnixNano > b.startTimeUnixNano ? -1 : 0));
  return [...added, ...kept];
}

/**
 * Token and cost totals of a list page, summed from the server's per-trace summaries (which are
 * already free of double counting). Cost is null when every trace's price is unknown.
 *
 * @example
 * computePageTotals(rows).costUsd;
 */
export function computePageTotals(rows: readonly TraceSummary[]): UsageTotals {
  let costUsd: number | null = null;
  let costPartial = false;
  const sum = { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 };
  for (const row of rows) {
    sum.inputTokens += row.usage.inputTokens;
    sum.outputTokens += row.usage.outputTokens;
    sum.cacheReadTokens += row.usage.cacheReadTokens;
    sum.cacheWriteTokens += row.usage.cacheWriteTokens;
    sum.reasoningTokens += row.usage.reasoningTokens;
    if (row.usage.costUsd === null) costPartial = true;
    else costUsd = (costUsd ?? 0) + row.usage.costUsd;
    if (row.usage.costPartial) costPartial = true;
  }
  return { ...sum, costUsd, costPartial: costPartial && costUsd !== null };
}
