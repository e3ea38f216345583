import type { TraceSkeleton, TraceSummary } from '../../shared/api-types.js';

/**
 * One row of the skeleton query, in its column order: span id, parent span id, name, kind,
 * status code, start and end (Unix µs), then `hopscope.hop.index` and `hopscope.hop.outcome` as
 * SQLite's json_extract gives them (null on spans that are not hops).
 */
export type SkeletonRow = readonly [
  spanId: string,
  parentSpanId: string | null,
  name: string,
  kind: number,
  statusCode: number,
  startUs: number,
  endUs: number,
  hopIndex: unknown,
  hopOutcome: unknown,
];

/**
 * The columnar skeleton of a trace from its rows in start-time order: parents resolved to
 * indexes and names interned, in one pass plus one map of the span ids (O(n)).
 *
 * @example
 * toTraceSkeleton(summary, [['00000000000000a1', null, 'root', 1, 0, 100, 250, null, null]]);
 * // { spanIds: ['00000000000000a1'], parents: [-1], names: ['root'], startOffsetsUs: [0], durationsUs: [150], … }
 */
export function toTraceSkeleton(summary: TraceSummary, rows: readonly SkeletonRow[]): TraceSkeleton {
  const count = rows.length;
  const spanIds = new Array<string>(count);
  const indexById = new Map<string, number>();
  let baseUs = Number.POSITIVE_INFINITY;
  for (let i = 0; i < count; i += 1) {
    const row = rows[i]!;
    spanIds[i] = row[0];
    indexById.set(row[0], i);
    if (row[5] < baseUs) baseUs = row[5];
  }
  const parents = new Array<number>(count);
  const nameIndexes = new Array<number>(count);
  const kinds = new Array<number>(count);
  const statusCodes = new Array<number>(count);
  const startOffsetsUs = new Array<number>(count);
  const durationsUs = new Array<number>(count);
  const names: string[] = [];
  const nameIndex = new Map<string, number>();
  const hops: [number, number, string][] = [];
  for (let i = 0; i < count; i += 1) {
    const [, parentSpanId, name, kind, statusCode, startUs, endUs, hopIndex, hopOutcome] = rows[i]!;
    const parent = parentSpanId === null ? undefined : indexById.get(parentSpanId);
    parents[i] = parent === undefined || parent === i ? -1 : parent;
    let n = nameIndex.get(name);
    if (n === undefined) {
      n = names.length;
      names.push(name);
      nameIndex.set(name, n);
    }
    nameIndexes[i] = n;
    kinds[i] = kind;
    statusCodes[i] = statusCode;
    startOffsetsUs[i] = startUs - baseUs;
    durationsUs[i] = Math.max(0, endUs - startUs);
    if (hopIndex !== null && hopIndex !== undefined) hops.push([i, typeof hopIndex === 'number' ? hopIndex : 0, typeof hopOutcome === 'string' ? hopOutcome : '']);
  }
  return { summary, spanIds, parents, names, nameIndexes, kinds, statusCodes, startOffsetsUs, durationsUs, hops };
}
