import { describe, expect, it } from 'vitest';
import { requestUsage } from '../usage.js';
import { computeChainUsage } from './chain-usage.js';

describe('computeChainUsage', () => {
  it('adds every hop that consumed tokens, details by key, and ignores hops without usage', () => {
    const total = computeChainUsage([
      { usage: requestUsage({ inputTokens: 10, outputTokens: 2, details: { reasoning_tokens: 1 } }) },
      { usage: undefined },
      { usage: requestUsage({ inputTokens: 7, outputTokens: 5, cacheReadTokens: 3, details: { reasoning_tokens: 4 } }) },
    ]);
    expect(total.inputTokens).toBe(17);
    expect(total.outputTokens).toBe(7);
    expect(total.cacheReadTokens).toBe(3);
    expect(total.details).toEqual({ reasoning_tokens: 5 });
  });

  it('is zero for an empty chain', () => {
    expect(computeChainUsage([])).toEqual(requestUsage());
  });
});
