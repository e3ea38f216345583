/**
 * A StreamedResponse that forwards another one, for wrappers that must act when the stream
 * ends: a FallbackModel (hop record, typed mid-stream error, chain usage) and a concurrency
 * limiter (slot release). It can replay an event already read (a FallbackModel peeks the first).
 */
import { UnexpectedModelBehavior } from '../errors.js';
import type { ModelResponse } from '../messages.js';
import { StreamedResponse, type ModelResponseStreamEvent } from '../stream.js';
import type { RequestUsage } from '../usage.js';

/** Asks an iterator to stop, ignoring its errors (it is being abandoned). */
export async function closeQuietly(iterator: AsyncIterator<unknown>): Promise<void> {
  try {
    await iterator.return?.();
  } catch {
    // Nothing to do: nobody reads this stream any more.
  }
}

/** complete: the inner stream ended; error: it threw; abandoned: the reader stopped early. */
export type StreamEnd = { readonly kind: 'complete' } | { readonly kind: 'error'; readonly error: unknown } | { readonly kind: 'abandoned' };

export interface ForwardingHooks {
  /** An iterator of the inner stream already started, and the result already read from it. */
  readonly started?: { readonly iterator: AsyncIterator<ModelResponseStreamEvent>; readonly first: IteratorResult<ModelResponseStreamEvent> };
  /** Rewrites the usage the stream reports (e.g. to add earlier hops). */
  readonly mapUsage?: (usage: RequestUsage) => RequestUsage;
  /** Called once when the stream ends, however it ends; may return the error to throw instead. */
  readonly onEnd?: (end: StreamEnd) => unknown;
}

/**
 * Forwards `inner`, calling `onEnd` exactly once.
 * @example new ForwardingStreamedResponse(stream, { onEnd: () => release() })
 */
export class ForwardingStreamedResponse extends StreamedResponse {
  private began = false;
  private ended = false;

  constructor(
    private readonly inner: StreamedResponse,
    private readonly hooks: ForwardingHooks = {},
  ) {
    super(inner.modelName, inner.providerName, inner.providerUrl);
  }

  protected iterateEvents(): AsyncIterable<ModelResponseStreamEvent> {
    throw new UnexpectedModelBehavior('ForwardingStreamedResponse iterates its inner stream directly');
  }

  override async *[Symbol.asyncIterator](): AsyncIterator<ModelResponseStreamEvent> {
    if (this.began) throw new UnexpectedModelBehavior('A StreamedResponse can be iterated only once');
    this.began = true;
    const iterator = this.hooks.started?.iterator ?? this.inner[Symbol.asyncIterator]();
    let pending = this.hooks.started?.first;
    try {
      for (;;) {
        const result = pending ?? (await iterator.next());
        pending = undefined;
        if (result.done) break;
        const event = result.value;
        yield event.eventKind === 'final-response' ? { eventKind: 'final-response', response: this.mapResponse(event.response) } : event;
      }
      this.end({ kind: 'complete' });
    } catch (error) {
      const replacement = this.end({ kind: 'error', error });
      throw replacement ?? error;
    } finally {
      // The reader stopped early; after the final event that still counts as complete.
      if (!this.ended && this.inner.isComplete) this.end({ kind: 'complete' });
      if (!this.ended) {
        this.end({ kind: 'abandoned' });
        await closeQuietly(iterator);
      }
    }
  }

  /** Ends the stream without reading it (e.g. its request was aborted before anyone iterated). */
  close(): void {
    if (this.ended) return;
    this.end({ kind: 'abandoned' });
    if (this.hooks.started) void closeQuietly(this.hooks.started.iterator);
  }

  private end(end: StreamEnd): unknown {
    if (this.ended) return undefined;
    this.ended = true;
    return this.hooks.onEnd?.(end);
  }

  private mapResponse(response: ModelResponse): ModelResponse {
    return this.hooks.mapUsage ? { ...response, usage: this.hooks.mapUsage(response.usage) } : response;
  }

  override get isComplete(): boolean {
    return this.inner.isComplete;
  }

  override get(): ModelResponse {
    return this.mapResponse(this.inner.get());
  }

  override usage(): RequestUsage {
    return this.hooks.mapUsage ? this.hooks.mapUsage(this.inner.usage()) : this.inner.usage();
  }

  override async finalResponse(): Promise<ModelResponse> {
    if (!this.began) for await (const event of this) if (event.eventKind === 'final-response') return event.response;
    return this.get();
  }
}
