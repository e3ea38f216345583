import { describe, expect, it } from 'vitest';
import { makeSummary } from '../test-support/make-span.js';
import { computeLiveList, computePageTotals, matchesListFilters } from './compute-live-list.js';

const usage = (input: number, costUsd: number | null) => ({ inputTokens: input, outputTokens: 1, cacheReadTokens: 2, cacheWriteTokens: 0, reasoningTokens: 3, costUsd, costPartial: false });

describe('matchesListFilters', () => {
  const summary = makeSummary({ traceId: 'a', models: ['gpt-4o'], providers: ['openai'], hasFallback: true, usage: usage(100, 0.5) });
  it.each([
    [{}, true],
    [{ model: 'gpt-4o' }, true],
    [{ model: 'claude' }, false],
    [{ provider: 'openai', hasFallback: true }, true],
    [{ hasFallback: false }, false],
    [{ minCostUsd: 1 }, false],
    [{ maxTokens: 50 }, false],
    [{ minTokens: 50, status: 'UNSET' as const }, true],
    [{ q: 'hello' }, 'unknown'],
  ])('%j -> %s', (filters, expected) => {
    expect(matchesListFilters(summary, filters)).toBe(expected);
  });
  it('never matches a cost range when the price is unknown', () => {
    expect(matchesListFilters(makeSummary({ traceId: 'b' }), { maxCostUsd: 10 })).toBe(false);
  });
});

describe('computeLiveList', () => {
  const old = makeSummary({ traceId: 'old', startTimeUnixNano: '1' });
  it('puts new traces on top and replaces changed ones', () => {
    const changed = { ...old, spanCount: 9 };
    const newer = makeSummary({ traceId: 'new', startTimeUnixNano: '5' });
    const newest = makeSummary({ traceId: 'newest', startTimeUnixNano: '9' });
    const rows = computeLiveList({ current: [old], updates: [changed, newer, newest], filters: {} });
    expect(rows.map((r) => r.traceId)).toEqual(['newest', 'new', 'old']);
    expect(rows[2]?.spanCount).toBe(9);
  });
  it('never cuts the last rows, which the next page cursor points after', () => {
    const page = Array.from({ length: 50 }, (_, i) => makeSummary({ traceId: `old-${59 - i}`, startTimeUnixNano: String(100 + 59 - i) }));
    const live = Array.from({ length: 5 }, (_, i) => makeSummary({ traceId: `new-${i}`, startTimeUnixNano: String(1000 + i) }));
    const rows = computeLiveList({ current: page, updates: live, filters: {} });
    expect(rows).toHaveLength(55);
    expect(rows[rows.length - 1]?.traceId).toBe('old-10');
  });
  it('leaves out new traces that the filters reject', () => {
    const rows = computeLiveList({ current: [], updates: [makeSummary({ traceId: 'x', models: ['a'] })], filters: { model: 'b' } });
    expect(rows).toEqual([]);
  });
});

describe('computePageTotals', () => {
  it('sums the summaries and keeps an unknown price apart', () => {
    const totals = computePageTotals([makeSummary({ traceId: 'a', usage: usage(10, 0.25) }), makeSummary({ traceId: 'b', usage: usage(5, null) })]);
    expect(totals).toEqual({ inputTokens: 15, outputTokens: 2, cacheReadTokens: 4, cacheWriteTokens: 0, reasoningTokens: 6, costUsd: 0.25, costPartial: true });
  });
  it('reads unknown when no trace has a price', () => {
    expect(computePageTotals([makeSummary({ traceId: 'a' })]).costUsd).toBeNull();
  });
});
