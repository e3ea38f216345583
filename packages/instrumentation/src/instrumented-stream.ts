/**
 * A streamed response that keeps its chat span open while the consumer iterates, notes the
 * first chunk, and finishes the span with `get()` (the partial response when the consumer
 * breaks off or the stream fails), exactly once.
 */
import { context } from '@opentelemetry/api';
import { StreamedResponse, type ModelResponse, type ModelResponseStreamEvent, type RequestUsage } from '@hopscope/models';
import type { ChatSpanRecorder } from './chat-span.js';

export class InstrumentedStreamedResponse extends StreamedResponse {
  private started = false;
  private closed = false;

  constructor(
    private readonly inner: StreamedResponse,
    private readonly chat: ChatSpanRecorder,
  ) {
    super(inner.modelName, inner.providerName, inner.providerUrl);
  }

  protected iterateEvents(): AsyncIterable<ModelResponseStreamEvent> {
    return this.inner;
  }

  override async *[Symbol.asyncIterator](): AsyncIterator<ModelResponseStreamEvent> {
    this.started = true;
    const iterator = context.with(this.chat.context, () => this.inner[Symbol.asyncIterator]());
    let done = false;
    try {
      while (true) {
        const step = await context.with(this.chat.context, () => iterator.next());
        if (step.done) {
          done = true;
          return;
        }
        this.chat.markFirstChunk();
        yield step.value;
      }
    } catch (error) {
      done = true;
      this.close(error);
      throw error;
    } finally {
      if (!done) await iterator.return?.();
      this.close(undefined);
    }
  }

  private close(error: unknown): void {
    if (this.closed) return;
    this.closed = true;
    if (error !== undefined) this.chat.fail(error);
    this.chat.finish(this.inner.get());
    this.chat.end();
  }

  override get isComplete(): boolean {
    return this.inner.isComplete;
  }

  override get(): ModelResponse {
    return this.inner.get();
  }

  override usage(): RequestUsage {
    return this.inner.usage();
  }

  override async finalResponse(): Promise<ModelResponse> {
    if (!this.started) {
      for await (const event of this) if (event.eventKind === 'final-response') return event.response;
    }
    return this.get();
  }
}
