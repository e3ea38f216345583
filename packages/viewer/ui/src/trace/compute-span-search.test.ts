import { describe, expect, it } from 'vitest';
import { makeSpan } from '../test-support/make-span.js';
import { computeSpanSearch } from './compute-span-search.js';

const spans = [
  makeSpan({ spanId: 'a1', name: 'chat gpt-4o' }),
  makeSpan({ spanId: 'b2', name: 'execute_tool weather', attributes: { 'gen_ai.tool.call.arguments': '{"city":"Paris"}' } }),
  makeSpan({ spanId: 'c3', name: 'other', attributes: { nested: { deep: ['PARIS'] } } }),
];

describe('computeSpanSearch', () => {
  it.each([
    ['gpt', [0]],
    ['paris', [1, 2]],
    ['WEATHER', [1]],
    ['  ', []],
    ['nothing-matches', []],
  ])('%s', (query, expected) => {
    expect(computeSpanSearch({ spans, query })).toEqual(expected);
  });
  it('searches only the head of huge values', () => {
    const big = [makeSpan({ spanId: 'x', attributes: { m: `${'a'.repeat(100)}needle` } })];
    expect(computeSpanSearch({ spans: big, query: 'needle', maxValueChars: 50 })).toEqual([]);
  });
});
