/**
 * The chat-span flow shared by InstrumentedModel and instrumentAll's interceptor: skip when the
 * call is already instrumented, open the span, listen for fallback hops, finish or fail.
 */
import { context } from '@opentelemetry/api';
import type { HopRecord, ModelResponse, RequestOptions, StreamedResponse } from '@hopscope/models';
import { isChatInstrumented } from './active-chat.js';
import { ChatSpanRecorder, type ChatCall } from './chat-span.js';
import { InstrumentedStreamedResponse } from './instrumented-stream.js';
import { reportTelemetryFailure } from './report-failure.js';
import type { InstrumentationSettings } from './settings.js';

/** A call with its options. */
export interface InstrumentedCall extends ChatCall {
  readonly options: RequestOptions | undefined;
}

/** Runs the call with the given options (`onHop` added); gets the call, so it can be made once, not per call. */
export type RunCall<T> = (call: InstrumentedCall, options: RequestOptions | undefined) => Promise<T>;

/** The call's options with the chat's hop listener added (called before the caller's own). */
function withHopListener(options: RequestOptions | undefined, listener: (record: HopRecord) => void): RequestOptions {
  const own = options?.onHop;
  if (own === undefined) return options === undefined ? { onHop: listener } : { ...options, onHop: listener };
  const onHop = (record: HopRecord) => {
    listener(record);
    own(record);
  };
  return { ...options, onHop };
}

function open(settings: InstrumentationSettings, call: InstrumentedCall): ChatSpanRecorder | undefined {
  const parent = context.active();
  try {
    if (isChatInstrumented(parent, call.model, call.messages, call.options)) return undefined;
  } catch (error) {
    reportTelemetryFailure('instrumentation check', error);
    return undefined;
  }
  return ChatSpanRecorder.start(settings, call, parent);
}

/** Starts the call inside the chat span (the options go through `context.with`, no closure per call). */
function startInChat<T>(chat: ChatSpanRecorder, call: InstrumentedCall, run: RunCall<T>): Promise<T> {
  return context.with(chat.context, run, undefined, call, withHopListener(call.options, chat.onHop));
}

/** A call that failed or could not start: the error is recorded and the span ended; the caller rethrows. */
function failChat(chat: ChatSpanRecorder, error: unknown): void {
  chat.fail(error);
  chat.end();
}

/**
 * Runs a request inside its chat span. `run` receives the call and the options to call with (`onHop` added).
 * No async layer of its own: the span is finished in the one reaction to the response.
 * @example instrumentChatRequest(settings, { model, messages, settings: s, parameters: p, options }, (c, o) => c.model.request(c.messages, c.settings, c.parameters, o))
 */
export function instrumentChatRequest(settings: InstrumentationSettings, call: InstrumentedCall, run: RunCall<ModelResponse>): Promise<ModelResponse> {
  // Whatever throws here comes out as a rejected promise, as from an async function.
  try {
    const chat = open(settings, call);
    // Promise.resolve passes a native promise through as it is, and adopts any other thenable or value.
    if (!chat) return Promise.resolve(run(call, call.options));
    let pending: Promise<ModelResponse>;
    try {
      pending = Promise.resolve(startInChat(chat, call, run));
    } catch (error) {
      failChat(chat, error);
      throw error;
    }
    return pending.then(chat.completeRequest, chat.failRequest);
  } catch (error) {
    return Promise.reject(error);
  }
}

/**
 * Starts a streamed request inside its chat span; the span stays open until the stream is consumed.
 * @example instrumentChatStream(settings, call, (c, o) => c.model.requestStream(c.messages, c.settings, c.parameters, o))
 */
export async function instrumentChatStream(settings: InstrumentationSettings, call: InstrumentedCall, run: RunCall<StreamedResponse>): Promise<StreamedResponse> {
  const chat = open(settings, call);
  if (!chat) return run(call, call.options);
  let stream: StreamedResponse;
  try {
    stream = await startInChat(chat, call, run);
  } catch (error) {
    failChat(chat, error);
    throw error;
  }
  return new InstrumentedStreamedResponse(stream, chat);
}
