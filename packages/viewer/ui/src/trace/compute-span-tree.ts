import type { TraceSkeleton } from '../../../src/shared/api-types.js';

/** A fallback hop span as the waterfall marks it. */
export interface HopMark {
  readonly hopIndex: number;
  readonly outcome: string;
}

/**
 * A trace's spans as a tree in flat typed arrays, built once per trace from its skeleton in O(n)
 * (100k spans must stay cheap). Span `i` is entry `i` of the skeleton's columns.
 */
export interface SpanTree {
  readonly skeleton: TraceSkeleton;
  readonly count: number;
  /** Parent index, -1 for roots (and for a span whose parent chain loops back to it). */
  readonly parent: Int32Array;
  /** The children of span i are `childList[childStart[i] .. childStart[i + 1])`, in start-time order. */
  readonly childStart: Int32Array;
  readonly childList: Int32Array;
  /** Roots in start-time order: spans without a parent, or whose parent has not arrived (orphans). */
  readonly roots: Int32Array;
  readonly depth: Int32Array;
  /** Position of each span in the depth-first order of the fully expanded tree. */
  readonly preorder: Int32Array;
  readonly indexById: ReadonlyMap<string, number>;
  readonly hopByIndex: ReadonlyMap<number, HopMark>;
  /** Microseconds from the earliest start to the latest end. */
  readonly totalUs: number;
}

/** The rows a waterfall shows (span indexes) and the row of each span (-1 when hidden). */
export interface VisibleRows {
  readonly rows: Int32Array;
  readonly rowOf: Int32Array;
}

/**
 * Builds the span tree of a trace skeleton: start-ordered children, roots, depths, the preorder
 * and an id index. A parent cycle (malformed data) is broken so every span is reachable once.
 *
 * @example
 * const tree = computeSpanTree(skeleton);
 * childrenOf(tree, tree.roots[0]!).map((i) => tree.skeleton.spanIds[i]);
 */
export function computeSpanTree(skeleton: TraceSkeleton): SpanTree {
  const count = skeleton.spanIds.length;
  const parent = new Int32Array(count);
  const indexById = new Map<string, number>();
  let totalUs = 0;
  for (let i = 0; i < count; i += 1) {
    const p = skeleton.parents[i] ?? -1;
    parent[i] = p >= 0 && p < count && p !== i ? p : -1;
    indexById.set(skeleton.spanIds[i]!, i);
    totalUs = Math.max(totalUs, (skeleton.startOffsetsUs[i] ?? 0) + (skeleton.durationsUs[i] ?? 0));
  }
  let { childStart, childList, roots } = toChildLists(parent);
  const depth = new Int32Array(count);
  const preorder = new Int32Array(count).fill(-1);
  const stack = new Int32Array(count);
  let order = 0;
  const walk = (root: number): void => {
    let top = 0;
    stack[top++] = root;
    depth[root] = 0;
    while (top > 0) {
      const i = stack[--top]!;
      if (preorder[i] !== -1) continue;
      preorder[i] = order++;
      for (let c = childStart[i + 1]! - 1; c >= childStart[i]!; c -= 1) {
        const child = childList[c]!;
        if (preorder[child] !== -1) continue;
        depth[child] = depth[i]! + 1;
        stack[top++] = child;
      }
    }
  };
  for (const root of roots) walk(root);
  if (order < count) {
    // Spans on a parent cycle are reachable from no root: the first of each cycle becomes a root.
    for (let i = 0; i < count; i += 1) {
      if (preorder[i] !== -1) continue;
      parent[i] = -1;
      walk(i);
    }
    ({ childStart, childList, roots } = toChildLists(parent));
  }
  const hopByIndex = new Map<number, HopMark>();
  for (const [index, hopIndex, outcome] of skeleton.hops) hopByIndex.set(index, { hopIndex, outcome });
  return { skeleton, count, parent, childStart, childList, roots, depth, preorder, indexById, hopByIndex, totalUs };
}

/** Children lists (CSR: offsets and one flat list, each list in index order) and roots of a parent array. */
function toChildLists(parent: Int32Array): { childStart: Int32Array; childList: Int32Array; roots: Int32Array } {
  const count = parent.length;
  const childStart = new Int32Array(count + 1);
  let rootCount = 0;
  for (let i = 0; i < count; i += 1) {
    if (parent[i] === -1) rootCount += 1;
    else childStart[parent[i]! + 1]! += 1;
  }
  for (let i = 0; i < count; i += 1) childStart[i + 1]! += childStart[i]!;
  const childList = new Int32Array(count);
  const fill = childStart.slice(0, count);
  const roots = new Int32Array(rootCount);
  for (let i = 0, r = 0; i < count; i += 1) {
    const p = parent[i]!;
    if (p === -1) roots[r++] = i;
    else childList[fill[p]!++] = i;
  }
  return { childStart, childList, roots };
}

/**
 * The children of span `index`, in start-time order.
 *
 * @example
 * childrenOf(tree, 0).length;
 */
export function childrenOf(tree: SpanTree, index: number): number[] {
  return Array.from(tree.childList.subarray(tree.childStart[index]!, tree.childStart[index + 1]!));
}

/**
 * The number of children of span `index`.
 *
 * @example
 * childCountOf(tree, 0) > 0; // has a toggle
 */
export function childCountOf(tree: SpanTree, index: number): number {
  return tree.childStart[index + 1]! - tree.childStart[index]!;
}

/**
 * The rows a waterfall shows: a depth-first walk that skips the descendants of collapsed spans
 * (span indexes), and the inverse map from span to row.
 *
 * @example
 * computeVisibleRows(tree, new Set([0])).rows.length; // the roots only, if 0 is the one root
 */
export function computeVisibleRows(tree: SpanTree, collapsed: ReadonlySet<number>): VisibleRows {
  const rows = new Int32Array(tree.count);
  const rowOf = new Int32Array(tree.count).fill(-1);
  const stack = new Int32Array(tree.count);
  let length = 0;
  for (const root of tree.roots) {
    let top = 0;
    stack[top++] = root;
    while (top > 0) {
      const i = stack[--top]!;
      rowOf[i] = length;
      rows[length++] = i;
      if (collapsed.has(i)) continue;
      for (let c = tree.childStart[i + 1]! - 1; c >= tree.childStart[i]!; c -= 1) stack[top++] = tree.childList[c]!;
    }
  }
  return { rows: rows.subarray(0, length), rowOf };
}
