import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { TraceSkeleton } from '../../../src/shared/api-types.js';
import { api, ApiRequestError } from '../api/client.js';
import { useAsync } from '../api/use-async.js';
import { UsageLine } from '../components/UsageLine.js';
import { toDurationText, toFallbackText, toTimeText } from '../format/to-display-text.js';
import type { ListRoute, Route } from '../routing/parse-route.js';
import { computeAncestors, computeNextMatch } from './compute-next-match.js';
import { childCountOf, computeSpanTree, computeVisibleRows } from './compute-span-tree.js';
import { computeStepRow } from './compute-step-row.js';
import { SelectedSpan } from './SelectedSpan.js';
import { useSpanSearch, type SpanSearchState } from './use-span-search.js';
import { Waterfall } from './Waterfall.js';

type Navigate = (route: Route, options?: { replace?: boolean }) => void;

/** Focusable controls that handle keys themselves: the trace view's shortcuts stay out of their way. */
const CONTROL_SELECTOR = 'input, textarea, select, button, a[href], summary, [contenteditable]:not([contenteditable="false"])';

function searchStatusText(search: SpanSearchState, matchCount: number): string {
  switch (search.status) {
    case 'idle':
      return 'j/k move · Enter expand/collapse · / search · Esc back';
    case 'searching':
      return 'searching…';
    case 'ready':
      return `${matchCount} matching span${matchCount === 1 ? '' : 's'}`;
    case 'error':
      return `search failed: ${search.error.message}`;
    default: {
      const _exhaustive: never = search;
      return _exhaustive;
    }
  }
}

interface TraceViewProps {
  readonly spanId: string | null;
  /** Where Esc goes back to: the list view (filters and page) the user came from. */
  readonly backRoute: ListRoute;
  readonly navigate: Navigate;
}

function TraceView({ skeleton, spanId, backRoute, navigate }: TraceViewProps & { readonly skeleton: TraceSkeleton }) {
  const { summary } = skeleton;
  const traceId = summary.traceId;
  const tree = useMemo(() => computeSpanTree(skeleton), [skeleton]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(new Set());
  const { rows, rowOf } = useMemo(() => computeVisibleRows(tree, collapsed), [tree, collapsed]);
  const [query, setQuery] = useState('');
  const search = useSpanSearch(traceId, query);
  const matchList = useMemo(
    () => (search.status === 'ready' ? search.spanIds.flatMap((id) => { const i = tree.indexById.get(id); return i === undefined ? [] : [i]; }) : []),
    [search, tree],
  );
  const matches = useMemo(() => new Set(matchList), [matchList]);
  const searchInput = useRef<HTMLInputElement>(null);
  const selectedIndex = spanId === null ? undefined : tree.indexById.get(spanId);
  const selectedRow = selectedIndex === undefined ? -1 : rowOf[selectedIndex]!;

  const selectIndex = useCallback(
    (index: number) => navigate({ view: 'trace', traceId, spanId: skeleton.spanIds[index]! }, { replace: true }),
    [navigate, traceId, skeleton],
  );
  const toggle = useCallback((index: number) => {
    setCollapsed((current) => {
      const next = new Set(current);
      if (next.has(index)) next.delete(index);
      else next.add(index);
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
      // Focus on a control (field, button, link...): its own keys win; Esc only leaves it.
      const control = event.target instanceof Element ? event.target.closest<HTMLElement>(CONTROL_SELECTOR) : null;
      if (event.key === 'Escape') {
        if (control) control.blur();
        else if (query) setQuery('');
        else navigate(backRoute);
        return;
      }
      if (control || event.metaKey || event.ctrlKey || event.altKey) return;
      if (event.key === '/') {
        event.preventDefault();
        searchInput.current?.focus();
      } else if (event.key === 'j' || event.key === 'k') {
        const row = computeStepRow({ tree, rowOf, rowCount: rows.length, from: selectedIndex, step: event.key === 'j' ? 1 : -1 });
        if (row !== undefined) selectIndex(rows[row]!);
      } else if (event.key === 'Enter' && selectedIndex !== undefined && childCountOf(tree, selectedIndex) > 0) {
        toggle(selectedIndex);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [rows, rowOf, selectedIndex, selectIndex, toggle, tree, query, navigate, backRoute]);

  const jumpToMatch = (): void => {
    const target = computeNextMatch({ tree, matches: matchList, from: selectedIndex });
    if (target === undefined) return;
    const ancestors = new Set(computeAncestors(tree, target));
    if ([...ancestors].some((a) => collapsed.has(a))) setCollapsed((current) => new Set([...current].filter((a) => !ancestors.has(a))));
    selectIndex(target);
  };

  return (
    <div className="trace-view">
      <header className="trace-header">
        <h1>{summary.rootName || '(root not received)'}</h1>
        <p className="muted">
          {summary.serviceName} · {toTimeText(summary.startTimeUnixNano)} · {toDurationText(summary.durationMs)} · {summary.spanCount.toLocaleString('en-US')} spans ·
          status {summary.status}
          {summary.hasFallback ? ` · ${toFallbackText(summary)}` : ''}
        </p>
        <UsageLine usage={summary.usage} label="Trace usage" />
      </header>
      <div className="trace-search">
        <input
          ref={searchInput}
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
          {searchStatusText(search, matchList.length)}
        </span>
      </div>
      <div className="trace-body">
        <Waterfall tree={tree} rows={rows} collapsed={collapsed} selectedRow={selectedRow} matches={matches} onSelectRow={(r) => selectIndex(rows[r]!)} onToggle={toggle} />
        <div className="detail-pane">
          {selectedIndex === undefined ? <p className="muted">Select a span (click, or j/k).</p> : <SelectedSpan tree={tree} index={selectedIndex} onSelectSpan={selectById} />}
        </div>
      </div>
    </div>
  );
}

/**
 * The trace route: loads the trace's skeleton (`/api/traces/:id/skeleton`) for the waterfall;
 * the selected span's attributes, events and logs load when it is selected.
 *
 * @example
 * <TraceViewPage traceId={id} spanId={null} backRoute={{ view: 'list', filters: {} }} navigate={navigate} />
 */
export function TraceViewPage({ traceId, ...props }: TraceViewProps & { readonly traceId: string }) {
  const state = useAsync(traceId, (signal) => api.getTraceSkeleton(traceId, signal));
  if (state.status === 'loading') return <p role="status">Loading trace…</p>;
  if (state.status === 'error') {
    const notFound = state.error instanceof ApiRequestError && state.error.status === 404;
    return <p role="alert">{notFound ? `Trace ${traceId} not found.` : `Could not load the trace: ${state.error.message}`}</p>;
  }
  return <TraceView skeleton={state.data} {...props} />;
}
