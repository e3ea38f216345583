/**
 * Display text for numbers the viewer shows. A missing price is "unknown", never "$0".
 *
 * @example
 * toCostText(null);     // 'unknown'
 * toCostText(0.002225); // '$0.002225'
 */
export function toCostText(costUsd: number | null, partial = false): string {
  if (costUsd === null) return 'unknown';
  const digits = costUsd === 0 ? 2 : costUsd >= 1 ? 2 : Math.min(8, 2 - Math.floor(Math.log10(costUsd)) + 2);
  const text = `$${costUsd.toFixed(digits).replace(/(\.\d\d\d*?)0+$/, '$1')}`;
  return partial ? `${text}+ (some unknown)` : text;
}

/**
 * One call's or hop's cost: "no charge" when it failed or was skipped without reporting usage
 * (the trace total counts it as $0), else as `toCostText` ("unknown" without a price).
 *
 * @example
 * toCallCostText({ costUsd: 0, unbilled: true });      // 'no charge'
 * toCallCostText({ costUsd: null, unbilled: false });  // 'unknown'
 */
export function toCallCostText({ costUsd, unbilled }: { readonly costUsd: number | null; readonly unbilled: boolean }): string {
  return unbilled ? 'no charge' : toCostText(costUsd);
}

/**
 * Token counts with thousands separators.
 *
 * @example
 * toTokenText(12345); // '12,345'
 */
export function toTokenText(tokens: number): string {
  return tokens.toLocaleString('en-US');
}

/**
 * A duration in ms as short text.
 *
 * @example
 * toDurationText(1530); // '1.53 s'
 */
export function toDurationText(ms: number): string {
  if (ms < 1) return `${Math.round(ms * 1000)} µs`;
  if (ms < 1000) return `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(2)} s`;
  return `${Math.floor(ms / 60_000)} m ${Math.round((ms % 60_000) / 1000)} s`;
}

/**
 * A Unix-nanosecond timestamp as local date-time text (ISO-like, to the millisecond).
 *
 * @example
 * toTimeText('1700000000000000000');
 */
export function toTimeText(unixNanos: string): string {
  const ms = Number(unixNanos) / 1e6;
  if (!Number.isFinite(ms)) return '?';
  const date = new Date(ms);
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

/**
 * A signed delta for compare views.
 *
 * @example
 * toDeltaText(-12.5, (n) => `${n} ms`); // '−12.5 ms'
 */
export function toDeltaText(delta: number | null, format: (n: number) => string): string {
  if (delta === null) return 'unknown';
  if (delta === 0) return '±0';
  return `${delta > 0 ? '+' : '−'}${format(Math.abs(delta))}`;
}

/**
 * A trace's fallback badge: failed hops (tried, no answer) apart from hops not tried (skipped
 * by cooldown), each part left out when zero.
 *
 * @example
 * toFallbackText({ failedHopCount: 2, skippedHopCount: 1 }); // 'fallback · 2 failed · 1 not tried'
 */
export function toFallbackText({ failedHopCount, skippedHopCount }: { readonly failedHopCount: number; readonly skippedHopCount: number }): string {
  const parts = ['fallback'];
  if (failedHopCount > 0) parts.push(`${failedHopCount} failed`);
  if (skippedHopCount > 0) parts.push(`${skippedHopCount} not tried`);
  return parts.join(' · ');
}

/**
 * The token kinds a trace row shows beside in / out: cache read, cache write and reasoning, each
 * left out when zero; null when all are zero.
 *
 * @example
 * toTokenBreakdownText({ cacheReadTokens: 1200, cacheWriteTokens: 0, reasoningTokens: 80 }); // 'cache read 1,200 · reasoning 80'
 */
export function toTokenBreakdownText(usage: { readonly cacheReadTokens: number; readonly cacheWriteTokens: number; readonly reasoningTokens: number }): string | null {
  const parts: string[] = [];
  if (usage.cacheReadTokens > 0) parts.push(`cache read ${toTokenText(usage.cacheReadTokens)}`);
  if (usage.cacheWriteTokens > 0) parts.push(`cache write ${toTokenText(usage.cacheWriteTokens)}`);
  if (usage.reasoningTokens > 0) parts.push(`reasoning ${toTokenText(usage.reasoningTokens)}`);
  return parts.length > 0 ? parts.join(' · ') : null;
}
