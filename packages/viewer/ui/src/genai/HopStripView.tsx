import { toCallCostText, toCostText, toDurationText, toTokenText } from '../format/to-display-text.js';
import { toHopKey, toHopLabel, type HopStrip } from './compute-hop-strip.js';

/**
 * The hops of one fallback call: index, provider/model, outcome, error, duration, tokens, cost;
 * the winner marked and the failed hops' waste totalled. A hop that failed or was skipped without
 * reporting usage reads "no charge" (the waste and the trace total count it as $0); a hop with
 * tokens but no price reads "unknown". A hop skipped without a request (cooldown) reads "not tried".
 *
 * @example
 * <HopStripView strip={strip} onSelectSpan={(id) => select(id)} />
 */
export function HopStripView({ strip, onSelectSpan }: { readonly strip: HopStrip; readonly onSelectSpan?: (spanId: string) => void }) {
  return (
    <section className="hop-strip" aria-label="Fallback hops">
      <header>
        Fallback chain · {strip.count} hop{strip.count === 1 ? '' : 's'}
        {strip.instrumented ? null : <span className="badge"> hops not instrumented</span>}
      </header>
      <ol className="hops">
        {strip.hops.map((hop) => (
          <li key={toHopKey(hop)} className={`hop outcome-${hop.outcome}${hop.winner ? ' hop-winner' : ''}`} aria-label={`hop ${hop.index + 1}${hop.attempt > 1 ? ` attempt ${hop.attempt}` : ''}`}>
            <div className="hop-title">
              {toHopLabel(hop)} {hop.provider ? `${hop.provider} / ` : ''}
              <strong>{hop.model}</strong>
              {hop.winner ? <span className="badge badge-winner">winner</span> : null}
            </div>
            <div>
              outcome: <span className="hop-outcome">{hop.outcome}</span>
              {hop.errorType ? <span className="hop-error"> · {hop.errorType}</span> : null}
            </div>
            {strip.instrumented && !hop.tried ? (
              <div className="muted hop-not-tried" aria-label="not tried">
                not tried (no request made) · duration — · tokens — · no charge
              </div>
            ) : null}
            {strip.instrumented && hop.tried ? (
              <div className="muted">
                {hop.durationMs === null ? '' : toDurationText(hop.durationMs)} ·{' '}
                {hop.usage ? `${toTokenText(hop.usage.inputTokens)} in / ${toTokenText(hop.usage.outputTokens)} out` : 'no usage reported'} ·{' '}
                {toCallCostText(hop)}
              </div>
            ) : null}
            {hop.spanId && onSelectSpan ? (
              <button type="button" className="link-button" onClick={() => onSelectSpan(hop.spanId!)}>
                open hop span
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      {strip.instrumented ? (
        <p className="hop-waste" aria-label="Wasted by failed hops">
          Failed hops: {strip.wasted.failedHops}{strip.wasted.skippedHops > 0 ? ` · not tried: ${strip.wasted.skippedHops}` : ''} · wasted {toTokenText(strip.wasted.tokens)} tokens · {toCostText(strip.wasted.costUsd)}
        </p>
      ) : null}
    </section>
  );
}
