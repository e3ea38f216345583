import { describe, expect, it } from 'vitest';
import { toCallCostText, toCostText, toDeltaText, toDurationText, toFallbackText, toTokenBreakdownText, toTokenText } from './to-display-text.js';

describe('display text', () => {
  it.each([
    [null, 'unknown'],
    [0, '$0.00'],
    [0.002225, '$0.002225'],
    [0.00475, '$0.00475'],
    [1.5, '$1.50'],
    [12.345, '$12.35'],
  ])('cost %s -> %s', (cost, text) => {
    expect(toCostText(cost)).toBe(text);
  });
  it('reads an unbilled call as "no charge", an unpriced one as "unknown"', () => {
    expect(toCallCostText({ costUsd: 0, unbilled: true })).toBe('no charge');
    expect(toCallCostText({ costUsd: null, unbilled: false })).toBe('unknown');
    expect(toCallCostText({ costUsd: 0.0011, unbilled: false })).toBe('$0.0011');
  });
  it('lists cache read, cache write and reasoning tokens apart, only when not zero', () => {
    expect(toTokenBreakdownText({ cacheReadTokens: 1200, cacheWriteTokens: 300, reasoningTokens: 80 })).toBe('cache read 1,200 · cache write 300 · reasoning 80');
    expect(toTokenBreakdownText({ cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 5 })).toBe('reasoning 5');
    expect(toTokenBreakdownText({ cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 })).toBeNull();
  });
  it('marks a partial cost', () => {
    expect(toCostText(0.5, true)).toBe('$0.50+ (some unknown)');
  });
  it.each([
    [0.5, '500 µs'],
    [4.25, '4.3 ms'],
    [250, '250 ms'],
    [1530, '1.53 s'],
    [125_000, '2 m 5 s'],
  ])('duration %s -> %s', (ms, text) => {
    expect(toDurationText(ms)).toBe(text);
  });
  it('formats tokens and deltas', () => {
    expect(toTokenText(12345)).toBe('12,345');
    expect(toDeltaText(-12.5, (n) => `${n} ms`)).toBe('−12.5 ms');
    expect(toDeltaText(3, String)).toBe('+3');
    expect(toDeltaText(null, String)).toBe('unknown');
  });
  it.each([
    [2, 1, 'fallback · 2 failed · 1 not tried'],
    [2, 0, 'fallback · 2 failed'],
    [0, 3, 'fallback · 3 not tried'],
    [0, 0, 'fallback'],
  ])('fallback with %s failed and %s skipped hops -> %s', (failedHopCount, skippedHopCount, text) => {
    expect(toFallbackText({ failedHopCount, skippedHopCount })).toBe(text);
  });
});
