import { describe, expect, it } from 'vitest';
import { HopscopeError, ModelAPIError, ModelRateLimitError, ModelServerError, UserError } from '../errors.js';
import type { HopRecord } from '../hop.js';
import { requestUsage } from '../usage.js';
import { FallbackExceptionGroup, FallbackResponseRejectedError } from './errors.js';
import { FallbackModel } from './fallback-model.js';
import type { FallbackEvent } from './options.js';
import { httpError, messages, ScriptedModel } from './test-support.js';

const noCooldown = { cooldown: false } as const;

describe('FallbackModel identity', () => {
  it('names the chain like pydantic-ai and takes the options object last', () => {
    const a = new ScriptedModel('gpt-4o', [], { system: 'openai', baseUrl: 'https://api.openai.com/v1' });
    const b = new ScriptedModel('claude-sonnet-4-6', [], { system: 'anthropic' });
    const model = new FallbackModel(a, b, { hedgeAfterMs: 1000 });
    expect(model.models).toEqual([a, b]);
    expect(model.modelName).toBe('fallback:gpt-4o,claude-sonnet-4-6');
    expect(model.system).toBe('fallback:openai,anthropic');
    expect(model.baseUrl).toBe('https://api.openai.com/v1');
  });

  it('rejects a member that is neither a Model nor a string, and bad options, with a UserError', () => {
    const a = new ScriptedModel('a');
    expect(() => new FallbackModel(a, 42 as never)).toThrow(UserError);
    expect(() => new FallbackModel(a, { hedgeAfterMs: -1 })).toThrow(/hedgeAfterMs/);
    expect(() => new FallbackModel(a, { retry: { maxRetries: -1 } })).toThrow(/maxRetries/);
  });
});

describe('FallbackModel.request', () => {
  it('moves on at once on a 429 with Retry-After: 60, calling the primary exactly once', async () => {
    const a = new ScriptedModel('a', [{ error: httpError(429, 'a', { 'retry-after': '60' }) }]);
    const b = new ScriptedModel('b');
    const response = await new FallbackModel(a, b, noCooldown).request(messages);
    expect(response.modelName).toBe('b');
    expect(a.calls).toHaveLength(1);
    expect(b.calls).toHaveLength(1);
  });

  it('passes hop info, the caller signal, the caller onHop and the whole history to each member', async () => {
    const a = new ScriptedModel('a', [{ error: httpError(500, 'a') }]);
    const b = new ScriptedModel('b');
    const model = new FallbackModel(a, b, noCooldown);
    const controller = new AbortController();
    const seen: HopRecord[] = [];
    const onHop = (r: HopRecord) => seen.push(r);
    await model.request(messages, undefined, undefined, { signal: controller.signal, onHop });
    expect(a.calls[0]!.options.hop).toEqual({ index: 0, count: 2, fallback: model });
    expect(b.calls[0]!.options.hop).toEqual({ index: 1, count: 2, fallback: model });
    for (const call of [...a.calls, ...b.calls]) {
      // A member that is a FallbackModel itself reports its hops to the same listener.
      expect(call.options.onHop).toBe(onHop);
      expect(call.messages).toBe(messages);
    }
    expect(seen.map((r) => [r.modelName, r.outcome, r.winner])).toEqual([
      ['a', 'error', false],
      ['b', 'ok', true],
    ]);
    controller.abort();
    expect(b.calls[0]!.options.signal?.aborted).toBe(true);
  });

  it('reports the hops of a member that is a FallbackModel itself to the request onHop, told apart by record.fallback', async () => {
    const inner = new FallbackModel(new ScriptedModel('b', [{ error: httpError(529, 'b') }]), new ScriptedModel('c'), noCooldown);
    const outer = new FallbackModel(new ScriptedModel('a', [{ error: httpError(500, 'a') }]), inner, noCooldown);
    const seen: HopRecord[] = [];
    await outer.request(messages, undefined, undefined, { onHop: (r) => seen.push(r) });
    expect(seen.map((r) => [r.fallback === outer ? 'outer' : r.fallback === inner ? 'inner' : '?', r.modelName, r.outcome])).toEqual([
      ['outer', 'a', 'error'],
      ['inner', 'b', 'error'],
      ['inner', 'c', 'ok'],
      ['outer', 'fallback:b,c', 'ok'],
    ]);
  });

  it('delivers records to the constructor onHop and the request onHop, and onFallback with the real models', async () => {
    const a = new ScriptedModel('a', [{ error: httpError(503, 'a') }]);
    const b = new ScriptedModel('b', [{ error: httpError(529, 'b') }]);
    const c = new ScriptedModel('c');
    const fromConstructor: HopRecord[] = [];
    const fromRequest: HopRecord[] = [];
    const moves: FallbackEvent[] = [];
    const model = new FallbackModel(a, b, c, { ...noCooldown, onHop: (r) => fromConstructor.push(r), onFallback: (e) => moves.push(e) });
    await model.request(messages, undefined, undefined, { onHop: (r) => fromRequest.push(r) });
    expect(fromRequest).toEqual(fromConstructor);
    expect(fromRequest.map((r) => [r.index, r.count, r.outcome, r.nextModel?.modelName])).toEqual([
      [0, 3, 'error', 'b'],
      [1, 3, 'error', 'c'],
      [2, 3, 'ok', undefined],
    ]);
    expect(moves.map((m) => [m.from.model, m.to])).toEqual([
      [a, b],
      [b, c],
    ]);
    expect(fromRequest[0]!.error).toBeInstanceOf(ModelServerError);
  });

  it('propagates an error that fallbackOn does not match, as is, without trying the next member', async () => {
    const failure = httpError(500, 'a');
    const a = new ScriptedModel('a', [{ error: failure }]);
    const b = new ScriptedModel('b');
    const model = new FallbackModel(a, b, { ...noCooldown, fallbackOn: ModelRateLimitError });
    await expect(model.request(messages)).rejects.toBe(failure);
    expect(b.calls).toHaveLength(0);
  });

  it('sums the usage of every hop that consumed tokens into the response, keeping the winner own usage in its record', async () => {
    const a = new ScriptedModel('a', [{ text: '', usage: requestUsage({ inputTokens: 100, outputTokens: 1 }) }]);
    const b = new ScriptedModel('b', [{ text: 'four', usage: requestUsage({ inputTokens: 90, outputTokens: 8 }) }]);
    const records: HopRecord[] = [];
    const model = new FallbackModel(a, b, { ...noCooldown, fallbackOn: { response: (r) => r.parts.every((p) => p.partKind !== 'text' || p.content === '') }, onHop: (r) => records.push(r) });
    const response = await model.request(messages);
    expect(response.usage.inputTokens).toBe(190);
    expect(response.usage.outputTokens).toBe(9);
    expect(records.map((r) => [r.outcome, r.usage?.inputTokens])).toEqual([
      ['rejected', 100],
      ['ok', 90],
    ]);
    expect(records[0]!.error).toBeInstanceOf(FallbackResponseRejectedError);
  });

  it('aborting the caller signal aborts the hop in flight and does not fall back', async () => {
    const a = new ScriptedModel('a', ['hang']);
    const b = new ScriptedModel('b');
    const records: HopRecord[] = [];
    const model = new FallbackModel(a, b, { ...noCooldown, onHop: (r) => records.push(r) });
    const controller = new AbortController();
    const pending = model.request(messages, undefined, undefined, { signal: controller.signal });
    await Promise.resolve();
    controller.abort(new Error('user cancelled'));
    await expect(pending).rejects.toThrow('user cancelled');
    expect(b.calls).toHaveLength(0);
    expect(records.map((r) => [r.modelName, r.outcome])).toEqual([['a', 'error']]);
    expect(a.calls[0]!.options.signal?.aborted).toBe(true);
  });

  it('rejects at once when the caller signal is already aborted', async () => {
    const a = new ScriptedModel('a');
    const controller = new AbortController();
    controller.abort(new Error('too late'));
    await expect(new FallbackModel(a, new ScriptedModel('b')).request(messages, undefined, undefined, { signal: controller.signal })).rejects.toThrow('too late');
    expect(a.calls).toHaveLength(0);
  });
});

