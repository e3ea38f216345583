/**
 * One model request of a run, through the `wrapModelRequest` hook; streamed when the run is.
 */
import type { ModelMessage, ModelResponse } from '../messages.js';
import type { Model } from '../model.js';
import type { ModelRequestParameters, ModelSettings } from '../settings.js';
import type { ModelResponseStreamEvent } from '../stream.js';
import type { EventChannel } from './event-channel.js';
import type { RunState } from './run-state.js';
import { StreamForwarder } from './stream-forwarder.js';

export interface ModelCall {
  readonly model: Model;
  readonly settings: ModelSettings | undefined;
  readonly parameters: ModelRequestParameters;
  readonly signal: AbortSignal | undefined;
  /** Present for `runStream`: the caller's event channel. */
  readonly events: EventChannel<ModelResponseStreamEvent> | undefined;
}

/** One forwarder per run (a run has one channel), so only one of its responses is streamed. */
const forwarders = new WeakMap<EventChannel<ModelResponseStreamEvent>, StreamForwarder>();

function forwarderFor(channel: EventChannel<ModelResponseStreamEvent>): StreamForwarder {
  let forwarder = forwarders.get(channel);
  if (!forwarder) forwarders.set(channel, (forwarder = new StreamForwarder(channel)));
  return forwarder;
}

export async function requestModel(state: RunState, messages: readonly ModelMessage[], call: ModelCall): Promise<ModelResponse> {
  const options = call.signal ? { signal: call.signal } : {};
  const send = async (): Promise<ModelResponse> => {
    if (!call.events) return call.model.request(messages, call.settings, call.parameters, options);
    const streamed = await call.model.requestStream(messages, call.settings, call.parameters, options);
    const forwarder = forwarderFor(call.events);
    forwarder.begin(call.parameters);
    let final: ModelResponse | undefined;
    for await (const event of streamed) {
      forwarder.handle(event);
      if (event.eventKind === 'final-response') final = event.response;
    }
    return final ?? streamed.get();
  };
  const hook = state.hooks?.wrapModelRequest;
  if (!hook) return send();
  return hook({ run: state.info, model: call.model, messages, settings: call.settings, parameters: call.parameters, stream: call.events !== undefined }, send);
}
