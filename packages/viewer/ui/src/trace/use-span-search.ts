import { useEffect, useState } from 'react';
import { api } from '../api/client.js';

export type SpanSearchState =
  | { readonly status: 'idle' }
  | { readonly status: 'searching' }
  | { readonly status: 'ready'; readonly spanIds: readonly string[] }
  | { readonly status: 'error'; readonly error: Error };

/**
 * In-trace search on the server (`/api/traces/:id/search`), `delayMs` after the query stops
 * changing; a newer query aborts the older request, and only the current query's answer shows.
 *
 * @example
 * const search = useSpanSearch(traceId, query);
 * if (search.status === 'ready') highlight(search.spanIds);
 */
export function useSpanSearch(traceId: string, query: string, delayMs = 120): SpanSearchState {
  const key = `${traceId}\n${query.trim()}`;
  const [state, setState] = useState<{ key: string; value: SpanSearchState }>({ key: '', value: { status: 'idle' } });
  useEffect(() => {
    if (query.trim() === '') return undefined;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api.searchSpans(traceId, query, controller.signal).then(
        (result) => setState({ key, value: { status: 'ready', spanIds: result.spanIds } }),
        (error: unknown) => {
          if (!controller.signal.aborted) setState({ key, value: { status: 'error', error: error instanceof Error ? error : new Error(String(error)) } });
        },
      );
    }, delayMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [key]);
  if (query.trim() === '') return { status: 'idle' };
  return state.key === key ? state.value : { status: 'searching' };
}
