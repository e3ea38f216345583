import { describe, expect, it } from 'vitest';
import type { HopRecord } from '../hop.js';
import { FallbackModel } from './fallback-model.js';
import type { FallbackModelOptions } from './options.js';
import { deferred, fakeClock, httpError, messages, ScriptedModel } from './test-support.js';

type Steps = ConstructorParameters<typeof ScriptedModel>[1];

function chain(steps: { a?: Steps; b?: Steps } = {}, extra: FallbackModelOptions = {}) {
  const clock = fakeClock();
  const a = new ScriptedModel('a', steps.a ?? []);
  const b = new ScriptedModel('b', steps.b ?? []);
  const records: HopRecord[] = [];
  const model = new FallbackModel(a, b, { clock: clock.now, onHop: (r) => records.push(r), retry: false, ...extra });
  return { clock, a, b, model, records };
}

describe('FallbackModel cooldown and half-open probe', () => {
  it('skips a member for its Retry-After, recording the skipped hop, then probes it once', async () => {
    const { clock, a, model, records } = chain({ a: [{ error: httpError(429, 'a', { 'retry-after': '30' }) }] });
    await model.request(messages);
    expect(model.health()[0]).toMatchObject({ modelName: 'a', state: 'cooling', cooldownUntil: clock.now() + 30_000, consecutiveFailures: 1 });

    clock.advance(29_999);
    records.length = 0;
    const skipped = await model.request(messages);
    expect(skipped.modelName).toBe('b');
    expect(a.calls).toHaveLength(1);
    expect(records.map((r) => [r.modelName, r.outcome, r.durationMs, r.nextModel?.modelName])).toEqual([
      ['a', 'skipped', 0, 'b'],
      ['b', 'ok', 0, undefined],
    ]);

    clock.advance(1);
    const probed = await model.request(messages);
    expect(probed.modelName).toBe('a');
    expect(a.calls).toHaveLength(2);
    expect(model.health()[0]!.state).toBe('healthy');
  });

  it('lets concurrent requests skip a member while one request probes it', async () => {
    const gate = deferred();
    const { clock, a, b, model } = chain({ a: [{ error: httpError(503, 'a') }, { gate: gate.promise }] });
    await model.request(messages);
    clock.advance(10_000);
    const probe = model.request(messages);
    await Promise.resolve();
    expect(model.health()[0]!.state).toBe('probing');
    const during = await model.request(messages);
    expect(during.modelName).toBe('b');
    gate.resolve();
    expect((await probe).modelName).toBe('a');
    expect(a.calls).toHaveLength(2);
    expect(b.calls).toHaveLength(2);
  });

  it('starts a new cooldown when the probe fails', async () => {
    const { clock, a, model } = chain({ a: [{ error: httpError(500, 'a') }, { error: httpError(500, 'a') }] });
    await model.request(messages);
    clock.advance(10_000);
    await model.request(messages);
    expect(a.calls).toHaveLength(2);
    expect(model.health()[0]).toMatchObject({ state: 'cooling', consecutiveFailures: 2, cooldownUntil: clock.now() + 10_000 });
  });

  it('does not cool a member down for a non-retryable error', async () => {
    const { a, model } = chain({ a: [{ error: httpError(401, 'a') }] });
    await model.request(messages);
    await model.request(messages);
    expect(a.calls).toHaveLength(2);
  });

  it('tries the member whose cooldown ends first when every member is cooling down', async () => {
    const { clock, a, b, model, records } = chain({
      a: [{ error: httpError(429, 'a', { 'retry-after': '60' }) }],
      b: [{ error: httpError(429, 'b', { 'retry-after': '20' }) }],
    });
    await model.request(messages).catch(() => undefined);
    clock.advance(5_000);
    records.length = 0;
    const response = await model.request(messages);
    expect(response.modelName).toBe('b');
    expect(records.map((r) => [r.modelName, r.outcome])).toEqual([
      ['a', 'skipped'],
      ['b', 'ok'],
    ]);
    expect([a.calls.length, b.calls.length]).toEqual([1, 2]);
  });

  it('can be turned off', async () => {
    const { a, model } = chain({ a: [{ error: httpError(429, 'a', { 'retry-after': '60' }) }] }, { cooldown: false });
    await model.request(messages);
    await model.request(messages);
    expect(a.calls).toHaveLength(2);
    expect(model.health().every((m) => m.state === 'healthy')).toBe(true);
  });
});
