/**
 * `limitModelConcurrency`: a model that holds a limiter slot for each request it runs. A stream
 * holds its slot until it is fully read, the reader stops, it fails, or the caller's signal
 * aborts; a stream nobody ever reads keeps its slot until that signal aborts. Its requests go
 * through the request interceptor themselves, so a chat span opened there wraps the wait for a
 * slot (the wait span is its child, as in the reference) rather than starting after it.
 */
import type { ModelMessage, ModelResponse } from '../messages.js';
import { interceptRequest } from '../hooks.js';
import { WrapperModel, type Model, type RequestOptions } from '../model.js';
import type { ModelRequestParameters, ModelSettings } from '../settings.js';
import type { StreamedResponse } from '../stream.js';
import { ForwardingStreamedResponse } from '../fallback/forwarding-stream.js';
import { ConcurrencyLimiter } from './limiter.js';
import type { ConcurrencyLimitOptions } from './options.js';

/**
 * A model whose requests go through a ConcurrencyLimiter.
 * @example const model = new ConcurrencyLimitedModel(openaiModel, new ConcurrencyLimiter(8));
 */
export class ConcurrencyLimitedModel extends WrapperModel {
  constructor(
    wrapped: Model,
    readonly limiter: ConcurrencyLimiter,
  ) {
    super(wrapped);
  }

  private acquire(options: RequestOptions | undefined): Promise<() => void> {
    return this.limiter.acquire({ source: `model:${this.modelName}`, modelName: this.modelName, provider: this.system, signal: options?.signal });
  }

  override request(messages: readonly ModelMessage[], settings?: ModelSettings, parameters?: ModelRequestParameters, options: RequestOptions = {}): Promise<ModelResponse> {
    return interceptRequest({ model: this, messages, settings, parameters, options, stream: false }, (override) => this.requestInSlot(messages, settings, parameters, override ?? options));
  }

  override requestStream(messages: readonly ModelMessage[], settings?: ModelSettings, parameters?: ModelRequestParameters, options: RequestOptions = {}): Promise<StreamedResponse> {
    return interceptRequest({ model: this, messages, settings, parameters, options, stream: true }, (override) => this.streamInSlot(messages, settings, parameters, override ?? options));
  }

  private async requestInSlot(messages: readonly ModelMessage[], settings: ModelSettings | undefined, parameters: ModelRequestParameters | undefined, options: RequestOptions): Promise<ModelResponse> {
    const release = await this.acquire(options);
    try {
      return await super.request(messages, settings, parameters, options);
    } finally {
      release();
    }
  }

  private async streamInSlot(messages: readonly ModelMessage[], settings: ModelSettings | undefined, parameters: ModelRequestParameters | undefined, options: RequestOptions): Promise<StreamedResponse> {
    const release = await this.acquire(options);
    let stream: StreamedResponse;
    try {
      stream = await super.requestStream(messages, settings, parameters, options);
    } catch (error) {
      release();
      throw error;
    }
    const signal = options?.signal;
    const onAbort = () => forwarding.close();
    const forwarding = new ForwardingStreamedResponse(stream, {
      onEnd: () => {
        signal?.removeEventListener('abort', onAbort);
        release();
      },
    });
    if (signal?.aborted) forwarding.close();
    else signal?.addEventListener('abort', onAbort, { once: true });
    return forwarding;
  }
}

/**
 * Caps the requests in flight on `model`: a number, limit options, or a limiter shared with
 * other models. Waiting requests queue in order; a bounded queue or a queue timeout fails with a
 * typed error (`ConcurrencyLimitExceededError`, `ConcurrencyQueueTimeoutError`).
 * @example const model = limitModelConcurrency(new OpenAIChatModel('gpt-4o'), { maxRunning: 8, maxQueued: 32, queueTimeoutMs: 10_000 });
 */
export function limitModelConcurrency(model: Model, limit: number | ConcurrencyLimitOptions | ConcurrencyLimiter): ConcurrencyLimitedModel {
  return new ConcurrencyLimitedModel(model, limit instanceof ConcurrencyLimiter ? limit : new ConcurrencyLimiter(limit));
}
