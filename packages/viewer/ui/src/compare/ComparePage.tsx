import { useMemo } from 'react';
import type { CompareResponse, TraceSummary } from '../../../src/shared/api-types.js';
import { api } from '../api/client.js';
import { useAsync } from '../api/use-async.js';
import { toCallCostText, toCostText, toDeltaText, toDurationText, toTokenText } from '../format/to-display-text.js';
import { toRouteHash } from '../routing/parse-route.js';
import { computeCompare, type CompareCell } from './compute-compare.js';

function Cell({ cell }: { readonly cell: CompareCell | null }) {
  if (!cell) return <td className="muted">—</td>;
  return (
    <td>
      <strong>{cell.model}</strong> · {cell.outcome}
      {cell.tried ? (
        <div className="muted">
          {cell.durationMs === null ? '' : toDurationText(cell.durationMs)} · {toTokenText(cell.tokens)} tokens · {toCallCostText(cell)}
        </div>
      ) : (
        <div className="muted">not tried (no request made) · no charge</div>
      )}
    </td>
  );
}

function totalTokens(summary: TraceSummary): number {
  return summary.usage.inputTokens + summary.usage.outputTokens;
}

function CompareTable({ data }: { readonly data: CompareResponse }) {
  const rows = useMemo(() => computeCompare(data), [data]);
  const a = data.a.summary;
  const b = data.b.summary;
  const costDelta = a.usage.costUsd === null || b.usage.costUsd === null ? null : b.usage.costUsd - a.usage.costUsd;
  return (
    <section aria-label="Compare traces">
      <table className="compare-table" aria-label="Totals">
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">
              A: <a href={toRouteHash({ view: 'trace', traceId: a.traceId, spanId: null })}>{a.rootName}</a>
            </th>
            <th scope="col">
              B: <a href={toRouteHash({ view: 'trace', traceId: b.traceId, spanId: null })}>{b.rootName}</a>
            </th>
            <th scope="col">Δ (B − A)</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Duration</th>
            <td>{toDurationText(a.durationMs)}</td>
            <td>{toDurationText(b.durationMs)}</td>
            <td>{toDeltaText(b.durationMs - a.durationMs, toDurationText)}</td>
          </tr>
          <tr>
            <th scope="row">Tokens</th>
            <td>{toTokenText(totalTokens(a))}</td>
            <td>{toTokenText(totalTokens(b))}</td>
            <td>{toDeltaText(totalTokens(b) - totalTokens(a), toTokenText)}</td>
          </tr>
          <tr>
            <th scope="row">Cost</th>
            <td>{toCostText(a.usage.costUsd, a.usage.costPartial)}</td>
            <td>{toCostText(b.usage.costUsd, b.usage.costPartial)}</td>
            <td>{toDeltaText(costDelta, (n) => toCostText(n))}</td>
          </tr>
        </tbody>
      </table>
      <table className="compare-table" aria-label="Calls and hops">
        <thead>
          <tr>
            <th scope="col">Call / hop</th>
            <th scope="col">A</th>
            <th scope="col">B</th>
            <th scope="col">Δ duration</th>
            <th scope="col">Δ tokens</th>
            <th scope="col">Δ cost</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            // A call or hop only one trace has: nothing to subtract ("—"), which is not an unknown value.
            const paired = row.a !== null && row.b !== null;
            return (
              <tr key={row.label} className={row.kind === 'hop' ? 'compare-hop-row' : 'compare-call-row'}>
                <th scope="row">{row.label}</th>
                <Cell cell={row.a} />
                <Cell cell={row.b} />
                <td>{paired ? toDeltaText(row.durationDeltaMs, toDurationText) : '—'}</td>
                <td>{paired ? toDeltaText(row.tokenDelta, toTokenText) : '—'}</td>
                <td>{paired ? toDeltaText(row.costDeltaUsd, (n) => toCostText(n)) : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length === 0 ? <p className="muted">Neither trace has LLM calls to align.</p> : null}
    </section>
  );
}

/**
 * Two traces side by side (`/api/compare`), aligned call by call and, under fallback calls, hop
 * by hop (`computeCompare`).
 *
 * @example
 * <ComparePage a={idA} b={idB} />
 */
export default function ComparePage({ a, b }: { readonly a: string; readonly b: string }) {
  const state = useAsync(`${a}/${b}`, (signal) => api.compare(a, b, signal));
  if (state.status === 'loading') return <p role="status">Loading both traces…</p>;
  if (state.status === 'error') return <p role="alert">Could not compare: {state.error.message}</p>;
  return <CompareTable data={state.data} />;
}
