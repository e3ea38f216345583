import { describe, expect, it } from 'vitest';
import { FallbackModel } from '../fallback/fallback-model.js';
import { deferred, messages, ScriptedModel } from '../fallback/test-support.js';
import { ConcurrencyLimitExceededError } from './errors.js';
import { limitModelConcurrency } from './limited-model.js';
import { ConcurrencyLimiter } from './limiter.js';

describe('limitModelConcurrency', () => {
  it('keeps the wrapped identity and caps requests in flight', async () => {
    const gate = deferred();
    const inner = new ScriptedModel('gpt-4o', [{ gate: gate.promise }, { gate: gate.promise }], { system: 'openai' });
    const model = limitModelConcurrency(inner, 1);
    expect([model.modelName, model.system]).toEqual(['gpt-4o', 'openai']);
    const first = model.request(messages);
    const second = model.request(messages);
    await new Promise((r) => setTimeout(r, 1));
    expect(inner.calls).toHaveLength(1);
    expect(model.limiter.waiting).toBe(1);
    gate.resolve();
    await Promise.all([first, second]);
    expect(inner.calls).toHaveLength(2);
    expect(model.limiter.running).toBe(0);
  });

  it('releases the slot when a request fails', async () => {
    const model = limitModelConcurrency(new ScriptedModel('m', [{ error: new Error('boom') }]), 1);
    await expect(model.request(messages)).rejects.toThrow('boom');
    expect(model.limiter.running).toBe(0);
  });

  it('holds a stream slot until the stream is fully read', async () => {
    const model = limitModelConcurrency(new ScriptedModel('m'), 1);
    const stream = await model.requestStream(messages);
    expect(model.limiter.running).toBe(1);
    await stream.finalResponse();
    expect(model.limiter.running).toBe(0);
  });

  it('releases a stream slot when the reader stops early or the caller aborts', async () => {
    const model = limitModelConcurrency(new ScriptedModel('m'), 1);
    for await (const _event of await model.requestStream(messages)) break;
    expect(model.limiter.running).toBe(0);
    const controller = new AbortController();
    await model.requestStream(messages, undefined, undefined, { signal: controller.signal });
    expect(model.limiter.running).toBe(1);
    controller.abort();
    expect(model.limiter.running).toBe(0);
  });

  it('shares one limiter between models', async () => {
    const shared = new ConcurrencyLimiter({ maxRunning: 1, maxQueued: 0 });
    const gate = deferred();
    const a = limitModelConcurrency(new ScriptedModel('a', [{ gate: gate.promise }]), shared);
    const b = limitModelConcurrency(new ScriptedModel('b'), shared);
    const running = a.request(messages);
    await expect(b.request(messages)).rejects.toBeInstanceOf(ConcurrencyLimitExceededError);
    gate.resolve();
    await running;
  });

  it('lets a chain limit each member: a full member moves the chain on without cooling it down', async () => {
    const gate = deferred();
    const a = limitModelConcurrency(new ScriptedModel('a', [{ gate: gate.promise }]), { maxRunning: 1, maxQueued: 0 });
    const model = new FallbackModel(a, new ScriptedModel('b'));
    const busy = model.request(messages);
    expect((await model.request(messages)).modelName).toBe('b');
    expect(model.health()[0]!.state).toBe('healthy');
    gate.resolve();
    expect((await busy).modelName).toBe('a');
  });
});
