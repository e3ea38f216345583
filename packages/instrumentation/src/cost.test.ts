import { describe, expect, it } from 'vitest';
import { calcPrice } from '@pydantic/genai-prices';
import { requestUsage } from '@hopscope/models';
import { computeCostSum, computeResponseCost, toPriceUsage } from './cost.js';

const specUsage = requestUsage({
  inputTokens: 100,
  outputTokens: 200,
  cacheWriteTokens: 10,
  cacheReadTokens: 20,
  inputAudioTokens: 10,
  cacheAudioReadTokens: 5,
  outputAudioTokens: 30,
  details: { reasoning_tokens: 30 },
});
const timestamp = new Date('2025-06-01T00:00:00Z');

describe('computeResponseCost', () => {
  it('prices the spec 6.1 usage for gpt-4o-2024-11-20 without provider info (spec 7 anchor)', () => {
    expect(computeResponseCost({ usage: specUsage, modelName: 'gpt-4o-2024-11-20', timestamp })).toBeCloseTo(0.002225, 12);
  });

  it('prices by provider URL (streaming anchor 300/400 -> 0.00475)', () => {
    const usage = requestUsage({ inputTokens: 300, outputTokens: 400 });
    expect(computeResponseCost({ usage, modelName: 'gpt-4o-2024-11-20', providerName: 'openai', providerUrl: 'https://api.openai.com', timestamp })).toBeCloseTo(0.00475, 12);
  });

  it('falls back to the provider name when the URL is unknown', () => {
    const usage = requestUsage({ inputTokens: 300, outputTokens: 400 });
    expect(computeResponseCost({ usage, modelName: 'gpt-4o-2024-11-20', providerName: 'openai', providerUrl: 'http://127.0.0.1:9/v1', timestamp })).toBeCloseTo(0.00475, 12);
  });

  it('gives undefined, never 0, for an unknown model or provider', () => {
    const usage = requestUsage({ inputTokens: 300, outputTokens: 400 });
    expect(computeResponseCost({ usage, modelName: 'test', providerName: 'test', timestamp })).toBeUndefined();
    expect(computeResponseCost({ usage, modelName: undefined, providerName: 'openai', timestamp })).toBeUndefined();
  });
});

describe('computeCostSum', () => {
  it('sums known prices and refuses partial totals', () => {
    expect(computeCostSum([0.25, 0.5])).toBe(0.75);
    expect(computeCostSum([0.25, undefined])).toBeUndefined();
    expect(computeCostSum([])).toBeUndefined();
  });
});

describe('computeResponseCost, remembered lookups', () => {
  it('gives the same prices on repeated lookups, for other usages and dates of the same model', () => {
    const usage = requestUsage({ inputTokens: 1000, outputTokens: 100 });
    const first = computeResponseCost({ usage, modelName: 'gpt-4o-mini', providerName: 'openai', timestamp });
    const again = computeResponseCost({ usage, modelName: 'gpt-4o-mini', providerName: 'openai', timestamp });
    const double = computeResponseCost({ usage: requestUsage({ inputTokens: 2000, outputTokens: 200 }), modelName: 'gpt-4o-mini', providerName: 'openai', timestamp });
    expect(first).toBeGreaterThan(0);
    expect(again).toBe(first);
    expect(double).toBeCloseTo(2 * first!, 12);
    expect(computeResponseCost({ usage, modelName: 'not-a-model', providerName: 'openai', timestamp })).toBeUndefined();
    expect(computeResponseCost({ usage, modelName: 'not-a-model', providerName: 'openai', timestamp })).toBeUndefined();
  });
});

describe('computeResponseCost, the remembered arithmetic', () => {
  const cases = [
    { modelName: 'gpt-4o-2024-11-20', providerName: 'openai' },
    { modelName: 'claude-sonnet-4-6', providerName: 'anthropic' },
    { modelName: 'deepseek-chat', providerName: 'deepseek' }, // time-of-day prices: always the package's own path
  ];
  const usages = [
    requestUsage({ inputTokens: 1200, outputTokens: 80 }),
    requestUsage({ inputTokens: 5000, outputTokens: 700, cacheReadTokens: 3000, cacheWriteTokens: 500 }),
    requestUsage({ inputTokens: 250_000, outputTokens: 10 }),
    requestUsage({ inputTokens: 10, cacheReadTokens: 20 }), // inconsistent: the package rejects it
  ];
  const times = [new Date('2025-06-01T03:00:00Z'), new Date('2026-04-01T20:00:00Z')];

  it('gives exactly what calcPrice gives, on first and later lookups, or undefined where calcPrice throws', () => {
    for (const { modelName, providerName } of cases) {
      for (const timestamp of times) {
        for (const usage of [...usages, ...usages]) {
          let expected: number | undefined;
          try {
            const price = calcPrice(toPriceUsage(usage), modelName, { providerId: providerName, timestamp });
            expected = price ? Number(price.total_price) : undefined;
          } catch {
            expected = undefined;
          }
          expect([modelName, timestamp, usage, computeResponseCost({ usage, modelName, providerName, timestamp })]).toEqual([modelName, timestamp, usage, expected]);
        }
      }
    }
  });
});

