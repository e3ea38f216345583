import type {
  AttributeSlice,
  CompareResponse,
  Facets,
  SpanBatch,
  SpanSearchResult,
  TraceListResponse,
  TraceSkeleton,
} from '../../../src/shared/api-types.js';
import { toListSearchParams, type ListFilters } from '../list/parse-list-filters.js';

/** A failed API call, with the HTTP status a view branches on (404 -> "not found"). */
export class ApiRequestError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.name = 'ApiRequestError';
    this.status = status;
  }
}

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(path, { signal, headers: { accept: 'application/json' } });
  if (!response.ok) {
    let message = `${response.status} ${response.statusText}`;
    try {
      const body = (await response.json()) as { error?: unknown };
      if (typeof body.error === 'string') message = body.error;
    } catch {
      // keep the status line
    }
    throw new ApiRequestError(response.status, message);
  }
  return (await response.json()) as T;
}

/**
 * The viewer's JSON API, one function per endpoint (see src/shared/api-types.ts).
 *
 * @example
 * const page = await api.listTraces({ model: 'gpt-4o' }, { limit: 50 });
 */
export const api = {
  listTraces(filters: ListFilters, paging: { limit?: number; cursor?: string }, signal?: AbortSignal): Promise<TraceListResponse> {
    return getJson(`/api/traces?${toListSearchParams(filters, paging).toString()}`, signal);
  },
  getTraceSkeleton(traceId: string, signal?: AbortSignal): Promise<TraceSkeleton> {
    return getJson(`/api/traces/${encodeURIComponent(traceId)}/skeleton`, signal);
  },
  /** Full records (and logs) of up to 256 spans of a trace. */
  getSpans(traceId: string, spanIds: readonly string[], signal?: AbortSignal): Promise<SpanBatch> {
    return getJson(`/api/traces/${encodeURIComponent(traceId)}/spans?ids=${spanIds.map(encodeURIComponent).join(',')}`, signal);
  },
  searchSpans(traceId: string, query: string, signal?: AbortSignal): Promise<SpanSearchResult> {
    return getJson(`/api/traces/${encodeURIComponent(traceId)}/search?q=${encodeURIComponent(query)}`, signal);
  },
  getAttributeSlice(options: { traceId: string; spanId: string; key: string; offset: number; length: number }, signal?: AbortSignal): Promise<AttributeSlice> {
    const { traceId, spanId, key, offset, length } = options;
    const path = `/api/traces/${encodeURIComponent(traceId)}/spans/${encodeURIComponent(spanId)}/attributes/${encodeURIComponent(key)}`;
    return getJson(`${path}?offset=${offset}&length=${length}`, signal);
  },
  getFacets(signal?: AbortSignal): Promise<Facets> {
    return getJson('/api/facets', signal);
  },
  compare(a: string, b: string, signal?: AbortSignal): Promise<CompareResponse> {
    return getJson(`/api/compare?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`, signal);
  },
};
