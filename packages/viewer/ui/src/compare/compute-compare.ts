import type { SpanRecord, TraceDetail } from '../../../src/shared/api-types.js';
import { MODEL_CALL_OPERATIONS } from '../../../src/shared/genai-operations.js';
import { ATTR_GEN_AI_OPERATION_NAME, ATTR_GEN_AI_REQUEST_MODEL, ATTR_GEN_AI_RESPONSE_MODEL, ATTR_HOPSCOPE_HOP_INDEX } from '../genai/attribute-names.js';
import { computeCallCost } from '../genai/compute-call-cost.js';
import { computeHopStrip, toHopKey, type HopStrip, type HopView } from '../genai/compute-hop-strip.js';
import { parseSpanUsage, type SpanUsage } from '../genai/parse-usage.js';
import { asString, compareDecimalStrings } from '../genai/read-value.js';

/** One LLM call or fallback hop of a trace, as a compare row shows it. */
export interface CompareCell {
  readonly spanId: string | null;
  readonly model: string;
  readonly outcome: string;
  /**
   * False for a hop skipped without a request. It counts as 0 ms, 0 tokens and $0 (no request,
   * no model time, nothing billed), so a row with a skipped hop against a tried one has all three
   * deltas, like any other.
   */
  readonly tried: boolean;
  readonly durationMs: number | null;
  readonly tokens: number;
  /** As the trace total counts it (`computeCallCost`): 0 when unbilled, null when unpriced. */
  readonly costUsd: number | null;
  /** Failed or skipped without reporting usage: "no charge". */
  readonly unbilled: boolean;
}

export interface CompareRow {
  /** `call 1` (the whole call), `call 1 · hop 2` (one hop of a fallback call): rows align on this key. */
  readonly label: string;
  readonly kind: 'call' | 'hop';
  /** Null when that trace has no such call or hop (deltas are then null too). */
  readonly a: CompareCell | null;
  readonly b: CompareCell | null;
  readonly durationDeltaMs: number | null;
  readonly tokenDelta: number | null;
  readonly costDeltaUsd: number | null;
}

/** A call of one trace: its own cell, and its hops when it is an instrumented fallback call. */
interface CallEntry {
  readonly call: CompareCell;
  /** By toHopKey: position and attempt. */
  readonly hops: ReadonlyMap<string, { readonly hop: HopView; readonly cell: CompareCell }>;
}


function tokensOf(usage: SpanUsage | null): number {
  return (usage?.inputTokens ?? 0) + (usage?.outputTokens ?? 0);
}

function hopCell(hop: HopView): CompareCell {
  const outcome = hop.winner ? `${hop.outcome} (winner)` : hop.outcome;
  if (!hop.tried) return { spanId: hop.spanId, model: hop.model, outcome, tried: false, durationMs: 0, tokens: 0, costUsd: 0, unbilled: true };
  return { spanId: hop.spanId, model: hop.model, outcome, tried: true, durationMs: hop.durationMs, tokens: tokensOf(hop.usage), costUsd: hop.costUsd, unbilled: hop.unbilled };
}

function plainCell(span: SpanRecord): CompareCell {
  const usage = parseSpanUsage(span.attributes);
  const failed = span.status.code === 'ERROR';
  return {
    spanId: span.spanId,
    model: asString(span.attributes[ATTR_GEN_AI_RESPONSE_MODEL]) ?? asString(span.attributes[ATTR_GEN_AI_REQUEST_MODEL]) ?? span.name,
    outcome: failed ? 'error' : 'ok',
    tried: true,
    durationMs: span.durationMs,
    tokens: tokensOf(usage),
    ...computeCallCost({ usage, failedOrSkipped: failed }),
  };
}

/**
 * A fallback call as a whole: the call span's duration, the winner's model, and the hops' tokens
 * and cost summed as the trace total sums them (the call span's own usage when no hop reported any).
 */
function fallbackCallCell(span: SpanRecord, strip: HopStrip): CompareCell {
  const own = plainCell(span);
  const winner = strip.hops.find((hop) => hop.winner);
  const outcome = winner ? `fallback, hop ${winner.index + 1} of ${strip.count} won` : 'fallback, no hop won';
  const base = { ...own, model: winner?.model ?? own.model, outcome };
  if (!strip.hops.some((hop) => hop.usage)) return base;
  let costUsd: number | null = 0;
  for (const hop of strip.hops) costUsd = costUsd === null || hop.costUsd === null ? null : costUsd + hop.costUsd;
  const tokens = strip.hops.reduce((sum, hop) => sum + tokensOf(hop.usage), 0);
  return { ...base, tokens, costUsd, unbilled: strip.hops.every((hop) => hop.unbilled) };
}

