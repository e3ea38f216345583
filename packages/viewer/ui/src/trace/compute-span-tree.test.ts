import { describe, expect, it } from 'vitest';
import { makeSkeleton } from '../test-support/make-span.js';
import { childCountOf, childrenOf, computeSpanTree, computeVisibleRows, type SpanTree } from './compute-span-tree.js';

const skeleton = makeSkeleton([
  { id: 'c2', parent: 'r', startUs: 3_000 },
  { id: 'r', startUs: 0, durationUs: 20_000 },
  { id: 'c1', parent: 'r', startUs: 1_000, hop: [0, 'error'] },
  { id: 'g1', parent: 'c1', startUs: 2_000 },
  { id: 'o', parent: 'missing', startUs: 5_000 },
]);
const labels = (tree: SpanTree, rows: Int32Array) => Array.from(rows, (i) => `${tree.skeleton.spanIds[i]}@${tree.depth[i]}`);
const indexOf = (tree: SpanTree, id: string) => tree.indexById.get(id)!;

describe('computeSpanTree / computeVisibleRows', () => {
  it('walks depth first in start order, orphans as roots', () => {
    const tree = computeSpanTree(skeleton);
    const visible = computeVisibleRows(tree, new Set());
    expect(labels(tree, visible.rows)).toEqual(['r@0', 'c1@1', 'g1@2', 'c2@1', 'o@0']);
    expect(Array.from(visible.rows, (i) => visible.rowOf[i])).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(visible.rows, (i) => tree.preorder[i])).toEqual([0, 1, 2, 3, 4]);
    expect(childrenOf(tree, indexOf(tree, 'r')).map((i) => tree.skeleton.spanIds[i])).toEqual(['c1', 'c2']);
    expect(childCountOf(tree, indexOf(tree, 'g1'))).toBe(0);
    expect(tree.totalUs).toBe(20_000);
    expect(tree.hopByIndex.get(indexOf(tree, 'c1'))).toEqual({ hopIndex: 0, outcome: 'error' });
  });

  it('hides the descendants of collapsed spans and marks them with row -1', () => {
    const tree = computeSpanTree(skeleton);
    expect(labels(tree, computeVisibleRows(tree, new Set([indexOf(tree, 'c1')])).rows)).toEqual(['r@0', 'c1@1', 'c2@1', 'o@0']);
    const rootCollapsed = computeVisibleRows(tree, new Set([indexOf(tree, 'r')]));
    expect(labels(tree, rootCollapsed.rows)).toEqual(['r@0', 'o@0']);
    expect(rootCollapsed.rowOf[indexOf(tree, 'g1')]).toBe(-1);
  });

  it('breaks a parent cycle so every span shows once', () => {
    const tree = computeSpanTree({ ...makeSkeleton([{ id: 'a' }, { id: 'b', startUs: 1 }, { id: 'x', startUs: 2 }]), parents: [1, 0, -1] });
    const rows = computeVisibleRows(tree, new Set()).rows;
    expect([...rows].sort()).toEqual([0, 1, 2]);
    expect(tree.parent[0]).toBe(-1);
  });

  it('handles a 100k-span chain and a 100k-span fan-out without recursion', () => {
    const ids = Array.from({ length: 100_000 }, (_, i) => `s${i}`);
    const chain = computeSpanTree({ ...makeSkeleton(ids.map((id, i) => ({ id, startUs: i }))), parents: ids.map((_, i) => i - 1) });
    expect(computeVisibleRows(chain, new Set()).rows.length).toBe(100_000);
    expect(chain.depth[99_999]).toBe(99_999);
    const fan = computeSpanTree({ ...makeSkeleton(ids.map((id, i) => ({ id, startUs: i }))), parents: ids.map((_, i) => (i === 0 ? -1 : 0)) });
    expect(computeVisibleRows(fan, new Set()).rows.length).toBe(100_000);
    expect(childCountOf(fan, 0)).toBe(99_999);
  });
});
