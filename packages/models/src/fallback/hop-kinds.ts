/**
 * The two kinds of hop: a request (answered when the response arrives; response checks apply)
 * and a stream (answered when its first event arrives, which is the last moment a chain can
 * still move on without the caller having seen output).
 */
import type { ModelMessage, ModelResponse } from '../messages.js';
import type { ModelRequestParameters, ModelSettings } from '../settings.js';
import type { ModelResponseStreamEvent, StreamedResponse } from '../stream.js';
import { closeQuietly } from './forwarding-stream.js';
import type { HopKind } from './hop-record.js';

interface Call {
  readonly messages: readonly ModelMessage[];
  readonly settings: ModelSettings | undefined;
  readonly parameters: ModelRequestParameters;
  readonly timeoutMs: number | undefined;
}

/** A stream whose first event has been read. */
export interface PeekedStream {
  readonly stream: StreamedResponse;
  readonly iterator: AsyncIterator<ModelResponseStreamEvent>;
  readonly first: IteratorResult<ModelResponseStreamEvent>;
}

/** @example new ChainRun({ ..., kind: requestHopKind({ messages, settings, parameters, timeoutMs }) }) */
export function requestHopKind(call: Call): HopKind<ModelResponse> {
  return {
    stream: false,
    timeoutMs: call.timeoutMs,
    start: (model, options) => model.request(call.messages, call.settings, call.parameters, options),
    checkable: (response) => response,
    snapshot: (response) => ({ response, usage: response.usage }),
    discard: () => {},
  };
}

/** @example new ChainRun({ ..., kind: streamHopKind({ messages, settings, parameters, timeoutMs }) }) */
export function streamHopKind(call: Call): HopKind<PeekedStream> {
  return {
    stream: true,
    timeoutMs: call.timeoutMs,
    async start(model, options) {
      const stream = await model.requestStream(call.messages, call.settings, call.parameters, options);
      const iterator = stream[Symbol.asyncIterator]();
      try {
        return { stream, iterator, first: await iterator.next() };
      } catch (error) {
        void closeQuietly(iterator);
        throw error;
      }
    },
    checkable: () => undefined,
    snapshot: ({ stream }) => ({ response: stream.get(), usage: stream.usage() }),
    discard: ({ iterator }) => void closeQuietly(iterator),
  };
}
