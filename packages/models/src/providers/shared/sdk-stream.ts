/** The part every SDK-backed stream shares: iterate the SDK's events, map what breaks. */
import { StreamedResponse, type ModelResponseStreamEvent } from '../../stream.js';
import type { ResponseContext } from './response-context.js';

/**
 * A streamed response over an SDK's event iterable. Subclasses turn one provider event into at
 * most one part event (updating usage, finish reason and ids on the way); a failure mid-stream is
 * thrown as the mapped error while `get()` keeps what arrived.
 * @example class MyStream extends SdkStreamedResponse<MyEvent> { protected handleEvent(e) { ... } }
 */
export abstract class SdkStreamedResponse<Event> extends StreamedResponse {
  constructor(
    context: ResponseContext,
    private readonly events: AsyncIterable<Event>,
    private readonly mapError: (error: unknown) => unknown,
  ) {
    super(context.modelName, context.providerName, context.providerUrl);
  }

  protected abstract handleEvent(event: Event): Iterable<ModelResponseStreamEvent | undefined>;

  protected async *iterateEvents(): AsyncIterable<ModelResponseStreamEvent> {
    try {
      for await (const event of this.events) {
        for (const out of this.handleEvent(event)) if (out) yield out;
      }
    } catch (error) {
      throw this.mapError(error);
    }
  }
}
