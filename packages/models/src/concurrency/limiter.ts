/**
 * A counting semaphore with a bounded FIFO queue, shareable by several models. A request that
 * must wait does so through the `wrapConcurrencyWait` hook, so instrumentation can open its
 * `waiting for ... concurrency` span around exactly the wait.
 */
import { getModelHooks } from '../hooks.js';
import { ConcurrencyLimitExceededError, ConcurrencyQueueTimeoutError, type ConcurrencyLimitErrorOptions } from './errors.js';
import { parseConcurrencyLimit, type ConcurrencyLimitOptions } from './options.js';

/** Who asks for a slot. */
export interface SlotRequest {
  /** `model:<model name>` */
  readonly source: string;
  readonly modelName: string;
  readonly provider: string;
  readonly signal?: AbortSignal | undefined;
}

interface Waiter {
  readonly grant: () => void;
}

/**
 * Caps requests in flight across every model that shares it.
 * @example
 * const openai = new ConcurrencyLimiter({ maxRunning: 8, maxQueued: 100, name: 'openai' });
 * const a = limitModelConcurrency(gpt4o, openai), b = limitModelConcurrency(gpt4oMini, openai);
 */
export class ConcurrencyLimiter {
  readonly options: ConcurrencyLimitOptions;
  private active = 0;
  private readonly queue: Waiter[] = [];

  constructor(limit: number | ConcurrencyLimitOptions) {
    this.options = parseConcurrencyLimit(limit);
  }

  /** Requests holding a slot. */
  get running(): number {
    return this.active;
  }

  /** Requests waiting for a slot. */
  get waiting(): number {
    return this.queue.length;
  }

  /** Resolves with the function that gives the slot back (calling it twice is harmless). */
  async acquire(request: SlotRequest): Promise<() => void> {
    request.signal?.throwIfAborted();
    if (this.active < this.options.maxRunning && this.queue.length === 0) {
      this.active++;
      return this.releaser();
    }
    const { maxRunning, maxQueued, queueTimeoutMs, name } = this.options;
    const errorOptions: ConcurrencyLimitErrorOptions = { modelName: request.modelName, provider: request.provider, source: request.source, limiterName: name, maxRunning, maxQueued };
    if (maxQueued !== undefined && this.queue.length >= maxQueued) throw new ConcurrencyLimitExceededError(errorOptions);
    let granted = false;
    const wait = async () => {
      await this.enqueue(request.signal, () => new ConcurrencyQueueTimeoutError({ ...errorOptions, queueTimeoutMs: queueTimeoutMs ?? 0 }));
      granted = true;
    };
    const info = { source: request.source, waitingCount: this.queue.length + 1, maxRunning, ...(name !== undefined ? { limiterName: name } : {}), ...(maxQueued !== undefined ? { maxQueued } : {}) };
    const wrap = getModelHooks()?.wrapConcurrencyWait;
    const release = this.releaser();
    try {
      await (wrap ? wrap(info, wait) : wait());
    } catch (error) {
      // A slot granted to a wait whose wrapper then failed must not leak.
      if (granted) release();
      throw error;
    }
    return release;
  }

  private enqueue(signal: AbortSignal | undefined, timeoutError: () => Error): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const leave = (error: unknown) => {
        const at = this.queue.indexOf(waiter);
        if (at >= 0) this.queue.splice(at, 1);
        cleanup();
        reject(error);
      };
      const onAbort = () => leave(signal?.reason);
      const cleanup = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      };
      const waiter: Waiter = {
        grant: () => {
          cleanup();
          resolve();
        },
      };
      this.queue.push(waiter);
      signal?.addEventListener('abort', onAbort, { once: true });
      if (this.options.queueTimeoutMs !== undefined) timer = setTimeout(() => leave(timeoutError()), this.options.queueTimeoutMs);
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.queue.shift();
      // The slot passes straight to the next waiter, so no newcomer can jump the queue.
      if (next) next.grant();
      else this.active--;
    };
  }
}
