import { describe, expect, it } from 'vitest';
import { makeSpan } from '../test-support/make-span.js';
import { computeSpanTree, computeVisibleRows } from './compute-span-tree.js';

const spans = [
  makeSpan({ spanId: 'c2', parentSpanId: 'r', startTimeUnixNano: '1700000000003000000' }),
  makeSpan({ spanId: 'r', startTimeUnixNano: '1700000000000000000', durationMs: 20 }),
  makeSpan({ spanId: 'c1', parentSpanId: 'r', startTimeUnixNano: '1700000000001000000' }),
  makeSpan({ spanId: 'g1', parentSpanId: 'c1', startTimeUnixNano: '1700000000002000000' }),
  makeSpan({ spanId: 'o', parentSpanId: 'missing', startTimeUnixNano: '1700000000005000000' }),
];
const names = (tree: ReturnType<typeof computeSpanTree>, rows: number[]) => rows.map((i) => `${tree.spans[i]!.spanId}@${tree.depth[i]}`);

describe('computeSpanTree / computeVisibleRows', () => {
  it('walks depth first in start order, orphans as roots', () => {
    const tree = computeSpanTree(spans);
    expect(names(tree, computeVisibleRows(tree, new Set()))).toEqual(['r@0', 'c1@1', 'g1@2', 'c2@1', 'o@0']);
    expect(tree.startOffsetMs[tree.indexById.get('c2')!]).toBe(3);
    expect(tree.totalMs).toBe(20);
  });
  it('hides the descendants of collapsed spans', () => {
    const tree = computeSpanTree(spans);
    expect(names(tree, computeVisibleRows(tree, new Set(['c1'])))).toEqual(['r@0', 'c1@1', 'c2@1', 'o@0']);
    expect(names(tree, computeVisibleRows(tree, new Set(['r'])))).toEqual(['r@0', 'o@0']);
  });
  it('survives a parent cycle without looping', () => {
    const cyclic = [makeSpan({ spanId: 'a', parentSpanId: 'b' }), makeSpan({ spanId: 'b', parentSpanId: 'a' }), makeSpan({ spanId: 'x' })];
    const tree = computeSpanTree(cyclic);
    expect(computeVisibleRows(tree, new Set())).toEqual([2]);
  });
  it('handles a 100k-span chain without recursion', () => {
    const chain = Array.from({ length: 100_000 }, (_, i) => makeSpan({ spanId: `s${i}`, parentSpanId: i === 0 ? null : `s${i - 1}` }));
    const tree = computeSpanTree(chain);
    expect(computeVisibleRows(tree, new Set()).length).toBe(100_000);
    expect(tree.depth[99_999]).toBe(99_999);
  });
});
