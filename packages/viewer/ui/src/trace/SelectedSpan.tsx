import { api } from '../api/client.js';
import { useAsync } from '../api/use-async.js';
import { SpanDetail } from '../span/SpanDetail.js';
import { childrenOf, type SpanTree } from './compute-span-tree.js';

/** The hop strip reads at most this many hop children of a span. */
const MAX_HOP_CHILDREN = 255;

/**
 * The ids to fetch for span `index`: the span itself and its fallback-hop children (what the hop
 * strip reads), never its other children.
 *
 * @example
 * toSelectedSpanIds(tree, 3); // ['<span id>', '<hop 0 id>', '<hop 1 id>']
 */
export function toSelectedSpanIds(tree: SpanTree, index: number): string[] {
  const hops = childrenOf(tree, index).filter((child) => tree.hopByIndex.has(child)).slice(0, MAX_HOP_CHILDREN);
  return [index, ...hops].map((i) => tree.skeleton.spanIds[i]!);
}

/**
 * The selected span in full: fetched with its hop children and logs (`/api/traces/:id/spans`)
 * when selected, then shown by SpanDetail.
 *
 * @example
 * <SelectedSpan tree={tree} index={selectedIndex} onSelectSpan={selectById} />
 */
export function SelectedSpan({ tree, index, onSelectSpan }: { readonly tree: SpanTree; readonly index: number; readonly onSelectSpan: (spanId: string) => void }) {
  const traceId = tree.skeleton.summary.traceId;
  const ids = toSelectedSpanIds(tree, index);
  const state = useAsync(`${traceId}/${ids.join(',')}`, (signal) => api.getSpans(traceId, ids, signal));
  if (state.status === 'loading') return <p role="status">Loading span…</p>;
  if (state.status === 'error') return <p role="alert">Could not load the span: {state.error.message}</p>;
  const spanId = ids[0]!;
  const span = state.data.spans.find((s) => s.spanId === spanId);
  if (!span) return <p role="alert">Span {spanId} is no longer stored.</p>;
  return (
    <SpanDetail
      span={span}
      childSpans={state.data.spans.filter((s) => s.parentSpanId === spanId && s.spanId !== spanId)}
      logs={state.data.logs.filter((log) => log.spanId === spanId)}
      onSelectSpan={onSelectSpan}
    />
  );
}