describe('FallbackExceptionGroup', () => {
  it('holds each hop error in hop order and every hop record when all members fail', async () => {
    const errors = [httpError(500, 'a'), httpError(401, 'b')];
    const model = new FallbackModel(new ScriptedModel('a', [{ error: errors[0] }]), new ScriptedModel('b', [{ error: errors[1] }]), noCooldown);
    const failure = await model.request(messages).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(FallbackExceptionGroup);
    expect(failure).toBeInstanceOf(AggregateError);
    expect(failure).toBeInstanceOf(HopscopeError);
    const group = failure as FallbackExceptionGroup;
    expect(group.errors).toEqual(errors);
    expect(group.hops.map((h) => h.modelName)).toEqual(['a', 'b']);
    expect(group.rejectedLast).toBe(false);
    expect(group.name).toBe('FallbackExceptionGroup');
    expect(group.message).toMatch(/All models from FallbackModel failed \(2 sub-exceptions\)/);
  });

  it('says so when a response check rejected the last model, and keeps that answer', async () => {
    const model = new FallbackModel(new ScriptedModel('a', [{ error: httpError(500, 'a') }]), new ScriptedModel('b', [{ text: 'meh' }]), {
      ...noCooldown,
      fallbackOn: [ModelAPIError, { response: async (r) => r.parts.length < 2 }],
    });
    const group = (await model.request(messages).catch((e: unknown) => e)) as FallbackExceptionGroup;
    expect(group.rejectedLast).toBe(true);
    expect(group.message).toMatch(/last model \(b\) answered but a response check rejected/);
    expect(group.lastResponse?.parts).toEqual([{ partKind: 'text', content: 'meh' }]);
    expect(group.errors[1]).toBeInstanceOf(FallbackResponseRejectedError);
  });
});
