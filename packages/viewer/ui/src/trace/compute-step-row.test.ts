import { describe, expect, it } from 'vitest';
import { makeSkeleton } from '../test-support/make-span.js';
import { computeSpanTree, computeVisibleRows } from './compute-span-tree.js';
import { computeStepRow } from './compute-step-row.js';

// Depth-first order r, a, a1, a2, b.
const tree = computeSpanTree(
  makeSkeleton([{ id: 'r' }, { id: 'a', parent: 'r', startUs: 1 }, { id: 'a1', parent: 'a', startUs: 2 }, { id: 'a2', parent: 'a', startUs: 3 }, { id: 'b', parent: 'r', startUs: 4 }]),
);
const at = (id: string) => tree.indexById.get(id)!;

function stepFrom(id: string | undefined, step: 1 | -1, collapsed: readonly string[] = []): string | undefined {
  const { rows, rowOf } = computeVisibleRows(tree, new Set(collapsed.map(at)));
  const row = computeStepRow({ tree, rowOf, rowCount: rows.length, from: id === undefined ? undefined : at(id), step });
  return row === undefined ? undefined : tree.skeleton.spanIds[rows[row]!];
}

describe('computeStepRow', () => {
  it('moves one visible row, clamped at both ends', () => {
    expect(stepFrom('a1', 1)).toBe('a2');
    expect(stepFrom('a1', -1)).toBe('a');
    expect(stepFrom('b', 1)).toBe('b');
    expect(stepFrom('r', -1)).toBe('r');
  });

  it('starts at the first row when nothing is selected', () => {
    expect(stepFrom(undefined, 1)).toBe('r');
    expect(stepFrom(undefined, -1)).toBe('r');
  });

  it('moves from a span hidden in a collapsed parent relative to that parent, not to the first row', () => {
    expect(stepFrom('a2', 1, ['a'])).toBe('b');
    expect(stepFrom('a2', -1, ['a'])).toBe('a');
  });

  it('uses the nearest visible ancestor when several are collapsed', () => {
    expect(stepFrom('a1', 1, ['a', 'r'])).toBe('r');
    expect(stepFrom('a1', -1, ['a', 'r'])).toBe('r');
  });
});
