import { useCallback, useEffect, useRef, useState } from 'react';
import type { TraceSummary } from '../../../src/shared/api-types.js';
import { api } from '../api/client.js';
import { useLiveUpdates } from '../api/use-live-updates.js';
import { UsageLine } from '../components/UsageLine.js';
import { toCostText, toDurationText, toFallbackText, toTimeText, toTokenBreakdownText, toTokenText } from '../format/to-display-text.js';
import { toRouteHash, type Route } from '../routing/parse-route.js';
import { computeLiveList, computePageTotals, matchesListFilters } from './compute-live-list.js';
import { FilterBar } from './FilterBar.js';
import { readPreviousPage, rememberPreviousPage } from './page-trail.js';
import { toListSearchParams, type ListFilters } from './parse-list-filters.js';

const PAGE_SIZE = 50;
/** A first page that live rows have grown past this is fetched again. */
const MAX_LIVE_ROWS = 2 * PAGE_SIZE;

type Page = { readonly rows: readonly TraceSummary[]; readonly nextCursor: string | null; readonly status: 'loading' | 'ready' | 'error'; readonly error?: string };

function TraceRow({ trace, checked, onCheck }: { trace: TraceSummary; checked: boolean; onCheck: (checked: boolean) => void }) {
  const { usage } = trace;
  const breakdown = toTokenBreakdownText(usage);
  return (
    <tr className={trace.status === 'ERROR' ? 'error' : undefined} data-trace-id={trace.traceId}>
      <td>
        <input type="checkbox" aria-label={`Select ${trace.rootName || trace.traceId} for compare`} checked={checked} onChange={(e) => onCheck(e.target.checked)} />
      </td>
      <td>{toTimeText(trace.startTimeUnixNano)}</td>
      <td>
        <a href={toRouteHash({ view: 'trace', traceId: trace.traceId, spanId: null })}>{trace.rootName || '(root not received)'}</a>
      </td>
      <td>{trace.serviceName}</td>
      <td>{trace.models.join(', ')}</td>
      <td>{toDurationText(trace.durationMs)}</td>
      <td>
        {toTokenText(usage.inputTokens)} / {toTokenText(usage.outputTokens)}
        {breakdown ? <div className="muted token-breakdown">{breakdown}</div> : null}
      </td>
      <td>{toCostText(usage.costUsd, usage.costPartial)}</td>
      <td>{trace.status}</td>
      <td>{trace.hasFallback ? <span className="badge badge-fallback">{toFallbackText(trace)}</span> : null}</td>
    </tr>
  );
}

/**
 * The trace list: filters and page cursor in the URL, bounded pages by cursor, live rows over SSE
 * (first page only) with a pause.
 *
 * @example
 * <TraceListPage filters={route.filters} cursor={route.cursor} navigate={navigate} />
 */
export function TraceListPage({ filters, cursor, navigate }: { readonly filters: ListFilters; readonly cursor: string | undefined; readonly navigate: (route: Route) => void }) {
  const filterKey = toListSearchParams(filters).toString();
  const [page, setPage] = useState<Page>({ rows: [], nextCursor: null, status: 'loading' });
  const [paused, setPaused] = useState(false);
  const [selected, setSelected] = useState<readonly string[]>([]);
  const [reloads, setReloads] = useState(0);
  const filtersRef = useRef(filters);
  filtersRef.current = filters;

  useEffect(() => {
    const controller = new AbortController();
    api.listTraces(filtersRef.current, { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) }, controller.signal).then(
      (response) => setPage({ rows: response.traces, nextCursor: response.nextCursor, status: 'ready' }),
      (error: unknown) => {
        if (!controller.signal.aborted) setPage((p) => ({ ...p, status: 'error', error: error instanceof Error ? error.message : String(error) }));
      },
    );
    return () => controller.abort();
  }, [filterKey, cursor, reloads]);

  const onLive = useCallback(
    (update: { traces: readonly TraceSummary[] }) => {
      if (update.traces.some((t) => matchesListFilters(t, filtersRef.current) === 'unknown')) {
        setReloads((n) => n + 1);
        return;
      }
      setPage((p) => ({ ...p, rows: computeLiveList({ current: p.rows, updates: update.traces, filters: filtersRef.current }) }));
    },
    [],
  );
  // Live rows never push rows off the page (the next page starts after its last row); a page
  // that has grown too long is fetched again, which also brings its cursor up to date.
  const overgrown = page.rows.length > MAX_LIVE_ROWS;
  useEffect(() => {
    if (overgrown) setReloads((n) => n + 1);
  }, [overgrown]);
  const onConnect = useCallback(() => {
    if (connectedOnce.current) setReloads((n) => n + 1);
    connectedOnce.current = true;
  }, []);
  const connectedOnce = useRef(false);
  useLiveUpdates(!paused && cursor === undefined, onLive, onConnect);

  const goToNextPage = (): void => {
    if (!page.nextCursor) return;
    rememberPreviousPage({ filterKey, cursor: page.nextCursor, previous: cursor });
    navigate({ view: 'list', filters, cursor: page.nextCursor });
  };
  const goToPreviousPage = (): void => {
    const previous = cursor === undefined ? undefined : readPreviousPage({ filterKey, cursor });
    navigate(previous === undefined ? { view: 'list', filters } : { view: 'list', filters, cursor: previous });
  };
  const totals = computePageTotals(page.rows);
  const toggleSelected = (traceId: string, checked: boolean): void =>
    setSelected((current) => (checked ? [...current.filter((id) => id !== traceId), traceId].slice(-2) : current.filter((id) => id !== traceId)));
  return (
    <div className="list-page">
      <FilterBar filters={filters} onChange={(next) => navigate({ view: 'list', filters: next })} />
      <div className="list-toolbar">
        <button type="button" aria-pressed={paused} onClick={() => setPaused((p) => !p)}>
          {paused ? 'Resume live' : 'Pause live'}
        </button>
        <span role="status" className="muted">
          {cursor !== undefined ? 'live updates show on the first page' : paused ? 'live updates paused' : 'live'}
        </span>
        <button type="button" disabled={selected.length !== 2} onClick={() => navigate({ view: 'compare', a: selected[0]!, b: selected[1]! })}>
          Compare selected ({selected.length}/2)
        </button>
        <UsageLine usage={totals} label="Page usage" />
      </div>
      {page.status === 'error' ? <p role="alert">Could not load traces: {page.error}</p> : null}
      <table className="trace-table" aria-label="Traces">
        <thead>
          <tr>
            <th scope="col"><span className="visually-hidden">Select</span></th>
            <th scope="col">Time</th>
            <th scope="col">Root</th>
            <th scope="col">Service</th>
            <th scope="col">Models</th>
            <th scope="col">Duration</th>
            <th scope="col">Tokens in / out</th>
            <th scope="col">Cost</th>
            <th scope="col">Status</th>
            <th scope="col">Fallback</th>
          </tr>
        </thead>
        <tbody>
          {page.rows.map((trace) => (
            <TraceRow key={trace.traceId} trace={trace} checked={selected.includes(trace.traceId)} onCheck={(c) => toggleSelected(trace.traceId, c)} />
          ))}
        </tbody>
      </table>
      {page.status === 'ready' && page.rows.length === 0 ? <p className="muted">No traces yet. Point an OTLP exporter at this server.</p> : null}
      <nav className="pager" aria-label="Pages">
        <button type="button" disabled={cursor === undefined} onClick={goToPreviousPage}>
          Previous page
        </button>
        <button type="button" disabled={!page.nextCursor} onClick={goToNextPage}>
          Next page
        </button>
      </nav>
    </div>
  );
}
