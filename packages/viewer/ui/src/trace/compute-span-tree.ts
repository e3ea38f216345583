import type { SpanRecord } from '../../../src/shared/api-types.js';
import { compareDecimalStrings } from '../genai/read-value.js';

/** A trace's spans as a tree in flat arrays, built once per trace (100k spans must stay cheap). */
export interface SpanTree {
  readonly spans: readonly SpanRecord[];
  /** Children indexes of each span, in start-time order. */
  readonly children: readonly (readonly number[])[];
  /** Root indexes: spans without a parent, or whose parent has not arrived (orphans). */
  readonly roots: readonly number[];
  readonly depth: readonly number[];
  readonly indexById: ReadonlyMap<string, number>;
  /** Trace start and end in milliseconds relative to the earliest span. */
  readonly startOffsetMs: readonly number[];
  readonly totalMs: number;
}

/** Exact nanosecond subtraction; a malformed time counts as the trace start. */
function nanosToMs(nanos: string, base: bigint): number {
  try {
    return Number(BigInt(nanos) - base) / 1e6;
  } catch {
    return 0;
  }
}

function nanosToBigInt(nanos: string): bigint {
  try {
    return BigInt(nanos);
  } catch {
    return 0n;
  }
}

/**
 * Builds the span tree of a trace: parent links, start-ordered children, depths and offsets.
 *
 * @example
 * const tree = computeSpanTree(detail.spans);
 * tree.roots.map((i) => tree.spans[i]!.name);
 */
export function computeSpanTree(spans: readonly SpanRecord[]): SpanTree {
  const indexById = new Map<string, number>();
  spans.forEach((span, i) => indexById.set(span.spanId, i));
  const children: number[][] = spans.map(() => []);
  const roots: number[] = [];
  spans.forEach((span, i) => {
    const parent = span.parentSpanId === null ? undefined : indexById.get(span.parentSpanId);
    if (parent === undefined || parent === i) roots.push(i);
    else children[parent]!.push(i);
  });
  const byStart = (a: number, b: number): number => compareDecimalStrings(spans[a]!.startTimeUnixNano, spans[b]!.startTimeUnixNano);
  roots.sort(byStart);
  for (const list of children) if (list.length > 1) list.sort(byStart);
  const base = spans.reduce((min, s) => (compareDecimalStrings(s.startTimeUnixNano, min) < 0 ? s.startTimeUnixNano : min), spans[0]?.startTimeUnixNano ?? '0');
  const baseNanos = nanosToBigInt(base);
  const startOffsetMs = spans.map((span) => nanosToMs(span.startTimeUnixNano, baseNanos));
  const totalMs = spans.reduce((max, span, i) => Math.max(max, startOffsetMs[i]! + span.durationMs), 0);
  const depth = new Array<number>(spans.length).fill(0);
  const stack = [...roots];
  const seen = new Uint8Array(spans.length);
  while (stack.length > 0) {
    const i = stack.pop()!;
    if (seen[i]) continue;
    seen[i] = 1;
    for (const child of children[i]!) {
      depth[child] = depth[i]! + 1;
      stack.push(child);
    }
  }
  return { spans, children, roots, depth, indexById, startOffsetMs, totalMs };
}

/**
 * The rows a waterfall shows: a depth-first walk that skips the descendants of collapsed spans.
 *
 * @example
 * computeVisibleRows(tree, new Set(['a1b2c3d4e5f60718'])).length;
 */
export function computeVisibleRows(tree: SpanTree, collapsed: ReadonlySet<string>): number[] {
  const rows: number[] = [];
  const seen = new Uint8Array(tree.spans.length);
  const stack = [...tree.roots].reverse();
  while (stack.length > 0) {
    const i = stack.pop()!;
    if (seen[i]) continue;
    seen[i] = 1;
    rows.push(i);
    if (collapsed.has(tree.spans[i]!.spanId)) continue;
    const kids = tree.children[i]!;
    for (let k = kids.length - 1; k >= 0; k -= 1) stack.push(kids[k]!);
  }
  return rows;
}
