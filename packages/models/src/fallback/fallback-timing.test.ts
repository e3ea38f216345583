import { describe, expect, it } from 'vitest';
import { ModelTimeoutError } from '../errors.js';
import type { HopRecord } from '../hop.js';
import { requestUsage } from '../usage.js';
import { HedgeLostError } from './errors.js';
import { FallbackModel } from './fallback-model.js';
import { deferred, httpError, messages, ScriptedModel } from './test-support.js';

function recorder() {
  const records: HopRecord[] = [];
  return { records, onHop: (r: HopRecord) => records.push(r) };
}

describe('FallbackModel deadlines', () => {
  it('moves on when a member misses the per-hop deadline, recording a ModelTimeoutError', async () => {
    const { records, onHop } = recorder();
    const a = new ScriptedModel('a', ['hang']);
    const model = new FallbackModel(a, new ScriptedModel('b'), { hopTimeoutMs: 5, cooldown: false, onHop });
    expect((await model.request(messages)).modelName).toBe('b');
    expect(records[0]!.error).toBeInstanceOf(ModelTimeoutError);
    expect((records[0]!.error as ModelTimeoutError).timeoutMs).toBe(5);
    expect(a.calls[0]!.options.signal?.aborted).toBe(true);
  });

  it('moves on when a stream opens but its first chunk misses the deadline', async () => {
    const { records, onHop } = recorder();
    const model = new FallbackModel(new ScriptedModel('a', ['stall']), new ScriptedModel('b'), { firstChunkTimeoutMs: 5, hopTimeoutMs: 60_000, cooldown: false, onHop });
    const stream = await model.requestStream(messages);
    expect((await stream.finalResponse()).modelName).toBe('b');
    expect(records.map((r) => [r.modelName, r.outcome])).toEqual([
      ['a', 'error'],
      ['b', 'ok'],
    ]);
    expect((records[0]!.error as Error).message).toMatch(/first-chunk deadline/);
  });
});

describe('FallbackModel retries', () => {
  it('retries with backoff where no other hop is left', async () => {
    const { records, onHop } = recorder();
    const b = new ScriptedModel('b', [{ error: httpError(503, 'b') }]);
    const model = new FallbackModel(new ScriptedModel('a', [{ error: httpError(500, 'a') }]), b, { cooldown: false, retry: { initialDelayMs: 1, jitter: 0 }, onHop });
    expect((await model.request(messages)).modelName).toBe('b');
    expect(b.calls).toHaveLength(2);
    expect(records.map((r) => [r.modelName, r.outcome, r.nextModel?.modelName])).toEqual([
      ['a', 'error', 'b'],
      ['b', 'error', 'b'],
      ['b', 'ok', undefined],
    ]);
  });

  it('fails at once on the last hop when Retry-After exceeds the cap', async () => {
    const b = new ScriptedModel('b', [{ error: httpError(429, 'b', { 'retry-after': '60' }) }]);
    const model = new FallbackModel(new ScriptedModel('a', [{ error: httpError(500, 'a') }]), b, { cooldown: false });
    await expect(model.request(messages)).rejects.toThrow(/All models from FallbackModel failed/);
    expect(b.calls).toHaveLength(1);
  });

  it('retries a member before moving on only when per-member retries are configured', async () => {
    const a = new ScriptedModel('a', [{ error: httpError(500, 'a') }]);
    const b = new ScriptedModel('b');
    const model = new FallbackModel(a, b, { cooldown: false, memberRetry: { maxRetries: 1, initialDelayMs: 1, jitter: 0 } });
    expect((await model.request(messages)).modelName).toBe('a');
    expect([a.calls.length, b.calls.length]).toEqual([2, 0]);
  });
});

describe('FallbackModel hedging', () => {
  it('starts the next member when the current one is slow; the first answer wins and the loser is aborted', async () => {
    const { records, onHop } = recorder();
    const a = new ScriptedModel('a', ['hang']);
    const model = new FallbackModel(a, new ScriptedModel('b'), { hedgeAfterMs: 5, cooldown: false, onHop });
    const response = await model.request(messages);
    expect(response.modelName).toBe('b');
    expect(a.calls[0]!.options.signal?.aborted).toBe(true);
    const byModel = Object.fromEntries(records.map((r) => [r.modelName, r]));
    expect(byModel.b).toMatchObject({ outcome: 'ok', winner: true, hedged: true });
    expect(byModel.a).toMatchObject({ outcome: 'error', winner: false, hedged: false });
    expect(byModel.a!.error).toBeInstanceOf(HedgeLostError);
  });

  it('still accounts the usage of a hedged hop that answered but lost', async () => {
    const { records, onHop } = recorder();
    const gate = deferred();
    const a = new ScriptedModel('a', [{ gate: gate.promise }], { usage: requestUsage({ inputTokens: 11, outputTokens: 1 }) });
    const b = new ScriptedModel('b', [{ gate: gate.promise }], { usage: requestUsage({ inputTokens: 13, outputTokens: 2 }) });
    const model = new FallbackModel(a, b, { hedgeAfterMs: 1, cooldown: false, onHop });
    const pending = model.request(messages);
    while (b.calls.length === 0) await new Promise((r) => setTimeout(r, 1));
    gate.resolve();
    const response = await pending;
    expect(records.filter((r) => r.winner)).toHaveLength(1);
    expect(records.map((r) => r.usage?.inputTokens).sort()).toEqual([11, 13]);
    expect(response.usage.inputTokens).toBe(24);
  });

  it('falls back at once when the hedged member fails, without waiting for the timer', async () => {
    const a = new ScriptedModel('a', [{ error: httpError(500, 'a') }]);
    const b = new ScriptedModel('b');
    const model = new FallbackModel(a, b, { hedgeAfterMs: 60_000, cooldown: false });
    expect((await model.request(messages)).modelName).toBe('b');
  });
});
