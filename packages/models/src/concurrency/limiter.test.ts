import { afterEach, describe, expect, it } from 'vitest';
import { HopscopeError, ModelAPIError, UserError } from '../errors.js';
import { installModelHooks, type ConcurrencyWaitInfo } from '../hooks.js';
import { ConcurrencyLimitExceededError, ConcurrencyQueueTimeoutError } from './errors.js';
import { ConcurrencyLimiter } from './limiter.js';
import { parseConcurrencyLimit } from './options.js';

const request = { source: 'model:gpt-4o', modelName: 'gpt-4o', provider: 'openai' };
let uninstall: (() => void) | undefined;
afterEach(() => uninstall?.());

describe('parseConcurrencyLimit', () => {
  it('reads a number as maxRunning and refuses nonsense with the option name', () => {
    expect(parseConcurrencyLimit(3)).toEqual({ maxRunning: 3 });
    expect(() => parseConcurrencyLimit(0)).toThrow(/maxRunning must be an integer >= 1, got 0/);
    expect(() => parseConcurrencyLimit({ maxRunning: 1, maxQueued: -1 })).toThrow(/maxQueued/);
    expect(() => parseConcurrencyLimit({ maxRunning: 1, queueTimeoutMs: Number.NaN })).toThrow(/queueTimeoutMs/);
    expect(() => parseConcurrencyLimit(null as never)).toThrow(UserError);
  });
});

describe('ConcurrencyLimiter', () => {
  it('hands slots out in order, passing a released slot to the oldest waiter', async () => {
    const limiter = new ConcurrencyLimiter(1);
    const release1 = await limiter.acquire(request);
    const order: number[] = [];
    const second = limiter.acquire(request).then((r) => (order.push(2), r));
    const third = limiter.acquire(request).then((r) => (order.push(3), r));
    expect([limiter.running, limiter.waiting]).toEqual([1, 2]);
    release1();
    release1();
    (await second)();
    (await third)();
    expect(order).toEqual([2, 3]);
    expect([limiter.running, limiter.waiting]).toEqual([0, 0]);
  });

  it('fails at once with a typed error when the queue is full', async () => {
    const limiter = new ConcurrencyLimiter({ maxRunning: 1, maxQueued: 1, name: 'openai' });
    await limiter.acquire(request);
    void limiter.acquire(request);
    const error = await limiter.acquire(request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConcurrencyLimitExceededError);
    expect(error).toBeInstanceOf(ModelAPIError);
    expect(error).toBeInstanceOf(HopscopeError);
    expect(error).toMatchObject({ maxRunning: 1, maxQueued: 1, limiterName: 'openai', source: 'model:gpt-4o', modelName: 'gpt-4o' });
  });

  it('gives up after queueTimeoutMs with a typed error and leaves the queue', async () => {
    const limiter = new ConcurrencyLimiter({ maxRunning: 1, queueTimeoutMs: 5 });
    await limiter.acquire(request);
    const error = await limiter.acquire(request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConcurrencyQueueTimeoutError);
    expect((error as ConcurrencyQueueTimeoutError).queueTimeoutMs).toBe(5);
    expect(limiter.waiting).toBe(0);
  });

  it('stops waiting when the signal aborts', async () => {
    const limiter = new ConcurrencyLimiter(1);
    await limiter.acquire(request);
    const controller = new AbortController();
    const waiting = limiter.acquire({ ...request, signal: controller.signal });
    controller.abort(new Error('cancelled'));
    await expect(waiting).rejects.toThrow('cancelled');
    expect(limiter.waiting).toBe(0);
  });

  it('runs only real waits through the wrapConcurrencyWait hook, with the waiting info', async () => {
    const infos: ConcurrencyWaitInfo[] = [];
    uninstall = installModelHooks({ wrapConcurrencyWait: (info, wait) => (infos.push(info), wait()) });
    const limiter = new ConcurrencyLimiter({ maxRunning: 1, maxQueued: 4, name: 'shared' });
    const release = await limiter.acquire(request);
    expect(infos).toHaveLength(0);
    const waiting = limiter.acquire(request);
    release();
    (await waiting)();
    expect(infos).toEqual([{ source: 'model:gpt-4o', limiterName: 'shared', waitingCount: 1, maxRunning: 1, maxQueued: 4 }]);
  });

  it('gives the slot back when the wait wrapper fails after the slot was granted', async () => {
    uninstall = installModelHooks({
      wrapConcurrencyWait: async (_info, wait) => {
        await wait();
        throw new Error('wrapper bug');
      },
    });
    const limiter = new ConcurrencyLimiter(1);
    const release = await limiter.acquire(request);
    const waiting = limiter.acquire(request);
    release();
    await expect(waiting).rejects.toThrow('wrapper bug');
    expect(limiter.running).toBe(0);
  });
});
