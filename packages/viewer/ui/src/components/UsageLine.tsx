import { toCostText, toTokenText } from '../format/to-display-text.js';
import type { SpanUsage } from '../genai/parse-usage.js';

/** A span's own usage or a trace's totals. */
export type UsageNumbers = SpanUsage & { readonly costPartial?: boolean };

/**
 * Tokens in/out, cache read and write and reasoning apart, and cost ("unknown" without a price).
 *
 * @example
 * <UsageLine usage={summary.usage} label="Trace usage" />
 */
export function UsageLine({ usage, label }: { readonly usage: UsageNumbers; readonly label: string }) {
  return (
    <dl className="usage-line" aria-label={label}>
      <dt>in</dt>
      <dd>{toTokenText(usage.inputTokens)}</dd>
      <dt>out</dt>
      <dd>{toTokenText(usage.outputTokens)}</dd>
      <dt>cache read</dt>
      <dd>{toTokenText(usage.cacheReadTokens)}</dd>
      <dt>cache write</dt>
      <dd>{toTokenText(usage.cacheWriteTokens)}</dd>
      <dt>reasoning</dt>
      <dd>{toTokenText(usage.reasoningTokens)}</dd>
      <dt>cost</dt>
      <dd>{toCostText(usage.costUsd, usage.costPartial ?? false)}</dd>
    </dl>
  );
}
