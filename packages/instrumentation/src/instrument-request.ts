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

function withHopListener(options: RequestOptions | undefined, listener: (record: HopRecord) => void): RequestOptions {
  const own = options?.onHop;
  const onHop = (record: HopRecord) => {
    listener(record);
    if (own) own(record);
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
function startInChat<T>(chat: ChatSpanRecorder, call: InstrumentedCall, run: (options: RequestOptions | undefined) => Promise<T>): Promise<T> {
  return context.with(chat.context, run, undefined, withHopListener(call.options, chat.onHop));
}

/** A call that failed or could not start: the error is recorded and the span ended; the caller rethrows. */
function failChat(chat: ChatSpanRecorder, error: unknown): void {
  chat.fail(error);
  chat.end();
}

/**
 * Runs a request inside its chat span. `run` receives the options to call with (`onHop` added).
 * One async layer around the call: the span is finished right after the awaited response.
 * @example instrumentChatRequest(settings, { model, messages, settings: s, parameters: p, options }, (o) => model.request(messages, s, p, o))
 */
export async function instrumentChatRequest(settings: InstrumentationSettings, call: InstrumentedCall, run: (options: RequestOptions | undefined) => Promise<ModelResponse>): Promise<ModelResponse> {
  const chat = open(settings, call);
  if (!chat) return run(call.options);
  let response: ModelResponse;
  try {
    response = await startInChat(chat, call, run);
  } catch (error) {
    failChat(chat, error);
    throw error;
  }
  chat.finish(response);
  chat.end();
  return response;
}

/**
 * Starts a streamed request inside its chat span; the span stays open until the stream is consumed.
 * @example instrumentChatStream(settings, call, (o) => model.requestStream(messages, s, p, o))
 */
export async function instrumentChatStream(settings: InstrumentationSettings, call: InstrumentedCall, run: (options: RequestOptions | undefined) => Promise<StreamedResponse>): Promise<StreamedResponse> {
  const chat = open(settings, call);
  if (!chat) return run(call.options);
  let stream: StreamedResponse;
  try {
    stream = await startInChat(chat, call, run);
  } catch (error) {
    failChat(chat, error);
    throw error;
  }
  return new InstrumentedStreamedResponse(stream, chat);
}
