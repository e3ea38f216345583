import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { LogRecordEntry, TraceDetail } from '../../../src/shared/api-types.js';
import { api, ApiRequestError } from '../api/client.js';
import { useAsync } from '../api/use-async.js';
import { UsageLine } from '../components/UsageLine.js';
import { toDurationText, toTimeText } from '../format/to-display-text.js';
import type { Route } from '../routing/parse-route.js';
import { SpanDetail } from '../span/SpanDetail.js';
import { computeSpanSearch } from './compute-span-search.js';
import { computeSpanTree, computeVisibleRows } from './compute-span-tree.js';
import { Waterfall } from './Waterfall.js';

type Navigate = (route: Route, options?: { replace?: boolean }) => void;

function TraceView({ detail, spanId, navigate }: { readonly detail: TraceDetail; readonly spanId: string | null; readonly navigate: Navigate }) {
  const tree = useMemo(() => computeSpanTree(detail.spans), [detail]);
  const logsBySpan = useMemo(() => {
    const map = new Map<string, LogRecordEntry[]>();
    for (const log of detail.logs) if (log.spanId) map.set(log.spanId, [...(map.get(log.spanId) ?? []), log]);
    return map;
  }, [detail]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const rows = useMemo(() => computeVisibleRows(tree, collapsed), [tree, collapsed]);
  const [query, setQuery] = useState('');
  const matchList = useMemo(() => computeSpanSearch({ spans: detail.spans, query }), [detail, query]);
  const matches = useMemo(() => new Set(matchList), [matchList]);
  const search = useRef<HTMLInputElement>(null);
  const selectedIndex = spanId === null ? undefined : tree.indexById.get(spanId);
  const selectedRow = selectedIndex === undefined ? -1 : rows.indexOf(selectedIndex);

  const selectIndex = useCallback(
    (index: number) => navigate({ view: 'trace', traceId: detail.summary.traceId, spanId: tree.spans[index]!.spanId }, { replace: true }),
    [navigate, detail, tree],
  );
  const toggle = useCallback((id: string) => {
    setCollapsed((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);
  const selectById = useCallback(
    (id: string) => {
      const index = tree.indexById.get(id);
      if (index !== undefined) selectIndex(index);
    },
    [tree, selectIndex],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      const target = event.target as HTMLElement | null;
      const typing = target?.tagName === 'INPUT' || target?.tagName === 'TEXTAREA' || target?.tagName === 'SELECT';
      if (event.key === 'Escape') {
        if (typing) target?.blur();
        else if (query) setQuery('');
        else navigate({ view: 'list', filters: {} });
        return;
      }
      if (typing || event.metaKey || event.ctrlKey || event.altKey) return;
      if (event.key === '/') {
        event.preventDefault();
        search.current?.focus();
      } else if (event.key === 'j' || event.key === 'k') {
        const step = event.key === 'j' ? 1 : -1;
        const next = Math.min(rows.length - 1, Math.max(0, (selectedRow === -1 ? -step : selectedRow) + step));
        if (rows[next] !== undefined) selectIndex(rows[next]);
      } else if (event.key === 'Enter' && selectedIndex !== undefined && tree.children[selectedIndex]!.length > 0) {
        toggle(tree.spans[selectedIndex]!.spanId);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [rows, selectedRow, selectedIndex, selectIndex, toggle, tree, query, navigate]);

  const jumpToMatch = (): void => {
    const after = matchList.find((i) => rows.indexOf(i) > selectedRow) ?? matchList[0];
    if (after === undefined) return;
    // expand the ancestors of the match so it becomes a visible row
    const ancestors = new Set<string>();
    let parent = tree.spans[after]!.parentSpanId;
    while (parent && !ancestors.has(parent)) {
      ancestors.add(parent);
      const p = tree.indexById.get(parent);
      parent = p === undefined ? null : tree.spans[p]!.parentSpanId;
    }
    setCollapsed((current) => new Set([...current].filter((id) => !ancestors.has(id))));
    selectIndex(after);
  };

  const { summary } = detail;
  const selectedSpan = selectedIndex === undefined ? undefined : tree.spans[selectedIndex];
  return (
    <div className="trace-view">
      <header className="trace-header">
        <h1>{summary.rootName || '(root not received)'}</h1>
        <p className="muted">
          {summary.serviceName} · {toTimeText(summary.startTimeUnixNano)} · {toDurationText(summary.durationMs)} · {summary.spanCount.toLocaleString('en-US')} spans ·
          status {summary.status}
          {summary.hasFallback ? ` · fallback (${summary.failedHopCount} failed hops)` : ''}
        </p>
        <UsageLine usage={summary.usage} label="Trace usage" />
      </header>
      <div className="trace-search">
        <input
          ref={search}
          type="search"
          aria-label="Search spans"
          placeholder="Search spans ( / )"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') jumpToMatch();
          }}
        />
        <span role="status" className="muted">
          {query ? `${matchList.length} matching span${matchList.length === 1 ? '' : 's'}` : 'j/k move · Enter expand/collapse · / search · Esc back'}
        </span>
      </div>
      <div className="trace-body">
        <Waterfall tree={tree} rows={rows} collapsed={collapsed} selectedRow={selectedRow} matches={matches} onSelectRow={(r) => selectIndex(rows[r]!)} onToggle={toggle} />
        <div className="detail-pane">
          {selectedSpan ? (
            <SpanDetail
              span={selectedSpan}
              childSpans={tree.children[selectedIndex!]!.map((i) => tree.spans[i]!)}
              logs={logsBySpan.get(selectedSpan.spanId) ?? []}
              onSelectSpan={selectById}
            />
          ) : (
            <p className="muted">Select a span (click, or j/k).</p>
          )}
        </div>
      </div>
    </div>
  );
}

/**
 * The trace route: loads `/api/traces/:id` and shows the waterfall and the selected span.
 *
 * @example
 * <TraceViewPage traceId={id} spanId={null} navigate={navigate} />
 */
export function TraceViewPage({ traceId, spanId, navigate }: { readonly traceId: string; readonly spanId: string | null; readonly navigate: Navigate }) {
  const state = useAsync(traceId, (signal) => api.getTrace(traceId, signal));
  if (state.status === 'loading') return <p role="status">Loading trace…</p>;
  if (state.status === 'error') {
    const notFound = state.error instanceof ApiRequestError && state.error.status === 404;
    return <p role="alert">{notFound ? `Trace ${traceId} not found.` : `Could not load the trace: ${state.error.message}`}</p>;
  }
  return <TraceView detail={state.data} spanId={spanId} navigate={navigate} />;
}
