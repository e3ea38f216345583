import type { StatusCodeName, TraceListQuery } from '../../../src/shared/api-types.js';

/** The list filters a URL carries: the list query without paging. */
export type ListFilters = Omit<TraceListQuery, 'limit' | 'cursor'>;

const TEXT_KEYS = ['service', 'model', 'provider', 'operation', 'q'] as const;
const NUMBER_KEYS = ['minCostUsd', 'maxCostUsd', 'minTokens', 'maxTokens'] as const;
const STATUSES: readonly StatusCodeName[] = ['UNSET', 'OK', 'ERROR'];

/**
 * URL query parameters to list filters; unknown keys and malformed values are ignored.
 *
 * @example
 * parseListFilters(new URLSearchParams('model=gpt-4o&hasFallback=true')); // { model: 'gpt-4o', hasFallback: true }
 */
export function parseListFilters(params: URLSearchParams): ListFilters {
  const filters: Record<string, string | number | boolean> = {};
  for (const key of TEXT_KEYS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  for (const key of NUMBER_KEYS) {
    const value = params.get(key);
    if (value !== null && value.trim() !== '' && Number.isFinite(Number(value))) filters[key] = Number(value);
  }
  const status = STATUSES.find((s) => s === params.get('status'));
  if (status) filters['status'] = status;
  const fallback = params.get('hasFallback');
  if (fallback === 'true' || fallback === 'false') filters['hasFallback'] = fallback === 'true';
  return filters as ListFilters;
}

/**
 * List filters (plus optional paging) to URL query parameters, in a stable key order.
 *
 * @example
 * toListSearchParams({ model: 'gpt-4o' }, { limit: 50 }).toString(); // 'model=gpt-4o&limit=50'
 */
export function toListSearchParams(filters: ListFilters, paging: { readonly limit?: number; readonly cursor?: string } = {}): URLSearchParams {
  const params = new URLSearchParams();
  const keys = [...TEXT_KEYS, 'status', 'hasFallback', ...NUMBER_KEYS] as const;
  for (const key of keys) {
    const value = filters[key];
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  if (paging.limit !== undefined) params.set('limit', String(paging.limit));
  if (paging.cursor !== undefined) params.set('cursor', paging.cursor);
  return params;
}
