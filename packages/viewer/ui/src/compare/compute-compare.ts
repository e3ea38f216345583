import type { SpanRecord, TraceDetail } from '../../../src/shared/api-types.js';
import { ATTR_GEN_AI_OPERATION_NAME, ATTR_HOPSCOPE_HOP_INDEX } from '../genai/attribute-names.js';
import { computeHopStrip, type HopView } from '../genai/compute-hop-strip.js';
import { parseSpanUsage } from '../genai/parse-usage.js';
import { asString, compareDecimalStrings } from '../genai/read-value.js';

/** One LLM call or fallback hop of a trace, as a compare row shows it. */
export interface CompareCell {
  readonly spanId: string | null;
  readonly model: string;
  readonly outcome: string;
  /** False for a hop skipped without a request: no duration, tokens or cost to show. */
  readonly tried: boolean;
  readonly durationMs: number | null;
  readonly tokens: number;
  readonly costUsd: number | null;
}

export interface CompareRow {
  /** `call 1`, `call 1 · hop 2`: rows align on this key. */
  readonly label: string;
  readonly a: CompareCell | null;
  readonly b: CompareCell | null;
  readonly durationDeltaMs: number | null;
  readonly tokenDelta: number | null;
  readonly costDeltaUsd: number | null;
}

const LLM_OPERATIONS = new Set(['chat', 'text_completion', 'generate_content', 'completion']);

function hopCell(hop: HopView): CompareCell {
  const tokens = (hop.usage?.inputTokens ?? 0) + (hop.usage?.outputTokens ?? 0);
  return { spanId: hop.spanId, model: hop.model, outcome: hop.winner ? `${hop.outcome} (winner)` : hop.outcome, tried: hop.tried, durationMs: hop.durationMs, tokens, costUsd: hop.usage?.costUsd ?? null };
}

function callCells(detail: TraceDetail): Map<string, CompareCell> {
  const children = new Map<string, SpanRecord[]>();
  const byId = new Map<string, SpanRecord>();
  for (const span of detail.spans) {
    byId.set(span.spanId, span);
    if (!span.parentSpanId) continue;
    const siblings = children.get(span.parentSpanId);
    if (siblings) siblings.push(span);
    else children.set(span.parentSpanId, [span]);
  }
  const isCall = (s: SpanRecord): boolean => s.attributes[ATTR_HOPSCOPE_HOP_INDEX] === undefined && LLM_OPERATIONS.has(asString(s.attributes[ATTR_GEN_AI_OPERATION_NAME]) ?? '');
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
  const cells = new Map<string, CompareCell>();
  calls.forEach((span, n) => {
    const strip = computeHopStrip({ span, children: children.get(span.spanId) ?? [] });
    if (strip?.instrumented) {
      for (const hop of strip.hops) cells.set(`call ${n + 1} · hop ${hop.index + 1}`, hopCell(hop));
      return;
    }
    const usage = parseSpanUsage(span.attributes);
    cells.set(`call ${n + 1}`, {
      spanId: span.spanId,
      model: asString(span.attributes['gen_ai.response.model']) ?? asString(span.attributes['gen_ai.request.model']) ?? span.name,
      outcome: span.status.code === 'ERROR' ? 'error' : 'ok',
      tried: true,
      durationMs: span.durationMs,
      tokens: (usage?.inputTokens ?? 0) + (usage?.outputTokens ?? 0),
      costUsd: usage?.costUsd ?? null,
    });
  });
  return cells;
}

function delta(a: number | null | undefined, b: number | null | undefined): number | null {
  return a === null || a === undefined || b === null || b === undefined ? null : b - a;
}

/**
 * Aligns the LLM calls of two traces hop by hop (call n, hop i) with b-minus-a deltas.
 *
 * @example
 * computeCompare({ a: response.a, b: response.b }).map((row) => row.label);
 */
export function computeCompare(options: { readonly a: TraceDetail; readonly b: TraceDetail }): CompareRow[] {
  const a = callCells(options.a);
  const b = callCells(options.b);
  const labels = [...new Set([...a.keys(), ...b.keys()])];
  const order = (label: string): number[] => label.match(/\d+/g)?.map(Number) ?? [];
  labels.sort((x, y) => {
    const [ox, oy] = [order(x), order(y)];
    return (ox[0]! - oy[0]!) || ((ox[1] ?? 0) - (oy[1] ?? 0));
  });
  return labels.map((label) => {
    const left = a.get(label) ?? null;
    const right = b.get(label) ?? null;
    return {
      label,
      a: left,
      b: right,
      durationDeltaMs: delta(left?.durationMs, right?.durationMs),
      tokenDelta: delta(left?.tokens, right?.tokens),
      costDeltaUsd: delta(left?.costUsd, right?.costUsd),
    };
  });
}
