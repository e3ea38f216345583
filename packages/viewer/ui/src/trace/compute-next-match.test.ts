import { describe, expect, it } from 'vitest';
import { makeSkeleton } from '../test-support/make-span.js';
import { computeSpanTree } from './compute-span-tree.js';
import { computeAncestors, computeNextMatch } from './compute-next-match.js';

// Start order r, a, b, a1 — depth-first order r, a, a1, b.
const tree = computeSpanTree(makeSkeleton([{ id: 'r' }, { id: 'a', parent: 'r', startUs: 1 }, { id: 'b', parent: 'r', startUs: 2 }, { id: 'a1', parent: 'a', startUs: 3 }]));
const at = (id: string) => tree.indexById.get(id)!;

describe('computeNextMatch', () => {
  it('goes to the next match in depth-first order and wraps around', () => {
    const matches = [at('b'), at('a1')];
    expect(computeNextMatch({ tree, matches, from: undefined })).toBe(at('a1'));
    expect(computeNextMatch({ tree, matches, from: at('a')})).toBe(at('a1'));
    expect(computeNextMatch({ tree, matches, from: at('a1') })).toBe(at('b'));
    expect(computeNextMatch({ tree, matches, from: at('b') })).toBe(at('a1'));
  });

  it('is undefined without matches', () => {
    expect(computeNextMatch({ tree, matches: [], from: 0 })).toBeUndefined();
  });
});

describe('computeAncestors', () => {
  it('lists the parents up to the root', () => {
    expect(computeAncestors(tree, at('a1'))).toEqual([at('a'), at('r')]);
    expect(computeAncestors(tree, at('r'))).toEqual([]);
  });
});
