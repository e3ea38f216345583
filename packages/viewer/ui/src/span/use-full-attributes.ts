import { useEffect, useState } from 'react';
import type { SpanRecord } from '../../../src/shared/api-types.js';
import { api } from '../api/client.js';

const SLICE_CHARS = 1_000_000;

export type FullAttributesState = { readonly attributes: Record<string, unknown>; readonly loading: readonly string[]; readonly failed: readonly string[] };

/**
 * The span's attributes with truncated values (`truncatedAttributes`) loaded in 1M-character
 * slices, one request at a time so the tab stays responsive while a 5 MB message arrives.
 *
 * @example
 * const { attributes, loading } = useFullAttributes(span);
 */
export function useFullAttributes(span: SpanRecord): FullAttributesState {
  const [state, setState] = useState<FullAttributesState & { spanId: string }>({ spanId: span.spanId, attributes: span.attributes, loading: [], failed: [] });
  useEffect(() => {
    const truncated = Object.entries(span.truncatedAttributes ?? {});
    setState({ spanId: span.spanId, attributes: span.attributes, loading: truncated.map(([key]) => key), failed: [] });
    if (truncated.length === 0) return undefined;
    const controller = new AbortController();
    void (async () => {
      for (const [key, { totalChars }] of truncated) {
        try {
          const chunks: string[] = [];
          for (let offset = 0; offset < totalChars; offset += SLICE_CHARS) {
            const slice = await api.getAttributeSlice({ traceId: span.traceId, spanId: span.spanId, key, offset, length: SLICE_CHARS }, controller.signal);
            chunks.push(slice.text);
            if (slice.text.length === 0) break;
          }
          const value = chunks.join('');
          setState((s) => ({ ...s, attributes: { ...s.attributes, [key]: value }, loading: s.loading.filter((k) => k !== key) }));
        } catch {
          if (controller.signal.aborted) return;
          setState((s) => ({ ...s, loading: s.loading.filter((k) => k !== key), failed: [...s.failed, key] }));
        }
      }
    })();
    return () => controller.abort();
  }, [span]);
  return state.spanId === span.spanId ? state : { attributes: span.attributes, loading: [], failed: [] };
}
