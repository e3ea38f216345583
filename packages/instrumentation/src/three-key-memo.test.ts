import { describe, expect, it } from 'vitest';
import { ThreeKeyMemo } from './three-key-memo.js';

describe('ThreeKeyMemo', () => {
  it('returns what was set for the same three keys, and undefined for others', () => {
    const memo = new ThreeKeyMemo<string | null>(8);
    expect(memo.get('a', 'b', 'c')).toBeUndefined();
    memo.set('a', 'b', 'c', 'abc');
    memo.set('a', 'b', 'd', null);
    expect(memo.get('a', 'b', 'd')).toBeNull();
    // The last hit is 'a b d': another key must still be looked up, not answered from it.
    expect(memo.get('a', 'b', 'c')).toBe('abc');
    expect(memo.get('a', 'b', 'c')).toBe('abc');
    expect(memo.get('a', 'bc', '')).toBeUndefined();
    expect(memo.get('ab', 'c', '')).toBeUndefined();
  });

  it('is cleared whole when it reaches its size, keeping only what is set after', () => {
    const memo = new ThreeKeyMemo<number>(2);
    memo.set('x', '', '1', 1);
    memo.set('x', '', '2', 2);
    memo.set('x', '', '3', 3);
    expect(memo.get('x', '', '3')).toBe(3);
    expect(memo.get('x', '', '2')).toBeUndefined();
    expect(memo.get('x', '', '1')).toBeUndefined();
  });
});