function callEntries(detail: TraceDetail): CallEntry[] {
  const children = new Map<string, SpanRecord[]>();
  const byId = new Map<string, SpanRecord>();
  for (const span of detail.spans) {
    byId.set(span.spanId, span);
    if (!span.parentSpanId) continue;
    const siblings = children.get(span.parentSpanId);
    if (siblings) siblings.push(span);
    else children.set(span.parentSpanId, [span]);
  }
  const isCall = (s: SpanRecord): boolean => s.attributes[ATTR_HOPSCOPE_HOP_INDEX] === undefined && MODEL_CALL_OPERATIONS.has(asString(s.attributes[ATTR_GEN_AI_OPERATION_NAME]) ?? '');
  // A wrapper whose call is below it (and copies its usage) is that call, counted once: keep the innermost calls.
  // Each ancestor is walked once over all calls (a walk stops where an earlier one passed), so this stays linear.
  const wrappers = new Set<string>();
  const walked = new Set<string>();
  for (const span of detail.spans) {
    if (!isCall(span)) continue;
    for (let parent = byId.get(span.parentSpanId ?? ''); parent !== undefined && !walked.has(parent.spanId); parent = byId.get(parent.parentSpanId ?? '')) {
      walked.add(parent.spanId);
      if (isCall(parent)) wrappers.add(parent.spanId);
    }
  }
  const calls = detail.spans.filter((s) => isCall(s) && !wrappers.has(s.spanId)).sort((x, y) => compareDecimalStrings(x.startTimeUnixNano, y.startTimeUnixNano));
  return calls.map((span) => {
    const strip = computeHopStrip({ span, children: children.get(span.spanId) ?? [] });
    if (!strip?.instrumented) return { call: plainCell(span), hops: new Map() };
    return { call: fallbackCallCell(span, strip), hops: new Map(strip.hops.map((hop) => [toHopKey(hop), { hop, cell: hopCell(hop) }])) };
  });
}

function delta(a: number | null | undefined, b: number | null | undefined): number | null {
  return a === null || a === undefined || b === null || b === undefined ? null : b - a;
}

function toRow(label: string, kind: CompareRow['kind'], a: CompareCell | null, b: CompareCell | null): CompareRow {
  return {
    label,
    kind,
    a,
    b,
    durationDeltaMs: delta(a?.durationMs, b?.durationMs),
    tokenDelta: delta(a?.tokens, b?.tokens),
    costDeltaUsd: delta(a?.costUsd, b?.costUsd),
  };
}

/**
 * Aligns the LLM calls of two traces in start order, call by call (`call n`: a plain call against
 * a whole fallback call, whatever either side is), then, under a call that is a fallback call on
 * either side, hop by hop (`call n · hop i`; the side without that hop is null). Deltas are
 * b minus a; a skipped hop counts as 0 ms, 0 tokens and $0.
 *
 * @example
 * computeCompare({ a: response.a, b: response.b }).map((row) => row.label);
 */
export function computeCompare(options: { readonly a: TraceDetail; readonly b: TraceDetail }): CompareRow[] {
  const a = callEntries(options.a);
  const b = callEntries(options.b);
  const rows: CompareRow[] = [];
  for (let n = 0; n < Math.max(a.length, b.length); n += 1) {
    const left = a[n];
    const right = b[n];
    rows.push(toRow(`call ${n + 1}`, 'call', left?.call ?? null, right?.call ?? null));
    // Hops line up by position and attempt (a retried member has one hop per attempt).
    const places = new Map<string, Pick<HopView, 'index' | 'attempt'>>();
    for (const { hop } of [...(left?.hops.values() ?? []), ...(right?.hops.values() ?? [])]) places.set(toHopKey(hop), hop);
    const ordered = [...places.entries()].sort(([, x], [, y]) => x.index - y.index || x.attempt - y.attempt);
    for (const [key, hop] of ordered) {
      const label = `call ${n + 1} · hop ${hop.index + 1}${hop.attempt > 1 ? ` · attempt ${hop.attempt}` : ''}`;
      rows.push(toRow(label, 'hop', left?.hops.get(key)?.cell ?? null, right?.hops.get(key)?.cell ?? null));
    }
  }
  return rows;
}
