import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { calcPrice, waitForUpdate, type ModelInfo, type Provider } from '@pydantic/genai-prices';
import { requestUsage, type RequestUsage } from '@hopscope/models';
import { computePlannedCost, selectModelPrice, toPricePlan } from './cost-plan.js';
import { toPriceUsage } from './cost.js';


function packageTotal(provider: Provider, model: ModelInfo, usage: RequestUsage, timestamp: Date): number | 'rejected' | null {
  try {
    const price = calcPrice(toPriceUsage(usage), model.id, { provider: { ...provider, models: [model] }, timestamp });
    return price === null ? null : Number(price.total_price);
  } catch {
    return 'rejected';
  }
}

const count = fc.integer({ min: 0, max: 3_000_000 });
/** Consistent usages (every count at least the sum of its parts), built from disjoint leaves. */
const consistentUsage = fc.tuple(count, count, count, count, count, count, count).map(([audioCacheRead, cacheRead, cacheWrite, audio, plain, outputAudio, output]) =>
  requestUsage({
    inputTokens: audioCacheRead + cacheRead + cacheWrite + audio + plain,
    cacheReadTokens: audioCacheRead + cacheRead,
    cacheWriteTokens: cacheWrite,
    inputAudioTokens: audioCacheRead + audio,
    cacheAudioReadTokens: audioCacheRead,
    outputTokens: outputAudio + output,
    outputAudioTokens: outputAudio,
  }),
);
/** Any counts, inconsistent ones included. */
const anyUsage = fc.tuple(count, count, count, count, count, count, count).map(([i, o, cw, cr, ia, car, oa]) =>
  requestUsage({ inputTokens: i, outputTokens: o, cacheWriteTokens: cw, cacheReadTokens: cr, inputAudioTokens: ia, cacheAudioReadTokens: car, outputAudioTokens: oa }),
);
const usages = [
  requestUsage(),
  requestUsage({ inputTokens: 1200, outputTokens: 80 }),
  requestUsage({ inputTokens: 300_000, outputTokens: 1000, cacheReadTokens: 200_000 }),
  // At and around the tier starts of the table (a tier applies above its start).
  ...[128_000, 199_999, 200_000, 200_001, 272_000, 512_000].map((inputTokens) => requestUsage({ inputTokens, outputTokens: 500, cacheReadTokens: 1000 })),
  ...fc.sample(consistentUsage, { seed: 7, numRuns: 25 }),
  ...fc.sample(anyUsage, { seed: 11, numRuns: 10 }),
];

function timestampsOf(model: ModelInfo): Date[] {
  const dates = [new Date('2024-01-01T12:00:00Z'), new Date('2025-06-01T03:00:00Z'), new Date('2031-01-01T08:00:00Z')];
  if (!Array.isArray(model.prices)) return dates;
  for (const entry of model.prices) if (entry.constraint?.type === 'start_date') dates.push(new Date(entry.constraint.start_date));
  return dates;
}

describe('computePlannedCost against calcPrice, over the whole bundled price table', () => {
  it('gives the same number to the last bit, or declines', async () => {
    const providers = (await waitForUpdate()) ?? [];
    let models = 0;
    let planned = 0;
    let compared = 0;
    for (const provider of providers) {
      for (const model of provider.models) {
        models += 1;
        let modelPlanned = false;
        for (const timestamp of timestampsOf(model)) {
          const price = selectModelPrice(model, timestamp);
          const plan = price === undefined ? undefined : toPricePlan(price);
          // The caller only uses a plan for an entry the package accepts (see cost.ts).
          if (plan === undefined || typeof packageTotal(provider, model, requestUsage(), timestamp) !== 'number') continue;
          modelPlanned = true;
          for (const usage of usages) {
            const ours = computePlannedCost(plan, usage);
            if (ours === undefined) continue;
            compared += 1;
            const theirs = packageTotal(provider, model, usage, timestamp);
            if (!Object.is(ours, theirs)) expect({ provider: provider.id, model: model.id, timestamp, usage, ours }).toEqual({ provider: provider.id, model: model.id, timestamp, usage, ours: theirs });
          }
        }
        if (modelPlanned) planned += 1;
      }
    }
    expect(models).toBeGreaterThan(1000);
    // The arithmetic covers nearly every model; the rest go through calcPrice.
    expect(planned / models).toBeGreaterThan(0.9);
    expect(compared).toBeGreaterThan(10_000);
  }, 120_000);

  it('declines the usages the package rejects', () => {
    const plan = toPricePlan({ input_mtok: 2.5, cache_read_mtok: 1.25, output_mtok: 10 })!;
    expect(computePlannedCost(plan, requestUsage({ inputTokens: 10, cacheReadTokens: 20 }))).toBeUndefined();
    expect(computePlannedCost(plan, requestUsage({ inputTokens: -1 }))).toBeUndefined();
    expect(computePlannedCost(plan, requestUsage({ inputTokens: Number.NaN }))).toBeUndefined();
    expect(computePlannedCost(plan, requestUsage({ inputTokens: 1_000_000, cacheReadTokens: 400_000, outputTokens: 100_000 }))).toBe(0.6 * 2.5 + 0.4 * 1.25 + 1);
  });

  it('leaves unknown price keys and time-of-day prices to the package', () => {
    expect(toPricePlan({ input_mtok: 1, cache_audio_write_mtok: 2 })).toBeUndefined();
    expect(toPricePlan({ input_mtok: 1, some_future_mtok: 2 } as never)).toBeUndefined();
    const model = { id: 'm', match: { equals: 'm' }, prices: [{ prices: { input_mtok: 1 } }, { constraint: { type: 'time_of_date', start_time: '00:00:00Z', end_time: '01:00:00Z' }, prices: { input_mtok: 2 } }] } as ModelInfo;
    expect(selectModelPrice(model, new Date('2025-01-01T12:00:00Z'))).toBeUndefined();
  });

  it('picks the newest price whose start date has passed', () => {
    const model = { id: 'm', match: { equals: 'm' }, prices: [{ prices: { input_mtok: 1 } }, { constraint: { type: 'start_date', start_date: '2026-03-13' }, prices: { input_mtok: 2 } }] } as ModelInfo;
    expect(selectModelPrice(model, new Date('2026-03-12T23:59:59Z'))).toEqual({ input_mtok: 1 });
    expect(selectModelPrice(model, new Date('2026-03-13T00:00:00Z'))).toEqual({ input_mtok: 2 });
    expect(selectModelPrice(model, new Date(Number.NaN))).toBeUndefined();
  });
});
